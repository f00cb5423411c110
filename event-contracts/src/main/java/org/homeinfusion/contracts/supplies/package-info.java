/** Events of the equipment and supplies pillar on {@code supplies-auth.events}, each carrying the full current state. */
package org.homeinfusion.contracts.supplies;

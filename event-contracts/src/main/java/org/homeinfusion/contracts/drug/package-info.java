/** Events of the drug pillar on {@code drug-auth.events}, each carrying the authorization's full current state. */
package org.homeinfusion.contracts.drug;

/** Events of the nursing pillar on {@code nursing-auth.events}, each carrying the authorization's full current state. */
package org.homeinfusion.contracts.nursing;

/** The nursing pillar: skilled nursing visit authorizations billed by the home health agency, and its visits. */
package org.homeinfusion.nursingauth;

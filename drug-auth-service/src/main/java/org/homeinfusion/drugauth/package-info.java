/** The drug pillar: drug authorizations billed by the home infusion pharmacy, and its deliveries. */
package org.homeinfusion.drugauth;

/** Billing-code preflight: refuse a drug line the payer would deny, and compute billing units per dose. */
package org.homeinfusion.drugauth.billing;

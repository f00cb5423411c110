/** Supplies authorizations: request (itemized or bundled), payer decisions and the supplier's delivery window, each change an event. */
package org.homeinfusion.suppliesauth.authorization;

/** Drug authorizations: request, payer decisions and the pharmacy's delivery window, each change an event. */
package org.homeinfusion.drugauth.authorization;

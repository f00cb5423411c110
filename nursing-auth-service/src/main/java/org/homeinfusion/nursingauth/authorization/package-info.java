/** Nursing authorizations: request, payer decisions and the agency's visit slot and visit count, each change an event. */
package org.homeinfusion.nursingauth.authorization;

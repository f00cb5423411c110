/** Service-code validation: refuse a nursing line the payer would deny, before the request is sent. */
package org.homeinfusion.nursingauth.servicecode;

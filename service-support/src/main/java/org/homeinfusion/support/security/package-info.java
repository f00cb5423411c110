/** JWT bearer authentication and the access matrix: who may call what, decided in one place per service. */
package org.homeinfusion.support.security;

/** Request fragments and input bounds common to every service's API (CONTRACT §3). */
package org.homeinfusion.support.api;

/** Framework-level building blocks every service shares; never domain code. */
package org.homeinfusion.support;

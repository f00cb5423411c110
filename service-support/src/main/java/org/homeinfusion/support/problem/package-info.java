/** RFC 9457 problem details for every error, so bad input never surfaces as a 5xx. */
package org.homeinfusion.support.problem;

/** The payer decision request every pillar shares (CONTRACT §4), with its input rules. */
package org.homeinfusion.support.decision;

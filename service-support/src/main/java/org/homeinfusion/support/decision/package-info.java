/** The payer decision request every pillar shares (docs/api.md), with its input rules. */
package org.homeinfusion.support.decision;

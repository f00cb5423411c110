/** Reading the three pillar topics: contract events in, the saga's domain types out, bad records to the dead-letter topic. */
package org.homeinfusion.coordinator.intake;

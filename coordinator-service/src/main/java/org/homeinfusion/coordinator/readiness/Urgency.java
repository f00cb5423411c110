package org.homeinfusion.coordinator.readiness;

/** How fast the payer must decide; it picks the decision clock the coordinator holds the payer to. */
public enum Urgency {
    STANDARD, EXPEDITED
}

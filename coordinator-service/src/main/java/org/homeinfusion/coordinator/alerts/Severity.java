package org.homeinfusion.coordinator.alerts;

/** Declared from most to least urgent: the worklist sorts by this order first. */
public enum Severity {
    CRITICAL, WARNING, INFO
}

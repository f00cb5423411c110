package org.homeinfusion.coordinator.alerts;

/**
 * Where an alert stands. PENDING: planned, waiting for its moment. OPEN: raised. RESOLVED: raised, and its condition
 * ended. SKIPPED: fell due together with a later alert of its series, which was raised instead. Only PENDING and
 * OPEN ever change; the other two are final, so an alertId is raised and resolved at most once.
 */
public enum AlertState {
    PENDING, OPEN, RESOLVED, SKIPPED
}

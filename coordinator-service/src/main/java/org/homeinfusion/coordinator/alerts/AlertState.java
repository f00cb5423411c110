package org.homeinfusion.coordinator.alerts;

/**
 * Where a stored alert stands. OPEN: raised. RESOLVED: raised, and its condition ended. SKIPPED: fell due together
 * with a later alert of its series, which was raised instead. Alerts still waiting are not stored: the case keeps
 * the time of its earliest one. Only OPEN ever changes, so an alertId is raised and resolved at most once.
 */
public enum AlertState {
    OPEN, RESOLVED, SKIPPED
}

package org.homeinfusion.coordinator.alerts;

/** Who must do what, in words. Every organization named in an alert's actions may see the alert. */
public record AlertAction(String orgId, String role, String action) {
}

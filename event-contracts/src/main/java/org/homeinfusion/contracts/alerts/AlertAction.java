package org.homeinfusion.contracts.alerts;

/** Who must do what, in words: "PHARM-1 must post a delivery ending by Tue Dec 8 13:00". */
public record AlertAction(String orgId, String role, String action) {
}

package org.homeinfusion.coordinator.readiness;

/**
 * How supplies are paid for. BUNDLED supplies ride on the pharmacy's per diem code and its drug
 * delivery, so the supplies-only rules (own delivery, own validity window) apply to SEPARATE alone.
 */
public enum Coverage {
    SEPARATE, BUNDLED
}

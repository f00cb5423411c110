/** Decides, as a pure function of a case's authorizations, whether a home infusion start is ready to schedule and what to announce when that changes. */
package org.homeinfusion.coordinator.readiness;

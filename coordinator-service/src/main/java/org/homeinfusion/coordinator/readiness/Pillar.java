package org.homeinfusion.coordinator.readiness;

/** The three payer authorizations a home infusion start needs; declaration order is the order blockers are reported in. */
public enum Pillar {
    DRUG, NURSING, SUPPLIES
}

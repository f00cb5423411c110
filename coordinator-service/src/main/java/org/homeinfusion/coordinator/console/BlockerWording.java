package org.homeinfusion.coordinator.console;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A blocker in plain words with the organization that must act on it: the payer decides, the pharmacy and the
 * supplier deliver, the agency confirms the nurse, the specialist requests what is missing.
 */
public final class BlockerWording {

    /** A blocker on the page: its contract code, the coordinator's sentence, and who must act. */
    public record Line(String code, String message, String actor) {
    }

    private BlockerWording() {
    }

    static Line of(JsonNode blocker, String specialistOrgId, Map<String, PillarCard> pillars) {
        String code = blocker.path("code").asString("");
        PillarCard drug = pillars.get("drug");
        PillarCard nursing = pillars.get("nursing");
        PillarCard supplies = pillars.get("supplies");
        String actor = switch (code) {
            case "DRUG_AUTH_MISSING", "NURSING_AUTH_MISSING", "SUPPLIES_AUTH_MISSING", "NURSING_VISITS_EXHAUSTED" ->
                    "Specialist " + specialistOrgId + " must request an authorization";
            case "DRUG_AUTH_NOT_APPROVED", "DRUG_UNITS_INSUFFICIENT" -> payer(drug, specialistOrgId);
            case "NURSING_AUTH_NOT_APPROVED" -> payer(nursing, specialistOrgId);
            case "SUPPLIES_AUTH_NOT_APPROVED" -> payer(supplies, specialistOrgId);
            case "DRUG_DELIVERY_NOT_SCHEDULED" -> "Pharmacy " + org(drug) + " must post a delivery ETA";
            case "DELIVERY_AFTER_VISIT", "PRODUCT_EXPIRES_BEFORE_VISIT" ->
                    "Pharmacy " + org(drug) + " must move the delivery, or agency " + org(nursing) + " the visit";
            case "SUPPLIES_DELIVERY_NOT_SCHEDULED" -> "Supplier " + org(supplies) + " must post a delivery ETA";
            case "SUPPLIES_AFTER_VISIT" ->
                    "Supplier " + org(supplies) + " must move the delivery, or agency " + org(nursing) + " the visit";
            case "NURSE_VISIT_NOT_CONFIRMED" -> "Agency " + org(nursing) + " must confirm a nurse visit";
            case "VISIT_OUTSIDE_DRUG_AUTH", "VISIT_OUTSIDE_NURSING_AUTH", "VISIT_OUTSIDE_SUPPLIES_AUTH" ->
                    "Agency " + org(nursing) + " must move the visit, or specialist " + specialistOrgId
                            + " must extend the authorization";
            default -> "Specialist " + specialistOrgId + " must look into it";
        };
        return new Line(code, blocker.path("message").asString(code), actor);
    }

    private static String payer(PillarCard card, String specialistOrgId) {
        return card != null && card.payerId() != null ? "Payer " + card.payerId() + " must decide"
                : "Specialist " + specialistOrgId + " must obtain the payer's decision";
    }

    private static String org(PillarCard card) {
        return card == null || card.organizationId() == null || card.organizationId().isEmpty() ? "(not assigned)"
                : card.organizationId();
    }
}

package org.homeinfusion.coordinator.console;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One pillar as the case page and the board show it: its status ({@code MISSING} when there is no authorization) and
 * the facts each party asks about on the phone, already in words.
 *
 * @param pillar  drug, nursing or supplies
 * @param state   the authorization's status, or MISSING
 * @param lines   the facts (number, window, units or visits, organization, payer and urgency)
 * @param authorizationId the authorization's id, for the actions on it
 * @param organizationId  the pharmacy, agency or supplier assigned to it
 */
public record PillarCard(String pillar, String title, String state, List<String> lines, String authorizationId,
        String organizationId, String payerId) {

    static PillarCard of(String pillar, JsonNode authorization) {
        String title = switch (pillar) {
            case "drug" -> "Drug";
            case "nursing" -> "Nursing";
            default -> "Equipment & supplies";
        };
        if (authorization == null || authorization.isNull() || authorization.isMissingNode()) {
            return new PillarCard(pillar, title, "MISSING", List.of("No authorization requested yet"), null, null, null);
        }
        List<String> lines = new ArrayList<>();
        String number = authorization.path("authorizationNumber").asString("");
        if (!number.isEmpty() || !"NOT_REQUIRED".equals(authorization.path("status").asString(""))) {
            lines.add(number.isEmpty() ? "No authorization number yet" : "Authorization " + number);
        }
        String from = authorization.path("validFrom").asString("");
        String to = authorization.path("validTo").asString("");
        if (!from.isEmpty() || !to.isEmpty()) {
            lines.add("Valid " + from + " to " + to);
        }
        String organization = switch (pillar) {
            case "drug" -> authorization.path("pharmacyOrgId").asString("");
            case "nursing" -> authorization.path("agencyOrgId").asString("");
            default -> authorization.path("supplierOrgId").asString("");
        };
        switch (pillar) {
            case "drug" -> {
                JsonNode units = authorization.path("approvedUnits");
                lines.add((units.isNumber() ? units.asInt() + " units approved" : "No units approved yet") + ", "
                        + authorization.path("billingUnitsPerDose").asInt() + " per dose");
                JsonNode delivery = authorization.path("delivery");
                lines.add(delivery.isObject() ? "Delivery " + Times.window(Times.parse(delivery.path("etaStart")),
                        Times.parse(delivery.path("etaEnd"))) : "No delivery scheduled");
                if (Times.parse(authorization.path("beyondUseAt")) != null) {
                    lines.add("Beyond use " + Times.dayTime(Times.parse(authorization.path("beyondUseAt"))));
                }
                lines.add("Pharmacy " + organization);
            }
            case "nursing" -> {
                JsonNode approved = authorization.path("approvedVisits");
                int used = authorization.path("visitsUsed").asInt();
                lines.add(approved.isNumber() ? approved.asInt() + " visits approved, " + used + " used, "
                        + Math.max(0, approved.asInt() - used) + " remaining" : "No visits approved yet, " + used + " used");
                JsonNode visit = authorization.path("visit");
                lines.add(visit.isObject() && Times.parse(visit.path("start")) != null
                        ? "Visit " + Times.dayTime(Times.parse(visit.path("start"))) + " for "
                        + visit.path("expectedDurationMinutes").asInt() + " min, nurse " + visit.path("nurseName").asString("")
                        : "No visit confirmed");
                lines.add("Agency " + organization);
            }
            default -> {
                String coverage = authorization.path("coverage").asString("");
                if ("BUNDLED".equals(coverage)) {
                    lines.add("Bundled into per diem " + authorization.path("perDiemCode").asString(""));
                } else {
                    JsonNode delivery = authorization.path("delivery");
                    lines.add(delivery.isObject() ? "Delivery " + Times.window(Times.parse(delivery.path("etaStart")),
                            Times.parse(delivery.path("etaEnd"))) : "No supplies delivery scheduled");
                }
                lines.add("Supplier " + organization);
            }
        }
        JsonNode submission = authorization.path("submission");
        String payer = submission.path("payerId").asString("");
        if (submission.isObject()) {
            lines.add("Payer " + payer + ", " + submission.path("urgency").asString("STANDARD").toLowerCase(java.util.Locale.ROOT)
                    + ", submitted " + Times.dayTime(Times.parse(submission.path("submittedAt"))));
        }
        return new PillarCard(pillar, title, authorization.path("status").asString("MISSING"), List.copyOf(lines),
                authorization.path("id").asString(null), organization, payer.isEmpty() ? null : payer);
    }

    /** A short status word for the board's light. */
    public String light() {
        return switch (state) {
            case "APPROVED", "PARTIALLY_APPROVED", "NOT_REQUIRED" -> "ok";
            case "DENIED", "CANCELLED", "MISSING" -> "bad";
            default -> "wait";
        };
    }
}

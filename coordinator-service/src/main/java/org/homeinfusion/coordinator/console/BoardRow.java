package org.homeinfusion.coordinator.console;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** A case on the board: its readiness, the three pillar lights, the delivery and the visit, its alerts and deadline. */
public record BoardRow(String caseId, String specialistOrgId, String state, List<PillarCard> pillars, String delivery,
        String visit, long openAlerts, String nextDeadline, boolean atRisk) {

    static BoardRow of(JsonNode readiness, boolean atRisk) {
        JsonNode pillars = readiness.path("pillars");
        List<PillarCard> cards = List.of(PillarCard.of("drug", pillars.path("drug")),
                PillarCard.of("nursing", pillars.path("nursing")), PillarCard.of("supplies", pillars.path("supplies")));
        JsonNode delivery = pillars.path("drug").path("delivery");
        JsonNode visit = pillars.path("nursing").path("visit");
        return new BoardRow(readiness.path("caseId").asString(""), readiness.path("specialistOrgId").asString(""),
                readiness.path("state").asString(""), cards,
                delivery.isObject() ? Times.window(Times.parse(delivery.path("etaStart")), Times.parse(delivery.path("etaEnd")))
                        : "—",
                visit.isObject() && Times.parse(visit.path("start")) != null ? Times.dayTime(Times.parse(visit.path("start")))
                        : "—",
                readiness.path("openAlerts").asLong(), Times.dayTime(Times.parse(readiness.path("nextDeadline"))), atRisk);
    }
}

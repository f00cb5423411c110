package org.homeinfusion.coordinator.console;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Everything the case page shows, built from the readiness view, the case's alerts and its readiness history as the
 * APIs return them to the signed-in user.
 *
 * @param liveVersion changes whenever anything on the page would: the live script re-draws only then
 */
public record CasePage(String caseId, String specialistOrgId, String state, long readinessVersion, List<PillarCard> pillars,
        List<BlockerWording.Line> blockers, String summary, Timeline timeline, List<AlertLine> alerts,
        List<HistoryEntry> history, String nextDeadline, String liveVersion) {

    /** An alert as a line: type, severity, when due, and who must do what. */
    public record AlertLine(String alertId, String type, String severity, String state, String caseId, String due,
            List<String> actions, String pillar) {

        static AlertLine of(JsonNode alert) {
            List<String> actions = ConsoleApi.list(alert.path("actions")).stream()
                    .map(action -> action.path("action").asString("")).filter(text -> !text.isEmpty()).toList();
            return new AlertLine(alert.path("alertId").asString(""), alert.path("type").asString(""),
                    alert.path("severity").asString("INFO"), alert.path("state").asString("OPEN"),
                    alert.path("caseId").asString(""), Times.dayTime(Times.parse(alert.path("dueAt"))), actions,
                    alert.path("pillar").asString(""));
        }
    }

    /** One readiness version: what was announced, when, and why (its blockers or its summary). */
    public record HistoryEntry(long readinessVersion, String eventType, String at, String detail) {

        static HistoryEntry of(JsonNode entry) {
            String type = entry.path("eventType").asString("");
            JsonNode event = entry.path("event");
            String detail = "ReadyToSchedule".equals(type) ? event.path("summary").asString("")
                    : "Withdrawn: " + String.join(", ", ConsoleApi.list(event.path("blockers")).stream()
                            .map(blocker -> blocker.path("code").asString("")).toList());
            return new HistoryEntry(entry.path("readinessVersion").asLong(), type,
                    Times.dayTime(Times.parse(entry.path("occurredAt"))), detail);
        }
    }

    static CasePage of(JsonNode readiness, List<JsonNode> alerts, List<JsonNode> history, Duration minimumDrugLeadTime) {
        String specialistOrgId = readiness.path("specialistOrgId").asString("");
        JsonNode pillarsNode = readiness.path("pillars");
        Map<String, PillarCard> pillars = new LinkedHashMap<>();
        for (String pillar : List.of("drug", "nursing", "supplies")) {
            pillars.put(pillar, PillarCard.of(pillar, pillarsNode.path(pillar)));
        }
        List<BlockerWording.Line> blockers = ConsoleApi.list(readiness.path("blockers")).stream()
                .map(blocker -> BlockerWording.of(blocker, specialistOrgId, pillars)).toList();
        List<AlertLine> alertLines = alerts.stream().map(AlertLine::of)
                .filter(alert -> "OPEN".equals(alert.state())).toList();
        List<HistoryEntry> entries = history.stream().map(HistoryEntry::of).toList();
        String liveVersion = liveVersionOf(readiness);
        return new CasePage(readiness.path("caseId").asString(""), specialistOrgId, readiness.path("state").asString(""),
                readiness.path("readinessVersion").asLong(), List.copyOf(pillars.values()), blockers,
                readiness.path("summary").asString(""), Timeline.of(pillarsNode, minimumDrugLeadTime), alertLines, entries,
                Times.dayTime(Times.parse(readiness.path("nextDeadline"))), liveVersion);
    }

    /** Changes with every new readiness version, every processed pillar change and every alert raised or resolved. */
    static String liveVersionOf(JsonNode readiness) {
        return readiness.path("readinessVersion").asLong() + "/" + readiness.path("updatedAt").asString("") + "/"
                + readiness.path("openAlerts").asLong();
    }

    public PillarCard pillar(String name) {
        return pillars.stream().filter(card -> card.pillar().equals(name)).findFirst().orElseThrow();
    }

    public boolean ready() {
        return "READY".equals(state);
    }
}

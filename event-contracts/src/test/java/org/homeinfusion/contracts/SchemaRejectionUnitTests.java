package org.homeinfusion.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A schema that accepts everything protects no one: each broken copy of a golden sample must fail. */
class SchemaRejectionUnitTests {

    /** One way to break one sample at {@code path}; {@code toString} names the test case. */
    record Breakage(String description, String eventName, String path, Consumer<ObjectNode> breakIt) {

        @Override
        public String toString() {
            return eventName + ": " + description;
        }
    }

    static Stream<Breakage> breakages() {
        return Stream.of(
                remove("caseId missing", "DrugAuthorizationDecided", "/authorization/caseId"),
                remove("authorization missing", "NurseVisitConfirmed", "/authorization"),
                remove("summary missing", "ReadyToSchedule", "/summary"),
                remove("blockers missing", "ReadinessWithdrawn", "/blockers"),
                remove("nullable field left out instead of null", "DrugAuthorizationRequested", "/authorization/delivery"),
                put("month 13", "DrugAuthorizationDecided", "/authorization/validFrom", "2026-13-01"),
                put("US date", "NursingAuthorizationDecided", "/authorization/validTo", "12/28/2026"),
                put("February 30th", "SuppliesAuthorizationDecided", "/authorization/validTo", "2027-02-30"),
                put("visit start without offset", "NurseVisitConfirmed", "/authorization/visit/visitStart", "2026-12-08T14:00:00"),
                put("delivery time with a space", "DrugDeliveryScheduled", "/authorization/delivery/etaEnd", "2026-12-08 11:00:00-05:00"),
                put("hour 25", "ReadyToSchedule", "/visit/start", "2026-12-08T25:00:00-05:00"),
                put("occurredAt not a time", "ReadinessWithdrawn", "/occurredAt", "yesterday"),
                put("authorizationId not a UUID", "SuppliesAuthorizationRequested", "/authorization/authorizationId", "SUP-1"),
                put("unknown status", "DrugAuthorizationDecided", "/authorization/status", "ACCEPTED"),
                put("unknown plan", "NursingAuthorizationRequested", "/authorization/payer/plan", "PRIVATE"),
                put("unknown coverage", "SuppliesAuthorizationRequested", "/authorization/coverage", "INCLUDED"),
                put("caseId of 65 characters", "DrugAuthorizationRequested", "/authorization/caseId", "C".repeat(65)),
                put("caseId with a space", "ReadyToSchedule", "/caseId", "CASE 1001"),
                put("organization id with a slash", "NurseVisitConfirmed", "/authorization/agencyOrgId", "HHA/7"),
                putNull("caseId null", "NurseVisitCancelled", "/authorization/caseId"),
                put("units as text", "DrugAuthorizationDecided", "/authorization/approvedUnits", "56"),
                putNumber("version zero", "DrugDeliveryCancelled", "/authorization/version", 0),
                put("NDC of 10 digits", "DrugAuthorizationRequested", "/authorization/ndc", "0944270002"),
                putNull("approval without its number", "DrugAuthorizationDecided", "/authorization/authorizationNumber"),
                putNull("approval without its window", "NursingAuthorizationDecided", "/authorization/validTo"),
                put("a requested event with another status", "DrugAuthorizationRequested", "/authorization/status", "APPROVED"),
                put("a decision left at REQUESTED", "NursingAuthorizationDecided", "/authorization/status", "REQUESTED"),
                putNull("scheduled without a delivery", "DrugDeliveryScheduled", "/authorization/delivery"),
                copyFrom("SuppliesDeliveryScheduled", "cancelled but still delivering", "SuppliesDeliveryCancelled",
                        "/authorization/delivery"),
                putNull("confirmed without a visit", "NurseVisitConfirmed", "/authorization/visit"),
                putNumber("completed but none used", "NurseVisitCompleted", "/authorization/visitsUsed", 0),
                put("bundled supplies awaiting a decision", "SuppliesAuthorizationRequested", "/authorization/status", "REQUESTED"),
                putNull("bundled supplies without per diem code", "SuppliesAuthorizationRequested", "/authorization/perDiemCode"),
                emptyArray("separate supplies without items", "SuppliesAuthorizationDecided", "/authorization/items"),
                putNull("ready without a visit", "ReadyToSchedule", "/visit"),
                remove("ready without the nursing authorization", "ReadyToSchedule", "/authorizations/nursing"),
                emptyArray("withdrawn without a reason", "ReadinessWithdrawn", "/blockers"),
                put("unknown blocker", "ReadinessWithdrawn", "/blockers/0/code", "NURSE_SICK"),
                put("unknown pillar", "ReadinessWithdrawn", "/blockers/0/pillar", "PHARMACY"),
                putNumber("withdrawn as the first readiness event", "ReadinessWithdrawn", "/readinessVersion", 1));
    }

    @ParameterizedTest
    @MethodSource("breakages")
    void brokenSampleFailsValidationWhereItIsBroken(Breakage breakage) {
        ObjectNode sample = (ObjectNode) ContractResources.sample(breakage.eventName());
        breakage.breakIt().accept(sample);

        assertThat(ContractResources.violations(breakage.eventName(), sample))
                .anyMatch(violation -> violation.contains(field(breakage.path())));
    }

    private static Breakage remove(String description, String eventName, String path) {
        return new Breakage(description, eventName, path, sample -> parent(sample, path).remove(field(path)));
    }

    private static Breakage put(String description, String eventName, String path, String value) {
        return new Breakage(description, eventName, path, sample -> {
            JsonNode parent = sample.at(JsonPointer.compile(path).head());
            if (parent instanceof ArrayNode array) {
                array.set(Integer.parseInt(field(path)), array.stringNode(value));
            } else {
                ((ObjectNode) parent).put(field(path), value);
            }
        });
    }

    private static Breakage putNumber(String description, String eventName, String path, long value) {
        return new Breakage(description, eventName, path, sample -> parent(sample, path).put(field(path), value));
    }

    private static Breakage putNull(String description, String eventName, String path) {
        return new Breakage(description, eventName, path, sample -> parent(sample, path).putNull(field(path)));
    }

    private static Breakage emptyArray(String description, String eventName, String path) {
        return new Breakage(description, eventName, path, sample -> parent(sample, path).putArray(field(path)));
    }

    /** Sets {@code path} to what another sample holds at the same place. */
    private static Breakage copyFrom(String otherEvent, String description, String eventName, String path) {
        return new Breakage(description, eventName, path,
                sample -> parent(sample, path).set(field(path), ContractResources.sample(otherEvent).at(path)));
    }

    private static ObjectNode parent(ObjectNode sample, String path) {
        return (ObjectNode) sample.at(JsonPointer.compile(path).head());
    }

    private static String field(String path) {
        return JsonPointer.compile(path).last().getMatchingProperty();
    }
}

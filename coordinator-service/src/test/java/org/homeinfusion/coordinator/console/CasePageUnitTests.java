package org.homeinfusion.coordinator.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The case page as the readiness API's answers make it: pillars, blockers with who acts, and the timeline's scale. */
class CasePageUnitTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String SEED_CASE = """
            {"caseId": "CASE-1001", "specialistOrgId": "SPEC-1", "state": "NOT_READY", "readinessVersion": 0,
             "blockers": [{"code": "DRUG_AUTH_NOT_APPROVED", "pillar": "DRUG", "message": "The drug is not approved."},
                          {"code": "DELIVERY_AFTER_VISIT", "pillar": "DRUG", "message": "The drug arrives too late."},
                          {"code": "NURSE_VISIT_NOT_CONFIRMED", "pillar": "NURSING", "message": "No visit."},
                          {"code": "SUPPLIES_AUTH_MISSING", "pillar": "SUPPLIES", "message": "No supplies."}],
             "pillars": {
               "drug": {"id": "d1", "status": "REQUESTED", "billingUnitsPerDose": 56, "pharmacyOrgId": "PHARM-1",
                        "delivery": {"etaStart": "2026-12-08T08:00:00-05:00", "etaEnd": "2026-12-08T11:00:00-05:00"},
                        "submission": {"payerId": "PAYER-ABC", "urgency": "STANDARD", "submittedAt": "2026-12-01T14:00:00Z"}},
               "nursing": {"id": "n1", "status": "APPROVED", "authorizationNumber": "67890", "validFrom": "2026-12-01",
                           "validTo": "2027-05-31", "approvedVisits": 8, "visitsUsed": 2, "agencyOrgId": "HHA-7",
                           "visit": {"start": "2026-12-08T14:00:00-05:00", "expectedDurationMinutes": 240, "nurseName": "Jones"}},
               "supplies": null},
             "summary": "Not ready to schedule.", "openAlerts": 1, "updatedAt": "2026-12-07T10:00:00Z"}""";

    @Test
    void namesTheOrganizationThatMustActOnEachBlocker() {
        CasePage page = CasePage.of(JSON.readTree(SEED_CASE), List.of(), List.of(), Duration.ofMinutes(60));

        assertThat(page.blockers()).extracting(BlockerWording.Line::actor).containsExactly(
                "Payer PAYER-ABC must decide",
                "Pharmacy PHARM-1 must move the delivery, or agency HHA-7 the visit",
                "Agency HHA-7 must confirm a nurse visit",
                "Specialist SPEC-1 must request an authorization");
    }

    @Test
    void showsAMissingPillarAsMissingAndCountsTheVisitsLeft() {
        CasePage page = CasePage.of(JSON.readTree(SEED_CASE), List.of(), List.of(), Duration.ofMinutes(60));

        assertThat(page.pillar("supplies").state()).isEqualTo("MISSING");
        assertThat(page.pillar("drug").state()).isEqualTo("REQUESTED");
        assertThat(page.pillar("nursing").lines()).contains("8 visits approved, 2 used, 6 remaining",
                "Visit Tue Dec 8 14:00 (-05:00) for 240 min, nurse Jones");
    }

    @Test
    void drawsTheTimelineToScaleInThePatientsLocalTime() {
        JsonNode readiness = JSON.readTree(SEED_CASE);
        Timeline timeline = CasePage.of(readiness, List.of(), List.of(), Duration.ofMinutes(60)).timeline();

        // 07:00 to 19:00 local: 12 hours on 600 units, 50 units an hour.
        Timeline.Bar delivery = timeline.bars().get(0);
        Timeline.Bar lead = timeline.bars().get(1);
        Timeline.Bar visit = timeline.bars().get(2);
        assertThat(delivery.kind()).isEqualTo("delivery");
        assertThat(delivery.x()).isEqualTo(50.0);
        assertThat(delivery.width()).isEqualTo(150.0);
        assertThat(lead.x()).isEqualTo(200.0);
        assertThat(lead.width()).isEqualTo(50.0);
        assertThat(visit.x()).isEqualTo(350.0);
        assertThat(visit.width()).isEqualTo(200.0);
        Timeline.Bar nursingWindow = timeline.bars().get(3);
        assertThat(nursingWindow.kind()).isEqualTo("authorization");
        assertThat(nursingWindow.clipped()).as("months long: runs off both edges").isTrue();
        assertThat(nursingWindow.x()).isEqualTo(0.0);
        assertThat(nursingWindow.width()).isEqualTo(600.0);
        assertThat(timeline.ticks()).extracting(Timeline.Tick::label).startsWith("07:00", "09:00");
    }

    @Test
    void hasNoTimelineBeforeAnythingIsScheduled() {
        JsonNode readiness = JSON.readTree("""
                {"caseId": "C", "specialistOrgId": "S", "state": "NOT_READY", "blockers": [], "pillars": {}}""");

        assertThat(CasePage.of(readiness, List.of(), List.of(), Duration.ofMinutes(60)).timeline().isEmpty()).isTrue();
    }

    @Test
    void aRefusedFormKeepsTheInputAndPutsEachViolationBesideItsField() {
        FormErrors errors = new FormErrors("drug-delivery", 422, "Domain rule violated",
                java.util.Map.of("beyondUseAt", "Too early (BEYOND_USE_BEFORE_DELIVERY)"),
                java.util.Map.of("etaStart", "2026-12-08T08:00-05:00"));

        assertThat(errors.has("drug-delivery", "beyondUseAt")).isTrue();
        assertThat(errors.has("visit", "beyondUseAt")).as("another form stays clean").isFalse();
        assertThat(errors.value("drug-delivery", "etaStart", "")).isEqualTo("2026-12-08T08:00-05:00");
        assertThat(errors.value("drug-delivery", "etaEnd", "fallback")).isEqualTo("fallback");
    }
}

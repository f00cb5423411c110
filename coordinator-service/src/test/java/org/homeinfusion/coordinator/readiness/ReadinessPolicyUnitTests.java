package org.homeinfusion.coordinator.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.homeinfusion.coordinator.readiness.AuthorizationStatus.APPROVED;
import static org.homeinfusion.coordinator.readiness.AuthorizationStatus.CANCELLED;
import static org.homeinfusion.coordinator.readiness.AuthorizationStatus.DENIED;
import static org.homeinfusion.coordinator.readiness.AuthorizationStatus.NOT_REQUIRED;
import static org.homeinfusion.coordinator.readiness.AuthorizationStatus.PARTIALLY_APPROVED;
import static org.homeinfusion.coordinator.readiness.AuthorizationStatus.PENDED;
import static org.homeinfusion.coordinator.readiness.AuthorizationStatus.REQUESTED;
import static org.homeinfusion.coordinator.readiness.SeedCase.VISIT_START;
import static org.homeinfusion.coordinator.readiness.SeedCase.at;
import static org.homeinfusion.coordinator.readiness.SeedCase.bundledSupplies;
import static org.homeinfusion.coordinator.readiness.SeedCase.day;
import static org.homeinfusion.coordinator.readiness.SeedCase.delivery;
import static org.homeinfusion.coordinator.readiness.SeedCase.drug;
import static org.homeinfusion.coordinator.readiness.SeedCase.nursing;
import static org.homeinfusion.coordinator.readiness.SeedCase.seedCase;
import static org.homeinfusion.coordinator.readiness.SeedCase.seedCaseWith;
import static org.homeinfusion.coordinator.readiness.SeedCase.seedCaseWithout;
import static org.homeinfusion.coordinator.readiness.SeedCase.separateSupplies;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReadinessPolicyUnitTests {

    private final ReadinessPolicy policy = new ReadinessPolicy();

    private List<String> blockersOf(CaseAuthorizations authorizations) {
        return policy.evaluate(authorizations).blockerCodes();
    }

    private static List<String> codes(BlockerCode... codes) {
        return Arrays.stream(codes).map(BlockerCode::name).toList();
    }

    @Nested
    class WhenEverythingLinesUp {

        @Test
        void declaresTheSeedStoryReadyWithTheClosedLoopSummary() {
            Readiness readiness = policy.evaluate(seedCase());

            assertThat(readiness.state()).isEqualTo(ReadinessState.READY);
            assertThat(readiness.blockers()).isEmpty();
            assertThat(readiness.summary()).isEqualTo(SeedCase.SEED_SUMMARY);
        }

        @Test
        void schedulesTheSeedStoryVisitDeliveryAndAuthorizations() {
            Schedule schedule = policy.evaluate(seedCase()).schedule();

            assertThat(schedule.visit()).isEqualTo(new Visit(VISIT_START, 240, "Jones"));
            assertThat(schedule.drugDelivery())
                    .isEqualTo(delivery("2026-12-08T08:00-05:00", "2026-12-08T11:00-05:00"));
            assertThat(schedule.suppliesDelivery()).isNull();
            assertThat(schedule.pharmacyOrgId()).isEqualTo("PHARM-1");
            assertThat(schedule.authorizations().drug().authorizationNumber()).isEqualTo("12345");
            assertThat(schedule.authorizations().drug().organizationId()).isEqualTo("PHARM-1");
            assertThat(schedule.authorizations().nursing().authorizationNumber()).isEqualTo("67890");
            assertThat(schedule.authorizations().nursing().organizationId()).isEqualTo("HHA-7");
            assertThat(schedule.authorizations().supplies())
                    .extracting(Schedule.AuthorizationTerms::authorizationNumber,
                            Schedule.AuthorizationTerms::coverage, Schedule.AuthorizationTerms::perDiemCode)
                    .containsExactly(null, Coverage.BUNDLED, "S9338");
        }

        @Test
        void declaresSeparateSuppliesReadyWhenDeliveredBeforeTheVisit() {
            Readiness readiness = policy.evaluate(seedCaseWith(separateSupplies().build()));

            assertThat(readiness.isReady()).isTrue();
            assertThat(readiness.schedule().suppliesDelivery())
                    .isEqualTo(delivery("2026-12-07T09:00-05:00", "2026-12-07T12:00-05:00"));
            assertThat(readiness.schedule().authorizations().supplies().authorizationNumber()).isEqualTo("55555");
            assertThat(readiness.summary()).isEqualTo("Pharmacy PHARM-1 delivering Tue Dec 8 08:00–11:00; "
                    + "nurse Jones visiting Tue Dec 8 14:00 for 240 min; drug auth 12345, nursing auth 67890, "
                    + "supplies auth 55555, delivering Mon Dec 7 09:00–12:00.");
        }

        @Test
        void readsDeliveryTimesOutInTheVisitsOwnOffset() {
            DrugAuthorization deliveredInUtc = drug()
                    .delivery(delivery("2026-12-08T13:00:00Z", "2026-12-08T16:00:00Z")).build();

            assertThat(policy.evaluate(seedCaseWith(deliveredInUtc)).summary())
                    .startsWith("Pharmacy PHARM-1 delivering Tue Dec 8 08:00–11:00; nurse Jones visiting Tue Dec 8 14:00");
        }

        @Test
        void namesBothDaysOfADeliveryWindowSpanningMidnight() {
            DrugAuthorization overnight = drug()
                    .delivery(delivery("2026-12-07T22:00-05:00", "2026-12-08T02:00-05:00")).build();

            assertThat(policy.evaluate(seedCaseWith(overnight)).summary())
                    .startsWith("Pharmacy PHARM-1 delivering Mon Dec 7 22:00–Tue Dec 8 02:00;");
        }

        @Test
        void countsPartialApprovalsOfEveryPillarAsApproved() {
            CaseAuthorizations partial = seedCaseWith(
                    drug().status(PARTIALLY_APPROVED).build(),
                    nursing().status(PARTIALLY_APPROVED).build(),
                    separateSupplies().status(PARTIALLY_APPROVED).build());

            assertThat(policy.evaluate(partial).isReady()).isTrue();
        }

        @Test
        void countsSuppliesThatNeedNoAuthorizationAsApproved() {
            assertThat(policy.evaluate(seedCaseWith(bundledSupplies().status(NOT_REQUIRED).build())).isReady())
                    .isTrue();
        }

        @Test
        void takesAFullApprovalWithoutAUnitOrVisitCountAsApprovedAsRequested() {
            CaseAuthorizations uncounted = seedCaseWith(
                    drug().approvedUnits(null).build(), nursing().approvedVisits(null).build());

            assertThat(policy.evaluate(uncounted).isReady()).isTrue();
        }
    }

    @Nested
    class MissingAndUnapprovedAuthorizations {

        static Stream<Arguments> missingPillars() {
            return Stream.of(
                    Arguments.of(Pillar.DRUG, codes(BlockerCode.DRUG_AUTH_MISSING, BlockerCode.DRUG_DELIVERY_NOT_SCHEDULED)),
                    Arguments.of(Pillar.NURSING, codes(BlockerCode.NURSING_AUTH_MISSING, BlockerCode.NURSE_VISIT_NOT_CONFIRMED)),
                    Arguments.of(Pillar.SUPPLIES, codes(BlockerCode.SUPPLIES_AUTH_MISSING)));
        }

        @ParameterizedTest
        @MethodSource("missingPillars")
        void reportsAMissingPillarWithWhatCannotBeScheduledWithoutIt(Pillar pillar, List<String> expected) {
            assertThat(blockersOf(seedCaseWithout(pillar))).isEqualTo(expected);
        }

        @Test
        void reportsEverythingStillToDoForACaseWithoutAuthorizations() {
            Readiness readiness = policy.evaluate(CaseAuthorizations.empty());

            assertThat(readiness.blockerCodes()).isEqualTo(codes(BlockerCode.DRUG_AUTH_MISSING,
                    BlockerCode.NURSING_AUTH_MISSING, BlockerCode.SUPPLIES_AUTH_MISSING,
                    BlockerCode.DRUG_DELIVERY_NOT_SCHEDULED, BlockerCode.NURSE_VISIT_NOT_CONFIRMED));
            assertThat(readiness.schedule()).isNull();
            assertThat(readiness.summary()).isEqualTo("Not ready to schedule: no drug authorization; "
                    + "no nursing authorization; no supplies authorization; drug delivery not scheduled; "
                    + "nurse visit not confirmed.");
        }

        @Test
        void reportsAPillarWhoseOnlyAuthorizationWasCancelledAsMissing() {
            assertThat(blockersOf(seedCaseWith(separateSupplies().status(CANCELLED).build())))
                    .isEqualTo(codes(BlockerCode.SUPPLIES_AUTH_MISSING));
        }

        static Stream<Arguments> unapprovedStatuses() {
            return Stream.of(
                    Arguments.of(drug().status(REQUESTED).build(), BlockerCode.DRUG_AUTH_NOT_APPROVED),
                    Arguments.of(drug().status(PENDED).build(), BlockerCode.DRUG_AUTH_NOT_APPROVED),
                    Arguments.of(drug().status(DENIED).build(), BlockerCode.DRUG_AUTH_NOT_APPROVED),
                    Arguments.of(drug().status(NOT_REQUIRED).build(), BlockerCode.DRUG_AUTH_NOT_APPROVED),
                    Arguments.of(nursing().status(REQUESTED).build(), BlockerCode.NURSING_AUTH_NOT_APPROVED),
                    Arguments.of(nursing().status(PENDED).build(), BlockerCode.NURSING_AUTH_NOT_APPROVED),
                    Arguments.of(nursing().status(DENIED).build(), BlockerCode.NURSING_AUTH_NOT_APPROVED),
                    Arguments.of(nursing().status(NOT_REQUIRED).build(), BlockerCode.NURSING_AUTH_NOT_APPROVED),
                    Arguments.of(separateSupplies().status(REQUESTED).build(), BlockerCode.SUPPLIES_AUTH_NOT_APPROVED),
                    Arguments.of(separateSupplies().status(PENDED).build(), BlockerCode.SUPPLIES_AUTH_NOT_APPROVED),
                    Arguments.of(separateSupplies().status(DENIED).build(), BlockerCode.SUPPLIES_AUTH_NOT_APPROVED),
                    Arguments.of(bundledSupplies().status(DENIED).build(), BlockerCode.SUPPLIES_AUTH_NOT_APPROVED));
        }

        @ParameterizedTest
        @MethodSource("unapprovedStatuses")
        void reportsAnAuthorizationThatIsNotApproved(Authorization unapproved, BlockerCode expected) {
            Readiness readiness = policy.evaluate(seedCaseWith(unapproved));

            assertThat(readiness.blockerCodes()).isEqualTo(codes(expected));
            assertThat(readiness.blockers().get(0).pillar()).isEqualTo(unapproved.pillar());
            assertThat(readiness.blockers().get(0).message()).contains(unapproved.status().name());
        }

        @Test
        void reportsAnUndecidedAuthorizationOnlyAsNotApprovedAndUndelivered() {
            assertThat(blockersOf(seedCaseWith(drug().undecided().build())))
                    .isEqualTo(codes(BlockerCode.DRUG_AUTH_NOT_APPROVED, BlockerCode.DRUG_DELIVERY_NOT_SCHEDULED));
        }

        @Test
        void reportsAnAuthorizationWithoutAnyStatusAsNotApproved() {
            assertThat(blockersOf(seedCaseWith(nursing().status(null).build())))
                    .isEqualTo(codes(BlockerCode.NURSING_AUTH_NOT_APPROVED));
        }
    }

    @Nested
    class UnitsAndVisits {

        @Test
        void reportsDrugUnitsInsufficientWhenApprovedUnitsCoverLessThanOneDose() {
            Readiness readiness = policy.evaluate(seedCaseWith(drug().approvedUnits(55).build()));

            assertThat(readiness.blockerCodes()).isEqualTo(codes(BlockerCode.DRUG_UNITS_INSUFFICIENT));
            assertThat(readiness.blockers().get(0).message()).contains("55").contains("56");
        }

        @Test
        void acceptsApprovedUnitsCoveringExactlyOneDose() {
            assertThat(blockersOf(seedCaseWith(drug().approvedUnits(56).billingUnitsPerDose(56).build()))).isEmpty();
        }

        @Test
        void reportsDrugUnitsInsufficientForAPartialApprovalThatNamesNoUnits() {
            assertThat(blockersOf(seedCaseWith(drug().status(PARTIALLY_APPROVED).approvedUnits(null).build())))
                    .isEqualTo(codes(BlockerCode.DRUG_UNITS_INSUFFICIENT));
        }

        @ParameterizedTest(name = "{0} approved, {1} used")
        @MethodSource("exhaustedVisits")
        void reportsNursingVisitsExhaustedWhenNoApprovedVisitIsLeft(int approved, int used) {
            assertThat(blockersOf(seedCaseWith(nursing().approvedVisits(approved).visitsUsed(used).build())))
                    .isEqualTo(codes(BlockerCode.NURSING_VISITS_EXHAUSTED));
        }

        static Stream<Arguments> exhaustedVisits() {
            return Stream.of(Arguments.of(8, 8), Arguments.of(0, 0), Arguments.of(8, 9));
        }

        @Test
        void acceptsTheLastRemainingApprovedVisit() {
            assertThat(blockersOf(seedCaseWith(nursing().approvedVisits(8).visitsUsed(7).build()))).isEmpty();
        }

        @Test
        void reportsNursingVisitsExhaustedForAPartialApprovalThatNamesNoVisits() {
            assertThat(blockersOf(seedCaseWith(nursing().status(PARTIALLY_APPROVED).approvedVisits(null).build())))
                    .isEqualTo(codes(BlockerCode.NURSING_VISITS_EXHAUSTED));
        }
    }

    @Nested
    class DeliveriesAndVisit {

        @Test
        void reportsDrugDeliveryNotScheduledWithoutAnEta() {
            assertThat(blockersOf(seedCaseWith(drug().delivery(null).build())))
                    .isEqualTo(codes(BlockerCode.DRUG_DELIVERY_NOT_SCHEDULED));
        }

        @Test
        void reportsDrugDeliveryNotScheduledWhenTheEtaHasNoEnd() {
            assertThat(blockersOf(seedCaseWith(drug().delivery(new Delivery(at("2026-12-08T08:00-05:00"), null)).build())))
                    .isEqualTo(codes(BlockerCode.DRUG_DELIVERY_NOT_SCHEDULED));
        }

        @Test
        void reportsSuppliesDeliveryNotScheduledForSeparateSuppliesWithoutAnEta() {
            assertThat(blockersOf(seedCaseWith(separateSupplies().delivery(null).build())))
                    .isEqualTo(codes(BlockerCode.SUPPLIES_DELIVERY_NOT_SCHEDULED));
        }

        @Test
        void expectsNoSuppliesDeliveryOfItsOwnWhenSuppliesAreBundled() {
            assertThat(blockersOf(seedCaseWith(bundledSupplies().delivery(null).build()))).isEmpty();
        }

        @Test
        void treatsSuppliesOfUnknownCoverageAsSeparatelyDelivered() {
            assertThat(blockersOf(seedCaseWith(separateSupplies().coverage(null).delivery(null).build())))
                    .isEqualTo(codes(BlockerCode.SUPPLIES_DELIVERY_NOT_SCHEDULED));
        }

        @Test
        void reportsNurseVisitNotConfirmedWithoutASlotAndNoTimeRuleThatNeedsOne() {
            DrugAuthorization wouldExpireEarly = drug().beyondUseAt(at("2026-12-08T12:00-05:00")).build();

            assertThat(blockersOf(seedCaseWith(wouldExpireEarly, nursing().visit(null).build())))
                    .isEqualTo(codes(BlockerCode.NURSE_VISIT_NOT_CONFIRMED));
        }

        @Test
        void reportsNurseVisitNotConfirmedForASlotWithoutAStart() {
            assertThat(blockersOf(seedCaseWith(nursing().visit(new Visit(null, 240, "Jones")).build())))
                    .isEqualTo(codes(BlockerCode.NURSE_VISIT_NOT_CONFIRMED));
        }
    }

    @Nested
    class Timing {

        @Test
        void acceptsADrugDeliveryEndingExactlyTheLeadTimeBeforeTheVisit() {
            DrugAuthorization justInTime = drug().delivery(delivery("2026-12-08T10:00-05:00", "2026-12-08T13:00-05:00")).build();

            assertThat(blockersOf(seedCaseWith(justInTime))).isEmpty();
        }

        @Test
        void reportsDeliveryAfterVisitWhenEtaEndPlusLeadPassesVisitStart() {
            DrugAuthorization oneMinuteLate = drug().delivery(delivery("2026-12-08T10:00-05:00", "2026-12-08T13:01-05:00")).build();

            Readiness readiness = policy.evaluate(seedCaseWith(oneMinuteLate));

            assertThat(readiness.blockerCodes()).isEqualTo(codes(BlockerCode.DELIVERY_AFTER_VISIT));
            assertThat(readiness.blockers().get(0).pillar()).isEqualTo(Pillar.DRUG);
            assertThat(readiness.blockers().get(0).message())
                    .isEqualTo("The drug delivery may end at Tue Dec 8 13:01, less than 60 min before the visit at Tue Dec 8 14:00.");
        }

        @Test
        void comparesDeliveryAndVisitAsInstantsWhateverTheirOffsets() {
            DrugAuthorization lateInUtc = drug().delivery(delivery("2026-12-08T15:00:00Z", "2026-12-08T18:01:00Z")).build();
            DrugAuthorization onTimeInUtc = drug().delivery(delivery("2026-12-08T15:00:00Z", "2026-12-08T18:00:00Z")).build();

            Readiness late = policy.evaluate(seedCaseWith(lateInUtc));

            assertThat(late.blockerCodes()).isEqualTo(codes(BlockerCode.DELIVERY_AFTER_VISIT));
            assertThat(late.blockers().get(0).message()).contains("Tue Dec 8 13:01");
            assertThat(blockersOf(seedCaseWith(onTimeInUtc))).isEmpty();
        }

        @Test
        void honoursAConfiguredMinimumLeadTime() {
            ReadinessPolicy halfHourLead = new ReadinessPolicy(Duration.ofMinutes(30));
            DrugAuthorization halfHourAhead = drug().delivery(delivery("2026-12-08T10:00-05:00", "2026-12-08T13:30-05:00")).build();
            DrugAuthorization lessThanHalfAnHour = drug().delivery(delivery("2026-12-08T10:00-05:00", "2026-12-08T13:31-05:00")).build();

            assertThat(halfHourLead.evaluate(seedCaseWith(halfHourAhead)).isReady()).isTrue();
            assertThat(halfHourLead.evaluate(seedCaseWith(lessThanHalfAnHour)).blockerCodes())
                    .isEqualTo(codes(BlockerCode.DELIVERY_AFTER_VISIT));
            assertThat(policy.evaluate(seedCaseWith(halfHourAhead)).blockerCodes())
                    .isEqualTo(codes(BlockerCode.DELIVERY_AFTER_VISIT));
        }

        @Test
        void refusesANegativeLeadTime() {
            assertThatThrownBy(() -> new ReadinessPolicy(Duration.ofMinutes(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void acceptsSeparateSuppliesArrivingExactlyAtVisitStart() {
            SuppliesAuthorization atTheDoor = separateSupplies()
                    .delivery(delivery("2026-12-08T12:00-05:00", "2026-12-08T14:00-05:00")).build();

            assertThat(blockersOf(seedCaseWith(atTheDoor))).isEmpty();
        }

        @Test
        void reportsSuppliesAfterVisitWhenSeparateSuppliesMayArriveAfterVisitStart() {
            SuppliesAuthorization late = separateSupplies()
                    .delivery(delivery("2026-12-08T12:00-05:00", "2026-12-08T14:01-05:00")).build();

            Readiness readiness = policy.evaluate(seedCaseWith(late));

            assertThat(readiness.blockerCodes()).isEqualTo(codes(BlockerCode.SUPPLIES_AFTER_VISIT));
            assertThat(readiness.blockers().get(0).message())
                    .isEqualTo("The supplies delivery may end at Tue Dec 8 14:01, after the visit at Tue Dec 8 14:00.");
        }

        @Test
        void ignoresALateDeliveryRecordedOnBundledSupplies() {
            SuppliesAuthorization bundledWithStrayEta = bundledSupplies()
                    .delivery(delivery("2026-12-08T12:00-05:00", "2026-12-08T18:00-05:00")).build();

            assertThat(blockersOf(seedCaseWith(bundledWithStrayEta))).isEmpty();
        }

        @Test
        void acceptsAProductUsableUntilTheVisitEnds() {
            assertThat(blockersOf(seedCaseWith(drug().beyondUseAt(at("2026-12-08T18:00-05:00")).build()))).isEmpty();
        }

        @Test
        void reportsProductExpiresBeforeVisitWhenBeyondUseTimeFallsInsideTheVisit() {
            Readiness readiness = policy.evaluate(seedCaseWith(drug().beyondUseAt(at("2026-12-08T17:59-05:00")).build()));

            assertThat(readiness.blockerCodes()).isEqualTo(codes(BlockerCode.PRODUCT_EXPIRES_BEFORE_VISIT));
            assertThat(readiness.blockers().get(0).message())
                    .isEqualTo("The drug's beyond-use time Tue Dec 8 17:59 is before the visit ends at Tue Dec 8 18:00.");
        }

        @Test
        void ignoresTheBeyondUseTimeOfACancelledDelivery() {
            DrugAuthorization undelivered = drug().delivery(null).beyondUseAt(at("2026-12-08T12:00-05:00")).build();

            assertThat(blockersOf(seedCaseWith(undelivered))).isEqualTo(codes(BlockerCode.DRUG_DELIVERY_NOT_SCHEDULED));
        }
    }

    @Nested
    class VisitInsideAuthorizations {

        /**
         * Moves the visit, and every delivery with it, to {@code isoStart}; gives every pillar but the
         * one under test dates wide enough to cover it, so only that pillar's window can block.
         */
        private List<String> blockersForVisitAt(String isoStart, Pillar windowed, String validFrom, String validTo) {
            OffsetDateTime start = at(isoStart);
            Delivery beforeTheVisit = new Delivery(start.minusHours(6), start.minusHours(3));
            LocalDate from = day(validFrom);
            LocalDate to = day(validTo);
            LocalDate wideFrom = day("2026-01-01");
            LocalDate wideTo = day("2027-12-31");
            boolean drugWindow = windowed == Pillar.DRUG;
            boolean nursingWindow = windowed == Pillar.NURSING;
            boolean suppliesWindow = windowed == Pillar.SUPPLIES;
            return blockersOf(CaseAuthorizations.of(List.of(
                    drug().delivery(beforeTheVisit)
                            .validFrom(drugWindow ? from : wideFrom).validTo(drugWindow ? to : wideTo).build(),
                    nursing().visitAt(isoStart)
                            .validFrom(nursingWindow ? from : wideFrom).validTo(nursingWindow ? to : wideTo).build(),
                    separateSupplies().delivery(beforeTheVisit)
                            .validFrom(suppliesWindow ? from : wideFrom).validTo(suppliesWindow ? to : wideTo).build())));
        }

        static Stream<Arguments> windows() {
            return Stream.of(
                    Arguments.of("on validTo", "2026-12-08T14:00-05:00", "2026-12-01", "2026-12-08", false),
                    Arguments.of("on validFrom", "2026-12-01T09:00-05:00", "2026-12-01", "2026-12-08", false),
                    Arguments.of("the day after validTo", "2026-12-09T09:00-05:00", "2026-12-01", "2026-12-08", true),
                    Arguments.of("the day before validFrom", "2026-11-30T14:00-05:00", "2026-12-01", "2026-12-08", true),
                    Arguments.of("early on validFrom locally, later in UTC", "2026-12-01T00:30-05:00", "2026-12-01", "2026-12-08", false),
                    Arguments.of("late before validFrom locally, on validFrom in UTC", "2026-11-30T23:30-05:00", "2026-12-01", "2026-12-08", true),
                    Arguments.of("late on validTo locally, the next day in UTC", "2026-12-08T23:30-05:00", "2026-12-01", "2026-12-08", false),
                    Arguments.of("early after validTo locally, on validTo in UTC", "2026-12-09T00:30+09:00", "2026-12-01", "2026-12-08", true));
        }

        @ParameterizedTest(name = "visit {0}")
        @MethodSource("windows")
        void reportsVisitOutsideDrugAuthByTheVisitsLocalDate(String label, String visitStart, String validFrom,
                                                              String validTo, boolean outside) {
            assertThat(blockersForVisitAt(visitStart, Pillar.DRUG, validFrom, validTo))
                    .isEqualTo(outside ? codes(BlockerCode.VISIT_OUTSIDE_DRUG_AUTH) : List.of());
        }

        @ParameterizedTest(name = "visit {0}")
        @MethodSource("windows")
        void reportsVisitOutsideNursingAuthByTheVisitsLocalDate(String label, String visitStart, String validFrom,
                                                                 String validTo, boolean outside) {
            assertThat(blockersForVisitAt(visitStart, Pillar.NURSING, validFrom, validTo))
                    .isEqualTo(outside ? codes(BlockerCode.VISIT_OUTSIDE_NURSING_AUTH) : List.of());
        }

        @ParameterizedTest(name = "visit {0}")
        @MethodSource("windows")
        void reportsVisitOutsideSuppliesAuthByTheVisitsLocalDate(String label, String visitStart, String validFrom,
                                                                  String validTo, boolean outside) {
            assertThat(blockersForVisitAt(visitStart, Pillar.SUPPLIES, validFrom, validTo))
                    .isEqualTo(outside ? codes(BlockerCode.VISIT_OUTSIDE_SUPPLIES_AUTH) : List.of());
        }

        @Test
        void saysWhichDatesTheVisitFallsOutside() {
            Readiness readiness = policy.evaluate(seedCaseWith(nursing().validTo(day("2026-12-07")).build()));

            assertThat(readiness.blockers()).containsExactly(new Blocker("VISIT_OUTSIDE_NURSING_AUTH", Pillar.NURSING,
                    "The visit on 2026-12-08 is outside the nursing authorization's dates 2026-12-01 to 2026-12-07."));
        }

        @Test
        void checksNoWindowForBundledSupplies() {
            SuppliesAuthorization bundledWithOldDates = bundledSupplies()
                    .validFrom(day("2025-01-01")).validTo(day("2025-01-31")).build();

            assertThat(blockersOf(seedCaseWith(bundledWithOldDates))).isEmpty();
        }

        @Test
        void reportsAnApprovalWithoutValidityDatesAsNotCoveringTheVisit() {
            assertThat(blockersOf(seedCaseWith(drug().validTo(null).build())))
                    .isEqualTo(codes(BlockerCode.VISIT_OUTSIDE_DRUG_AUTH));
        }
    }

    @Nested
    class Combinations {

        @Test
        void reportsEveryBlockerThatHoldsAtOnceInTheContractsOrder() {
            CaseAuthorizations troubled = seedCaseWith(
                    drug().status(DENIED).approvedUnits(10)
                            .delivery(delivery("2026-12-08T12:00-05:00", "2026-12-08T15:00-05:00"))
                            .beyondUseAt(at("2026-12-08T16:00-05:00")).build(),
                    nursing().approvedVisits(8).visitsUsed(8).validTo(day("2026-12-07")).build(),
                    separateSupplies().status(PENDED).delivery(null).validFrom(day("2026-12-09")).build());

            Readiness readiness = policy.evaluate(troubled);

            assertThat(readiness.state()).isEqualTo(ReadinessState.NOT_READY);
            assertThat(readiness.blockerCodes()).isEqualTo(codes(
                    BlockerCode.DRUG_AUTH_NOT_APPROVED,
                    BlockerCode.SUPPLIES_AUTH_NOT_APPROVED,
                    BlockerCode.DRUG_UNITS_INSUFFICIENT,
                    BlockerCode.NURSING_VISITS_EXHAUSTED,
                    BlockerCode.SUPPLIES_DELIVERY_NOT_SCHEDULED,
                    BlockerCode.DELIVERY_AFTER_VISIT,
                    BlockerCode.PRODUCT_EXPIRES_BEFORE_VISIT,
                    BlockerCode.VISIT_OUTSIDE_NURSING_AUTH,
                    BlockerCode.VISIT_OUTSIDE_SUPPLIES_AUTH));
            assertThat(readiness.blockers()).allSatisfy(blocker ->
                    assertThat(blocker.pillar()).isEqualTo(BlockerCode.valueOf(blocker.code()).pillar()));
            assertThat(readiness.schedule()).isNull();
            assertThat(readiness.summary()).startsWith("Not ready to schedule: drug authorization not approved; "
                    + "supplies authorization not approved; approved drug units below one dose;");
        }

        @Test
        void reportsBothLateDeliveriesTogether() {
            CaseAuthorizations bothLate = seedCaseWith(
                    drug().delivery(delivery("2026-12-08T12:00-05:00", "2026-12-08T13:30-05:00")).build(),
                    separateSupplies().delivery(delivery("2026-12-08T12:00-05:00", "2026-12-08T15:00-05:00")).build());

            assertThat(blockersOf(bothLate))
                    .isEqualTo(codes(BlockerCode.DELIVERY_AFTER_VISIT, BlockerCode.SUPPLIES_AFTER_VISIT));
        }
    }

    @Nested
    class WhichAuthorizationCounts {

        @Test
        void fallsBackToThePreviousAuthorizationWhenTheNewestWasCancelled() {
            DrugAuthorization reauthorizationCancelled = drug().id(UUID.randomUUID())
                    .requestedAt(Instant.parse("2026-11-25T10:00:00Z")).authorizationNumber("99999")
                    .status(CANCELLED).build();

            Readiness readiness = policy.evaluate(seedCase().apply(reauthorizationCancelled));

            assertThat(readiness.isReady()).isTrue();
            assertThat(readiness.schedule().authorizations().drug().authorizationNumber()).isEqualTo("12345");
        }

        @Test
        void letsTheNewestAuthorizationCountEvenWhenAnOlderOneWasApproved() {
            DrugAuthorization pendingReauthorization = drug().id(UUID.randomUUID())
                    .requestedAt(Instant.parse("2026-11-25T10:00:00Z")).undecided().build();

            assertThat(blockersOf(seedCase().apply(pendingReauthorization)))
                    .isEqualTo(codes(BlockerCode.DRUG_AUTH_NOT_APPROVED, BlockerCode.DRUG_DELIVERY_NOT_SCHEDULED));
        }

        @Test
        void announcesTheReauthorizationsNumberOnceItIsApproved() {
            DrugAuthorization reauthorized = drug().id(UUID.randomUUID())
                    .requestedAt(Instant.parse("2026-11-25T10:00:00Z")).authorizationNumber("24680").build();

            Readiness readiness = policy.evaluate(seedCase().apply(reauthorized));

            assertThat(readiness.summary()).contains("drug auth 24680");
            assertThat(readiness.schedule().authorizations().drug().authorizationId()).isEqualTo(reauthorized.id());
        }
    }

    @Nested
    class IncompleteInput {

        @Test
        void judgesAuthorizationsThatCarryNothingButTheirIdentity() {
            CaseAuthorizations bare = CaseAuthorizations.of(List.of(
                    new DrugAuthorization(UUID.randomUUID(), 1, null, null, null, null, null, null, 0, null, null, null, null),
                    new NursingAuthorization(UUID.randomUUID(), 1, null, null, null, null, null, null, 0, null, null, null),
                    new SuppliesAuthorization(UUID.randomUUID(), 1, null, null, null, null, null, null, null, null, null, null)));

            assertThat(policy.evaluate(bare).blockerCodes()).isEqualTo(codes(
                    BlockerCode.DRUG_AUTH_NOT_APPROVED, BlockerCode.NURSING_AUTH_NOT_APPROVED,
                    BlockerCode.SUPPLIES_AUTH_NOT_APPROVED, BlockerCode.DRUG_DELIVERY_NOT_SCHEDULED,
                    BlockerCode.SUPPLIES_DELIVERY_NOT_SCHEDULED, BlockerCode.NURSE_VISIT_NOT_CONFIRMED));
        }

        @Test
        void readsOutPlaceholdersForMissingNamesAndNumbers() {
            CaseAuthorizations anonymous = seedCaseWith(
                    drug().authorizationNumber(null).pharmacyOrgId(null).build(),
                    nursing().visit(new Visit(VISIT_START, 240, " ")).build(),
                    bundledSupplies().perDiemCode(null).build());

            assertThat(policy.evaluate(anonymous).summary()).isEqualTo("Pharmacy delivering Tue Dec 8 08:00–11:00; "
                    + "nurse visiting Tue Dec 8 14:00 for 240 min; drug auth (no number), nursing auth 67890, supplies bundled.");
        }

        @Test
        void judgesTimestampsAtTheEdgesOfTheSupportedRange() {
            CaseAuthorizations extreme = seedCaseWith(
                    drug().delivery(new Delivery(OffsetDateTime.MIN, OffsetDateTime.MAX)).beyondUseAt(OffsetDateTime.MIN).build(),
                    nursing().visit(new Visit(OffsetDateTime.MAX, Integer.MAX_VALUE, "Jones")).build(),
                    separateSupplies().delivery(new Delivery(OffsetDateTime.MAX, OffsetDateTime.MIN)).build());

            assertThat(policy.evaluate(extreme).blockerCodes()).contains(
                    BlockerCode.PRODUCT_EXPIRES_BEFORE_VISIT.name(), BlockerCode.VISIT_OUTSIDE_DRUG_AUTH.name());
        }
    }
}

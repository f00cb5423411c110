package org.homeinfusion.coordinator.readiness;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The readiness rules of docs/readiness-rules.md as one pure function: a case's authorizations in, every blocker
 * that holds out. Nothing here reads the clock, so the same authorizations always give the same
 * verdict, which is what makes replayed and reordered input harmless.
 *
 * <p>A rule whose inputs are missing does not hold, except where a missing input is itself the
 * problem (no delivery, no visit); so each blocker names one thing an organization can fix, and any
 * combination of missing fields yields a verdict rather than an exception.
 */
public final class ReadinessPolicy {

    public static final Duration DEFAULT_MINIMUM_DRUG_LEAD_TIME = Duration.ofMinutes(60);

    /**
     * Payer approvals that carry their own units, visits and validity dates; NOT_REQUIRED carries none.
     * EnumSets, because an absent status must read as "not approved" rather than throw.
     */
    private static final Set<AuthorizationStatus> PAYER_APPROVED =
            EnumSet.of(AuthorizationStatus.APPROVED, AuthorizationStatus.PARTIALLY_APPROVED);

    private static final Set<AuthorizationStatus> SUPPLIES_CLEARED = EnumSet.of(
            AuthorizationStatus.APPROVED, AuthorizationStatus.PARTIALLY_APPROVED, AuthorizationStatus.NOT_REQUIRED);

    private final Duration minimumDrugLeadTime;

    public ReadinessPolicy() {
        this(DEFAULT_MINIMUM_DRUG_LEAD_TIME);
    }

    /** @param minimumDrugLeadTime how long before the visit the drug must have arrived, so the nurse can check and prepare it */
    public ReadinessPolicy(Duration minimumDrugLeadTime) {
        Objects.requireNonNull(minimumDrugLeadTime, "minimumDrugLeadTime");
        if (minimumDrugLeadTime.isNegative()) {
            throw new IllegalArgumentException("minimumDrugLeadTime must not be negative: " + minimumDrugLeadTime);
        }
        this.minimumDrugLeadTime = minimumDrugLeadTime;
    }

    public Duration minimumDrugLeadTime() {
        return minimumDrugLeadTime;
    }

    public Readiness evaluate(CaseAuthorizations authorizations) {
        return new Evaluation(authorizations).verdict();
    }

    /** The facts of one case, gathered once, and the rows of the §9 table checked against them. */
    private final class Evaluation {

        private final DrugAuthorization drug;
        private final NursingAuthorization nursing;
        private final SuppliesAuthorization supplies;
        private final Visit visit;
        private final Delivery drugDelivery;
        private final boolean separateSupplies;
        private final Delivery suppliesDelivery;
        private final VisitLocalTime times;
        private final Map<BlockerCode, String> blockers = new EnumMap<>(BlockerCode.class);

        Evaluation(CaseAuthorizations authorizations) {
            drug = authorizations.drug().orElse(null);
            nursing = authorizations.nursing().orElse(null);
            supplies = authorizations.supplies().orElse(null);
            visit = nursing != null && nursing.visit() != null && nursing.visit().isConfirmed() ? nursing.visit() : null;
            drugDelivery = drug != null && drug.delivery() != null && drug.delivery().isScheduled() ? drug.delivery() : null;
            separateSupplies = supplies != null && supplies.isSeparate();
            suppliesDelivery = separateSupplies && supplies.delivery() != null && supplies.delivery().isScheduled()
                    ? supplies.delivery() : null;
            times = VisitLocalTime.of(visit);
        }

        Readiness verdict() {
            requireEveryPillar();
            requireApprovals();
            requireEnoughUnitsAndVisits();
            requireDeliveriesAndVisit();
            requireDeliveriesBeforeVisit();
            requireProductUsableThroughVisit();
            requireVisitInsideEveryAuthorization();
            if (blockers.isEmpty()) {
                Schedule schedule = schedule();
                return new Readiness(ReadinessState.READY, List.of(), schedule, readySummary(schedule));
            }
            List<Blocker> found = blockers.entrySet().stream()
                    .map(blocker -> Blocker.of(blocker.getKey(), blocker.getValue()))
                    .toList();
            return new Readiness(ReadinessState.NOT_READY, found, null, notReadySummary());
        }

        private void requireEveryPillar() {
            when(drug == null, BlockerCode.DRUG_AUTH_MISSING,
                    () -> "No drug authorization has been requested, or every one was cancelled.");
            when(nursing == null, BlockerCode.NURSING_AUTH_MISSING,
                    () -> "No nursing authorization has been requested, or every one was cancelled.");
            when(supplies == null, BlockerCode.SUPPLIES_AUTH_MISSING,
                    () -> "No supplies authorization has been requested, or every one was cancelled.");
        }

        private void requireApprovals() {
            if (drug != null && !PAYER_APPROVED.contains(drug.status())) {
                blockers.put(BlockerCode.DRUG_AUTH_NOT_APPROVED, notApproved("drug", drug));
            }
            if (nursing != null && !PAYER_APPROVED.contains(nursing.status())) {
                blockers.put(BlockerCode.NURSING_AUTH_NOT_APPROVED, notApproved("nursing", nursing));
            }
            if (supplies != null && !SUPPLIES_CLEARED.contains(supplies.status())) {
                blockers.put(BlockerCode.SUPPLIES_AUTH_NOT_APPROVED, notApproved("supplies", supplies));
            }
        }

        /**
         * A full approval without a count approves what was requested; a partial one without a count
         * cannot be shown to cover even one dose or visit, so it blocks.
         */
        private void requireEnoughUnitsAndVisits() {
            if (drug != null) {
                Integer units = drug.approvedUnits();
                if (units != null) {
                    when(units < drug.billingUnitsPerDose(), BlockerCode.DRUG_UNITS_INSUFFICIENT,
                            () -> "The drug authorization approves %d billing units but one dose needs %d."
                                    .formatted(units, drug.billingUnitsPerDose()));
                } else {
                    when(drug.status() == AuthorizationStatus.PARTIALLY_APPROVED, BlockerCode.DRUG_UNITS_INSUFFICIENT,
                            () -> "The partial drug approval does not say how many units it covers; one dose needs %d."
                                    .formatted(drug.billingUnitsPerDose()));
                }
            }
            if (nursing != null) {
                Integer approved = nursing.approvedVisits();
                if (approved != null) {
                    when((long) approved - nursing.visitsUsed() < 1, BlockerCode.NURSING_VISITS_EXHAUSTED,
                            () -> "No approved nursing visit is left: %d approved, %d used."
                                    .formatted(approved, nursing.visitsUsed()));
                } else {
                    when(nursing.status() == AuthorizationStatus.PARTIALLY_APPROVED, BlockerCode.NURSING_VISITS_EXHAUSTED,
                            () -> "The partial nursing approval does not say how many visits it covers.");
                }
            }
        }

        /** Absent deliveries and visits block even when their authorization is missing too: they are still to do. */
        private void requireDeliveriesAndVisit() {
            when(drugDelivery == null, BlockerCode.DRUG_DELIVERY_NOT_SCHEDULED,
                    () -> "The pharmacy has not scheduled the drug delivery.");
            when(separateSupplies && suppliesDelivery == null, BlockerCode.SUPPLIES_DELIVERY_NOT_SCHEDULED,
                    () -> "The supplier has not scheduled the supplies delivery.");
            when(visit == null, BlockerCode.NURSE_VISIT_NOT_CONFIRMED,
                    () -> "The agency has not confirmed a nurse visit.");
        }

        private void requireDeliveriesBeforeVisit() {
            if (visit == null) {
                return;
            }
            if (drugDelivery != null) {
                when(gap(drugDelivery.etaEnd(), visit.start()).compareTo(minimumDrugLeadTime) < 0,
                        BlockerCode.DELIVERY_AFTER_VISIT,
                        () -> "The drug delivery may end at %s, less than %s before the visit at %s."
                                .formatted(times.at(drugDelivery.etaEnd()), minutes(minimumDrugLeadTime),
                                        times.at(visit.start())));
            }
            if (suppliesDelivery != null) {
                when(suppliesDelivery.etaEnd().isAfter(visit.start()), BlockerCode.SUPPLIES_AFTER_VISIT,
                        () -> "The supplies delivery may end at %s, after the visit at %s."
                                .formatted(times.at(suppliesDelivery.etaEnd()), times.at(visit.start())));
            }
        }

        /** The beyond-use time belongs to the product dispensed for a delivery; without one it says nothing yet. */
        private void requireProductUsableThroughVisit() {
            if (visit == null || drugDelivery == null || drug.beyondUseAt() == null) {
                return;
            }
            OffsetDateTime beyondUseAt = drug.beyondUseAt();
            Duration visitLength = Duration.ofMinutes(visit.expectedDurationMinutes());
            when(gap(visit.start(), beyondUseAt).compareTo(visitLength) < 0,
                    BlockerCode.PRODUCT_EXPIRES_BEFORE_VISIT,
                    () -> "The drug's beyond-use time %s is before the visit ends at %s."
                            .formatted(times.at(beyondUseAt),
                                    times.atPlusMinutes(visit.start(), visit.expectedDurationMinutes())));
        }

        private void requireVisitInsideEveryAuthorization() {
            if (visit == null) {
                return;
            }
            // The patient's calendar decides: 00:30 at -05:00 is that day locally even though UTC is later.
            LocalDate visitDay = visit.start().toLocalDate();
            if (drug != null) {
                checkWindow(drug, "drug", visitDay, BlockerCode.VISIT_OUTSIDE_DRUG_AUTH);
            }
            if (nursing != null) {
                checkWindow(nursing, "nursing", visitDay, BlockerCode.VISIT_OUTSIDE_NURSING_AUTH);
            }
            if (separateSupplies) {
                checkWindow(supplies, "supplies", visitDay, BlockerCode.VISIT_OUTSIDE_SUPPLIES_AUTH);
            }
        }

        /**
         * Both dates are inclusive. A missing date only blocks a payer approval, which must have one;
         * an authorization still waiting for its decision is already blocked as not approved.
         */
        private void checkWindow(Authorization authorization, String pillar, LocalDate visitDay, BlockerCode code) {
            LocalDate from = authorization.validFrom();
            LocalDate to = authorization.validTo();
            boolean excluded = (from != null && visitDay.isBefore(from)) || (to != null && visitDay.isAfter(to));
            if (excluded) {
                blockers.put(code, "The visit on %s is outside the %s authorization's dates %s to %s."
                        .formatted(visitDay, pillar, orOpen(from), orOpen(to)));
            } else if ((from == null || to == null) && PAYER_APPROVED.contains(authorization.status())) {
                blockers.put(code, "The %s authorization has no complete validity dates to cover the visit on %s."
                        .formatted(pillar, visitDay));
            }
        }

        private Schedule schedule() {
            Schedule.Authorizations numbers = new Schedule.Authorizations(
                    Schedule.AuthorizationTerms.of(drug),
                    Schedule.AuthorizationTerms.of(nursing),
                    Schedule.AuthorizationTerms.of(supplies));
            return new Schedule(visit, drugDelivery, suppliesDelivery, numbers, drug.pharmacyOrgId());
        }

        private String readySummary(Schedule schedule) {
            Visit confirmed = schedule.visit();
            return "%s delivering %s; %s visiting %s for %d min; drug auth %s, nursing auth %s, %s."
                    .formatted(named("Pharmacy", schedule.pharmacyOrgId()), times.window(schedule.drugDelivery()),
                            named("nurse", confirmed.nurseName()), times.at(confirmed.start()),
                            confirmed.expectedDurationMinutes(),
                            number(drug), number(nursing), suppliesSummary());
        }

        private String suppliesSummary() {
            if (!separateSupplies) {
                return supplies.perDiemCode() == null
                        ? "supplies bundled"
                        : "supplies bundled (" + supplies.perDiemCode() + ")";
            }
            return "supplies auth %s, delivering %s".formatted(number(supplies), times.window(suppliesDelivery));
        }

        private String notReadySummary() {
            return blockers.keySet().stream()
                    .map(BlockerCode::label)
                    .collect(Collectors.joining("; ", "Not ready to schedule: ", "."));
        }

        /**
         * The message is only written when the rule holds: a case is judged again with every pillar record and most
         * rules pass, so formatting each message (dates and times among them) up front was wasted for most of them.
         */
        private void when(boolean holds, BlockerCode code, Supplier<String> message) {
            if (holds) {
                blockers.put(code, message.get());
            }
        }
    }

    /**
     * Compares instants as a gap rather than computing "etaEnd + lead": the sum, or converting one
     * timestamp into the other's offset, can leave the supported date range and throw.
     */
    private static Duration gap(OffsetDateTime from, OffsetDateTime to) {
        return Duration.between(from.toInstant(), to.toInstant());
    }

    private static String notApproved(String pillar, Authorization authorization) {
        return authorization.status() == null
                ? "The %s authorization has no decision yet.".formatted(pillar)
                : "The %s authorization is %s, not approved.".formatted(pillar, authorization.status());
    }

    private static String minutes(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toString();
    }

    private static String orOpen(LocalDate date) {
        return date == null ? "(not set)" : date.toString();
    }

    private static String named(String role, String name) {
        return name == null || name.isBlank() ? role : role + " " + name;
    }

    private static String number(Authorization authorization) {
        return authorization.authorizationNumber() == null ? "(no number)" : authorization.authorizationNumber();
    }
}

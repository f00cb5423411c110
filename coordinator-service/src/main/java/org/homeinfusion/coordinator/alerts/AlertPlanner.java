package org.homeinfusion.coordinator.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.homeinfusion.coordinator.readiness.Authorization;
import org.homeinfusion.coordinator.readiness.AuthorizationStatus;
import org.homeinfusion.coordinator.readiness.Blocker;
import org.homeinfusion.coordinator.readiness.CaseAuthorizations;
import org.homeinfusion.coordinator.readiness.NursingAuthorization;
import org.homeinfusion.coordinator.readiness.PayerSubmission;
import org.homeinfusion.coordinator.readiness.Pillar;
import org.homeinfusion.coordinator.readiness.Readiness;
import org.homeinfusion.coordinator.readiness.Visit;
import org.homeinfusion.coordinator.readiness.VisitLocalTime;

/**
 * Which alerts hold for a case as it stands, and when each is due: a pure function of the case's authorizations and
 * verdict (the same facts always plan the same alerts with the same ids), so replayed input plans nothing new. The
 * clock only enters for alerts that are due as soon as their condition holds (VISITS_LOW).
 */
public final class AlertPlanner {

    private static final Set<AuthorizationStatus> PAYER_APPROVED =
            EnumSet.of(AuthorizationStatus.APPROVED, AuthorizationStatus.PARTIALLY_APPROVED);
    private static final Set<AuthorizationStatus> AWAITING_PAYER =
            EnumSet.of(AuthorizationStatus.REQUESTED, AuthorizationStatus.PENDED);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE MMM d", Locale.US);

    private final AlertProperties properties;
    private final Duration minimumDrugLeadTime;

    public AlertPlanner(AlertProperties properties, Duration minimumDrugLeadTime) {
        this.properties = properties;
        this.minimumDrugLeadTime = minimumDrugLeadTime;
    }

    public List<PlannedAlert> plan(String specialistOrgId, String caseId, CaseAuthorizations authorizations,
            Readiness readiness, Instant now) {
        Facts facts = new Facts(specialistOrgId, caseId, authorizations);
        List<PlannedAlert> planned = new ArrayList<>();
        planCaseAtRisk(facts, readiness, planned);
        for (Pillar pillar : Pillar.values()) {
            facts.current(pillar).ifPresent(authorization -> {
                planExpiry(facts, authorization, planned);
                planDecisionOverdue(facts, authorization, planned);
            });
        }
        facts.nursing().ifPresent(nursing -> planVisitsLow(facts, nursing, now, planned));
        return planned;
    }

    /** One alert per horizon while a confirmed visit's case is not ready; none at all while it is READY. */
    private void planCaseAtRisk(Facts facts, Readiness readiness, List<PlannedAlert> planned) {
        Visit visit = facts.visit();
        if (visit == null || readiness == null || readiness.isReady()) {
            return;
        }
        String series = key(AlertType.CaseAtRisk, facts.specialistOrgId, facts.caseId,
                visit.start().toInstant().getEpochSecond());
        Supplier<List<AlertAction>> actions = once(() -> actionsFor(facts, readiness.blockers()));
        for (Duration horizon : properties.atRiskHorizons()) {
            Instant dueAt = visit.start().toInstant().minus(horizon);
            planned.add(new PlannedAlert(id(series + "|" + horizon.getSeconds()), AlertType.CaseAtRisk, dueAt,
                    horizon.isZero() ? Severity.CRITICAL : Severity.WARNING, series,
                    new PlannedAlert.VisitAtRisk(visit.start(), horizon, readiness.blockers()), actions));
        }
    }

    /**
     * Due at the start of the day {@code expiryNotice} before the authorization's last day, in the patient's
     * calendar (the visit's offset), else in UTC.
     */
    private void planExpiry(Facts facts, Authorization authorization, List<PlannedAlert> planned) {
        if (!PAYER_APPROVED.contains(authorization.status()) || authorization.validTo() == null) {
            return;
        }
        ZoneOffset zone = facts.visit() == null ? ZoneOffset.UTC : facts.visit().start().getOffset();
        LocalDate noticeDay = authorization.validTo().minusDays(properties.expiryNotice().toDays());
        String pillar = pillarName(authorization.pillar());
        String number = numberOf(authorization);
        planned.add(new PlannedAlert(
                id(key(AlertType.ReauthorizationDue, "EXPIRING", authorization.id(), authorization.validTo())),
                AlertType.ReauthorizationDue, noticeDay.atStartOfDay(zone).toInstant(), Severity.INFO, null,
                new PlannedAlert.AuthorizationEnding(authorization.pillar(), authorization.id(),
                        authorization.authorizationNumber(), authorization.validTo()),
                once(() -> List.of(new AlertAction(facts.specialistOrgId, "SPECIALIST",
                        "%s must request a new %s authorization: %s ends %s."
                                .formatted(facts.specialistOrgId, pillar, number, DAY.format(authorization.validTo())))))));
    }

    /** Due as soon as the count is low: one alert per count, so 1 left and 0 left are each announced. */
    private void planVisitsLow(Facts facts, NursingAuthorization nursing, Instant now, List<PlannedAlert> planned) {
        if (!PAYER_APPROVED.contains(nursing.status()) || nursing.approvedVisits() == null) {
            return;
        }
        int remaining = nursing.approvedVisits() - nursing.visitsUsed();
        if (remaining > properties.visitsRemainingNotice()) {
            return;
        }
        planned.add(new PlannedAlert(
                id(key(AlertType.ReauthorizationDue, "VISITS_LOW", nursing.id(), remaining)),
                AlertType.ReauthorizationDue, now, remaining <= 0 ? Severity.WARNING : Severity.INFO, null,
                new PlannedAlert.VisitsRunningLow(nursing.id(), nursing.authorizationNumber(), remaining),
                once(() -> List.of(new AlertAction(facts.specialistOrgId, "SPECIALIST",
                        "%s must request more nursing visits: %d of %d approved on %s left."
                                .formatted(facts.specialistOrgId, Math.max(remaining, 0), nursing.approvedVisits(),
                                        numberOf(nursing)))))));
    }

    private void planDecisionOverdue(Facts facts, Authorization authorization, List<PlannedAlert> planned) {
        if (!AWAITING_PAYER.contains(authorization.status())) {
            return;
        }
        PayerSubmission submission = authorization.submissionOrDefault();
        if (submission.submittedAt() == null) {
            return;
        }
        Duration clock = properties.decisionClock().of(authorization.pillar(), submission.urgency());
        Instant dueAt = submission.submittedAt().plus(clock);
        Supplier<List<AlertAction>> actions = once(() -> submission.payerId() == null ? List.of()
                : List.of(new AlertAction(submission.payerId(), "PAYER",
                        "Payer %s has not decided the %s %s authorization submitted on %s within %s."
                                .formatted(submission.payerId(), submission.urgency().name().toLowerCase(Locale.ROOT),
                                        pillarName(authorization.pillar()),
                                        DAY.format(submission.submittedAt().atOffset(ZoneOffset.UTC)), words(clock)))));
        planned.add(new PlannedAlert(id(key(AlertType.PayerDecisionOverdue, authorization.id(), dueAt.toEpochMilli())),
                AlertType.PayerDecisionOverdue, dueAt, Severity.CRITICAL, null,
                new PlannedAlert.DecisionOverdue(authorization.pillar(), authorization.id(), submission), actions));
    }

    /** Each blocker of an at-risk case names the organization that can clear it. */
    private List<AlertAction> actionsFor(Facts facts, List<Blocker> blockers) {
        Set<AlertAction> actions = new LinkedHashSet<>();
        Visit visit = facts.visit();
        VisitLocalTime times = VisitLocalTime.of(visit);
        for (Blocker blocker : blockers) {
            Pillar pillar = blocker.pillar();
            Optional<Authorization> authorization = facts.current(pillar);
            String organization = authorization.map(Authorization::organizationId).orElse(null);
            switch (blocker.code()) {
                case "DRUG_AUTH_MISSING", "NURSING_AUTH_MISSING", "SUPPLIES_AUTH_MISSING", "DRUG_UNITS_INSUFFICIENT",
                        "NURSING_VISITS_EXHAUSTED" ->
                        actions.add(specialist(facts, "%s must request a %s authorization that covers the visit."
                                .formatted(facts.specialistOrgId, pillarName(pillar))));
                case "DRUG_AUTH_NOT_APPROVED", "NURSING_AUTH_NOT_APPROVED", "SUPPLIES_AUTH_NOT_APPROVED" ->
                        authorization.ifPresent(a -> actions.add(notApproved(facts, a)));
                case "DRUG_DELIVERY_NOT_SCHEDULED", "DELIVERY_AFTER_VISIT" -> add(actions, organization, "PHARMACY",
                        "%s must post a drug delivery ending by %s."
                                .formatted(organization, times.at(visit.start().minus(minimumDrugLeadTime))));
                case "PRODUCT_EXPIRES_BEFORE_VISIT" -> add(actions, organization, "PHARMACY",
                        "%s must deliver product usable until the visit ends (%s)."
                                .formatted(organization, times.atPlusMinutes(visit.start(), visit.expectedDurationMinutes())));
                case "SUPPLIES_DELIVERY_NOT_SCHEDULED", "SUPPLIES_AFTER_VISIT" -> add(actions, organization, "SUPPLIER",
                        "%s must post a supplies delivery ending by %s.".formatted(organization, times.at(visit.start())));
                case "VISIT_OUTSIDE_DRUG_AUTH", "VISIT_OUTSIDE_NURSING_AUTH", "VISIT_OUTSIDE_SUPPLIES_AUTH" ->
                        actions.add(specialist(facts, "%s must have the %s authorization cover %s, or the agency move the visit."
                                .formatted(facts.specialistOrgId, pillarName(pillar), DAY.format(visit.start()))));
                default -> actions.add(specialist(facts, "%s must clear: %s".formatted(facts.specialistOrgId,
                        blocker.message())));
            }
        }
        return List.copyOf(actions);
    }

    /** An undecided request waits for the payer; a denial waits for the specialist's appeal or a new request. */
    private AlertAction notApproved(Facts facts, Authorization authorization) {
        PayerSubmission submission = authorization.submissionOrDefault();
        String pillar = pillarName(authorization.pillar());
        if (AWAITING_PAYER.contains(authorization.status()) && submission.payerId() != null) {
            return new AlertAction(submission.payerId(), "PAYER",
                    "Payer %s must decide the %s authorization.".formatted(submission.payerId(), pillar));
        }
        return specialist(facts, "%s must appeal or replace the %s %s authorization."
                .formatted(facts.specialistOrgId, String.valueOf(authorization.status()).toLowerCase(Locale.ROOT), pillar));
    }

    private static AlertAction specialist(Facts facts, String action) {
        return new AlertAction(facts.specialistOrgId, "SPECIALIST", action);
    }

    private static void add(Set<AlertAction> actions, String orgId, String role, String action) {
        if (orgId != null) {
            actions.add(new AlertAction(orgId, role, action));
        }
    }

    private static String numberOf(Authorization authorization) {
        return authorization.authorizationNumber() == null ? "(no number)" : authorization.authorizationNumber();
    }

    private static String pillarName(Pillar pillar) {
        return pillar.name().toLowerCase(Locale.ROOT);
    }

    /** "7 days", "72 hours", "90 min": days from four on, as the CMS time frames are worded. */
    private static String words(Duration duration) {
        if (duration.toHours() % 24 == 0 && duration.toDays() >= 4) {
            return duration.toDays() + " days";
        }
        return duration.toMinutes() % 60 == 0 ? duration.toHours() + " hours" : duration.toMinutes() + " min";
    }

    private static String key(Object... parts) {
        StringBuilder key = new StringBuilder();
        for (Object part : parts) {
            key.append(key.length() == 0 ? "" : "|").append(part);
        }
        return key.toString();
    }

    /** Computes at most once, and only if asked. */
    private static <T> Supplier<T> once(Supplier<T> compute) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = compute.get();
                }
                return value;
            }
        };
    }

    /** A name-based UUID: the same alert key gives the same alertId on every instance, forever. */
    static UUID id(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The case's current authorization per pillar and its confirmed visit, looked up once. */
    private static final class Facts {

        private final String specialistOrgId;
        private final String caseId;
        private final CaseAuthorizations authorizations;
        private final Visit visit;

        Facts(String specialistOrgId, String caseId, CaseAuthorizations authorizations) {
            this.specialistOrgId = specialistOrgId;
            this.caseId = caseId;
            this.authorizations = authorizations;
            Visit next = authorizations.nursing().map(NursingAuthorization::visit).orElse(null);
            this.visit = next != null && next.isConfirmed() ? next : null;
        }

        Optional<Authorization> current(Pillar pillar) {
            return authorizations.current(pillar);
        }

        Optional<NursingAuthorization> nursing() {
            return authorizations.nursing();
        }

        Visit visit() {
            return visit;
        }
    }
}

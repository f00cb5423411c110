package org.homeinfusion.benchmark.load;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.homeinfusion.benchmark.observe.HarnessClock;
import org.homeinfusion.benchmark.observe.ReadinessTracker;
import org.homeinfusion.contracts.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * Plays one {@link SyntheticCase} through the public APIs as the organizations would, each pillar on its own: the
 * specialist requests, the payer decides, the pharmacy, supplier and agency post their times. Within a pillar every
 * call waits for the answer it depends on (the id, the approval); the pillars run side by side. Nothing here blocks
 * a thread.
 *
 * <p>The last enabling call of each readiness version is remembered: time-to-ready is measured from its response.
 */
public final class CaseRun implements Arrival {

    private static final String VALID_FROM = "2026-12-01";
    private static final String VALID_TO = "2027-05-31";
    private static final String OFFSET = "-05:00";

    private final SyntheticCase subject;
    private final Endpoints endpoints;
    private final Tokens tokens;
    private final ApiDriver driver;
    private final CallStats stats;
    private final ReadinessTracker tracker;
    private final Duration readyWaitBeforeCancel;
    private final Map<Long, Long> enablingResponseNanos = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** Base URLs of the four services. */
    public record Endpoints(String drug, String nursing, String supplies, String coordinator) {
    }

    /**
     * @param readyWaitBeforeCancel  how long a nurse-cancellation case waits for its first ReadyToSchedule before the
     *                               agency cancels; {@code null} cancels at once (the catch-up, with the coordinator
     *                               down, cannot wait)
     */
    public CaseRun(SyntheticCase subject, Endpoints endpoints, Tokens tokens, ApiDriver driver, CallStats stats,
            ReadinessTracker tracker, Duration readyWaitBeforeCancel) {
        this.subject = subject;
        this.endpoints = endpoints;
        this.tokens = tokens;
        this.driver = driver;
        this.stats = stats;
        this.tracker = tracker;
        this.readyWaitBeforeCancel = readyWaitBeforeCancel;
    }

    @Override
    public SyntheticCase subject() {
        return subject;
    }

    /** Starts the case as due at {@code scheduledNanos}; the result never fails, a failure is in the outcome. */
    @Override
    public CompletableFuture<CaseOutcome> start(long scheduledNanos) {
        CompletableFuture<ApiResult> drug = drugPillar(scheduledNanos);
        CompletableFuture<ApiResult> nursing = nursingPillar(scheduledNanos);
        CompletableFuture<ApiResult> supplies = suppliesPillar(scheduledNanos);
        CompletableFuture<Void> path = CompletableFuture.allOf(drug, nursing, supplies).thenCompose(done -> {
            long lastEnabling = Math.max(drug.join().completedNanos(),
                    Math.max(nursing.join().completedNanos(), supplies.join().completedNanos()));
            enablingResponseNanos.put(1L, lastEnabling);
            if (!subject.scenario().nurseCancel()) {
                return CompletableFuture.completedFuture(null);
            }
            return cancelAndRebook(nursing.join());
        });
        return path.handle((ok, failure) -> new CaseOutcome(subject, scheduledNanos, HarnessClock.now(), calls.get(),
                Map.copyOf(enablingResponseNanos), acceptableFinalVersions(), failure == null ? null : reason(failure)));
    }

    /** The readiness versions the case may end on; the last is always a ReadyToSchedule. */
    private Set<Long> acceptableFinalVersions() {
        if (!subject.scenario().nurseCancel()) {
            return Set.of(1L);
        }
        // Without waiting for READY first, the coordinator may read the nurse's confirm, cancel and new slot before
        // the drug delivery (another topic): then the case never was READY in between and ends on version 1.
        return readyWaitBeforeCancel == null ? Set.of(1L, 3L) : Set.of(3L);
    }

    private CompletableFuture<ApiResult> drugPillar(long due) {
        SyntheticCase c = subject;
        String create = """
                {"caseId":"%s","patientRef":"PT-%d","payer":{"payerId":"%s","plan":"COMMERCIAL"},"placeOfService":"12",\
                "hcpcsCode":"%s","ndc":null,"dose":{"quantity":%d,"unit":"%s"},"pharmacyOrgId":"%s",\
                "requestedFrom":"%s","requestedTo":"%s"}""".formatted(c.caseId(), c.sequence(), c.payerId(),
                c.drug().hcpcsCode(), c.drug().doseQuantity(), c.drug().doseUnit(), c.pharmacyOrgId(), VALID_FROM, VALID_TO);
        String base = endpoints.drug() + "/api/drug-authorizations";
        return send(new ApiCall("POST /api/drug-authorizations", "POST", URI.create(base), specialist(),
                c.caseId() + "-drug", create, 201), due)
                .thenCompose(created -> {
                    String id = id(created);
                    String decision = """
                            {"outcome":"APPROVED","authorizationNumber":"D%d","validFrom":"%s","validTo":"%s",\
                            "approvedUnits":%d}""".formatted(c.sequence(), VALID_FROM, VALID_TO, c.drug().billingUnits());
                    return send(new ApiCall("POST /api/drug-authorizations/{id}/decision", "POST",
                            URI.create(base + "/" + id + "/decision"), payer(), null, decision, 200), created.completedNanos())
                            .thenCompose(decided -> c.scenario().drugEtaMiss()
                                    ? drugDelivery(base, id, "12:30", "13:30", decided)
                                            .thenCompose(missed -> drugDelivery(base, id, "08:00", "11:00", missed))
                                    : drugDelivery(base, id, "08:00", "11:00", decided));
                });
    }

    private CompletableFuture<ApiResult> drugDelivery(String base, String id, String from, String to, ApiResult after) {
        String body = """
                {"etaStart":"%s","etaEnd":"%s","trackingRef":"TRK-%s"}""".formatted(at(from), at(to), subject.caseId());
        return send(new ApiCall("PUT /api/drug-authorizations/{id}/delivery", "PUT", URI.create(base + "/" + id + "/delivery"),
                tokens.bearer(subject.pharmacyOrgId(), "PHARMACY"), null, body, 200), after.completedNanos());
    }

    private CompletableFuture<ApiResult> nursingPillar(long due) {
        SyntheticCase c = subject;
        String create = """
                {"caseId":"%s","patientRef":"PT-%d","payer":{"payerId":"%s","plan":"COMMERCIAL"},"agencyOrgId":"%s",\
                "serviceCode":"99601","frequency":"2w4","requestedFrom":"%s","requestedTo":"%s"}""".formatted(
                c.caseId(), c.sequence(), c.payerId(), c.agencyOrgId(), VALID_FROM, VALID_TO);
        String base = endpoints.nursing() + "/api/nursing-authorizations";
        return send(new ApiCall("POST /api/nursing-authorizations", "POST", URI.create(base), specialist(),
                c.caseId() + "-nursing", create, 201), due)
                .thenCompose(created -> {
                    String id = id(created);
                    String decision = """
                            {"outcome":"APPROVED","authorizationNumber":"N%d","validFrom":"%s","validTo":"%s",\
                            "approvedVisits":8}""".formatted(c.sequence(), VALID_FROM, VALID_TO);
                    return send(new ApiCall("POST /api/nursing-authorizations/{id}/decision", "POST",
                            URI.create(base + "/" + id + "/decision"), payer(), null, decision, 200), created.completedNanos())
                            .thenCompose(decided -> visit(base, id, "14:00", "Jones", decided));
                });
    }

    private CompletableFuture<ApiResult> visit(String base, String id, String start, String nurse, ApiResult after) {
        String body = """
                {"visitStart":"%s","expectedDurationMinutes":240,"nurseName":"%s"}""".formatted(at(start), nurse);
        return send(new ApiCall("PUT /api/nursing-authorizations/{id}/visit", "PUT", URI.create(base + "/" + id + "/visit"),
                agency(), null, body, 200), after.completedNanos());
    }

    /** The agency cancels the visit once the case is READY (or at once), then confirms a new slot. */
    private CompletableFuture<Void> cancelAndRebook(ApiResult visitConfirmed) {
        String base = endpoints.nursing() + "/api/nursing-authorizations";
        String id = pathId(visitConfirmed);
        CompletableFuture<Long> ready = readyWaitBeforeCancel == null
                ? CompletableFuture.completedFuture(visitConfirmed.completedNanos())
                : tracker.await(subject.key(), 1).orTimeout(readyWaitBeforeCancel.toMillis(), TimeUnit.MILLISECONDS)
                        .thenApply(observation -> HarnessClock.now());
        return ready.thenComposeAsync(due -> send(new ApiCall("DELETE /api/nursing-authorizations/{id}/visit", "DELETE",
                        URI.create(base + "/" + id + "/visit"), agency(), null, null, 200), due), driver.executor())
                .thenCompose(cancelled -> visit(base, id, "15:00", "Smith", cancelled))
                .thenAccept(rebooked -> enablingResponseNanos.put(3L, rebooked.completedNanos()));
    }

    private CompletableFuture<ApiResult> suppliesPillar(long due) {
        SyntheticCase c = subject;
        String payer = "\"payer\":{\"payerId\":\"" + c.payerId() + "\",\"plan\":\"COMMERCIAL\"}";
        String create = c.scenario().separateSupplies()
                ? """
                {"caseId":"%s","patientRef":"PT-%d",%s,"supplierOrgId":"%s","coverage":"SEPARATE",\
                "items":[{"hcpcsCode":"E0781","quantity":1},{"hcpcsCode":"A4222","quantity":8},\
                {"hcpcsCode":"E0776","quantity":1}]}""".formatted(c.caseId(), c.sequence(), payer, c.supplierOrgId())
                : """
                {"caseId":"%s","patientRef":"PT-%d",%s,"supplierOrgId":"%s","coverage":"BUNDLED",\
                "perDiemCode":"%s"}""".formatted(c.caseId(), c.sequence(), payer, c.supplierOrgId(), c.perDiemCode());
        String base = endpoints.supplies() + "/api/supplies-authorizations";
        CompletableFuture<ApiResult> created = send(new ApiCall("POST /api/supplies-authorizations", "POST",
                URI.create(base), specialist(), c.caseId() + "-supplies", create, 201), due);
        if (!c.scenario().separateSupplies()) {
            return created;
        }
        return created.thenCompose(request -> {
            String id = id(request);
            String decision = """
                    {"outcome":"APPROVED","authorizationNumber":"S%d","validFrom":"%s","validTo":"%s"}"""
                    .formatted(c.sequence(), VALID_FROM, VALID_TO);
            return send(new ApiCall("POST /api/supplies-authorizations/{id}/decision", "POST",
                    URI.create(base + "/" + id + "/decision"), payer(), null, decision, 200), request.completedNanos())
                    .thenCompose(decided -> c.scenario().suppliesEtaMiss()
                            ? suppliesDelivery(base, id, "13:00", "15:00", decided)
                                    .thenCompose(missed -> suppliesDelivery(base, id, "09:00", "12:00", missed))
                            : suppliesDelivery(base, id, "09:00", "12:00", decided));
        });
    }

    private CompletableFuture<ApiResult> suppliesDelivery(String base, String id, String from, String to, ApiResult after) {
        String body = """
                {"etaStart":"%s","etaEnd":"%s"}""".formatted(at(from), at(to));
        return send(new ApiCall("PUT /api/supplies-authorizations/{id}/delivery", "PUT",
                URI.create(base + "/" + id + "/delivery"), tokens.bearer(subject.supplierOrgId(), "SUPPLIER"), null, body,
                200), after.completedNanos());
    }

    /** Sends and insists on the contract's success status; anything else ends the case. */
    private CompletableFuture<ApiResult> send(ApiCall call, long due) {
        calls.incrementAndGet();
        return driver.send(call, due, stats).thenApply(result -> {
            if (!result.asExpected()) {
                String body = result.body() == null ? "" : result.body();
                throw new CaseFailed(call.label() + " answered " + CallStats.statusClass(result.status())
                        + (result.status() > 0 ? " (" + result.status() + ")" : "") + ": "
                        + body.substring(0, Math.min(200, body.length())));
            }
            return result;
        });
    }

    private String at(String localTime) {
        LocalDate day = subject.visitDay();
        return day + "T" + localTime + ":00" + OFFSET;
    }

    private String specialist() {
        return tokens.bearer(subject.specialistOrgId(), "SPECIALIST");
    }

    private String payer() {
        return tokens.bearer(subject.payerId(), "PAYER");
    }

    private String agency() {
        return tokens.bearer(subject.agencyOrgId(), "AGENCY");
    }

    private static String id(ApiResult created) {
        JsonNode id = EventJson.mapper().readTree(created.body()).get("id");
        if (id == null) {
            throw new CaseFailed(created.call().label() + " answered without an id: " + created.body());
        }
        return id.asString();
    }

    /** The authorization id from the URI of a call on it, e.g. {@code …/nursing-authorizations/{id}/visit}. */
    private static String pathId(ApiResult result) {
        String[] segments = result.call().uri().getPath().split("/");
        return segments[3];
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException) {
            return "no ReadyToSchedule version 1 within the wait before the nurse's cancellation";
        }
        return cause instanceof CaseFailed ? cause.getMessage() : cause.toString();
    }

    /** A call of the case did not get the contract's success answer. */
    static final class CaseFailed extends RuntimeException {
        CaseFailed(String message) {
            super(message, null, false, false);
        }
    }
}

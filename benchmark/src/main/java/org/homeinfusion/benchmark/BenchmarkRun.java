package org.homeinfusion.benchmark;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.TopicPartition;
import org.homeinfusion.benchmark.load.ApiCall;
import org.homeinfusion.benchmark.load.ApiDriver;
import org.homeinfusion.benchmark.load.ApiResult;
import org.homeinfusion.benchmark.load.CallStats;
import org.homeinfusion.benchmark.load.CaseOutcome;
import org.homeinfusion.benchmark.load.CaseRun;
import org.homeinfusion.benchmark.load.OpenLoop;
import org.homeinfusion.benchmark.load.Scenario;
import org.homeinfusion.benchmark.load.SyntheticCase;
import org.homeinfusion.benchmark.load.Tokens;
import org.homeinfusion.benchmark.observe.CaseKey;
import org.homeinfusion.benchmark.observe.DatabaseWaits;
import org.homeinfusion.benchmark.observe.Footprint;
import org.homeinfusion.benchmark.observe.HarnessClock;
import org.homeinfusion.benchmark.observe.PillarTimestamps;
import org.homeinfusion.benchmark.observe.ProcessGroup;
import org.homeinfusion.benchmark.observe.Profiler;
import org.homeinfusion.benchmark.observe.RawConsumer;
import org.homeinfusion.benchmark.observe.ReadinessTracker;
import org.homeinfusion.benchmark.observe.TopicOffsets;
import org.homeinfusion.benchmark.report.CatchUpResult;
import org.homeinfusion.benchmark.report.Correctness;
import org.homeinfusion.benchmark.report.RateResult;
import org.homeinfusion.benchmark.report.RunReport;
import org.homeinfusion.benchmark.report.TargetCheck;
import org.homeinfusion.benchmark.stack.SystemUnderTest;
import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.contracts.Topics;
import tools.jackson.databind.JsonNode;

/**
 * One benchmark run against a running system: an optional warm-up, each arrival rate in turn, then the catch-up, then
 * a last look for duplicates across everything. Each phase is judged as soon as its cases are done.
 */
final class BenchmarkRun {

    /** The targets on the 2-core machine. */
    static final double TARGET_P99_AT_50_MS = 250;
    static final double TARGET_P99_SUSTAINED_MS = 500;
    static final double TARGET_SUSTAINED_CASES_PER_SECOND = 200;
    static final double TARGET_CATCH_UP_EVENTS_PER_SECOND = 20_000;
    static final double TARGET_STACK_MIB_AT_50 = 2048;

    /** A rate is kept up with when its last record arrives this soon after the arrival window closes. */
    static final Duration KEEP_UP_DRAIN = Duration.ofSeconds(2);
    /** …and its HTTP calls, measured from when they were due, stay under this at p99. */
    static final double KEEP_UP_HTTP_P99_MS = 1_000;

    private static final String COORDINATOR_GROUP = "coordinator";
    private static final List<String> PILLAR_TOPICS = List.of(Topics.DRUG_AUTH_EVENTS, Topics.NURSING_AUTH_EVENTS,
            Topics.SUPPLIES_AUTH_EVENTS);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_WAIT_BEFORE_CANCEL = Duration.ofSeconds(30);
    private static final Duration CASES_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration RECORDS_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(300);
    private static final long LAG_POLL_MILLIS = 50;
    private static final int HTTP_CLIENT_THREADS = 4;

    private final BenchmarkOptions options;
    private final SystemUnderTest system;
    private final Path runDirectory;
    private final PrintStream out;
    private final String runPrefix;
    private final Tokens tokens = new Tokens();
    private final CaseRun.Endpoints endpoints;
    private final List<CaseOutcome> allOutcomes = new ArrayList<>();
    private final Map<CaseKey, CaseJudge.FinalState> allFinalStates = new ConcurrentHashMap<>();
    private final List<String> notes = new ArrayList<>();
    /** Services under JFR: pid to recording name. */
    private final Map<Long, String> profiled = new HashMap<>();
    private PillarTimestamps pillars;
    private DatabaseWaits database;
    private long judgedDuplicates;

    BenchmarkRun(BenchmarkOptions options, SystemUnderTest system, Path runDirectory, PrintStream out) {
        this.options = options;
        this.system = system;
        this.runDirectory = runDirectory;
        this.out = out;
        this.runPrefix = "BM" + Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase(Locale.ROOT) + "-";
        this.endpoints = new CaseRun.Endpoints(system.baseUrl(SystemUnderTest.DRUG),
                system.baseUrl(SystemUnderTest.NURSING), system.baseUrl(SystemUnderTest.SUPPLIES),
                system.baseUrl(SystemUnderTest.COORDINATOR));
    }

    RunReport execute() {
        String startedAt = Instant.now().toString();
        String loadAtStart = loadAverage();
        List<ProcessGroup> groups = new ArrayList<>(system.processes());
        groups.add(ProcessGroup.of("benchmark harness (load generator)", Footprint.HARNESS, ProcessHandle.current().pid()));
        ReadinessTracker tracker;
        try {
            tracker = ReadinessTracker.start(system.kafkaBootstrapServers(), runPrefix);
        } catch (RuntimeException e) {
            throw new Unreachable("Kafka at " + system.kafkaBootstrapServers() + ": " + e.getMessage());
        }
        PillarTimestamps pillars = PillarTimestamps.start(system.kafkaBootstrapServers(), runPrefix);
        this.pillars = pillars;
        this.database = system.postgresJdbcUrl() == null ? null
                : DatabaseWaits.start(system.postgresJdbcUrl(), "postgres", "postgres");
        try (tracker; pillars; ApiDriver driver = new ApiDriver(options.maxInFlight(), HTTP_TIMEOUT, HTTP_CLIENT_THREADS);
                Footprint footprint = new Footprint(groups)) {
            probe(driver);
            out.println("System: " + system.description());
            out.println("Cases are named " + runPrefix + "…; readiness is read from " + Topics.CASE_READINESS_EVENTS
                    + " (read_committed). Mean API calls per case in the mix: " + Scenario.meanApiCalls());
            startProfiling(groups);
            Footprint.Window idle = footprint.begin();
            sleep(Duration.ofSeconds(3));
            Footprint.Result idleFootprint = idle.end();

            if (!options.warmup().isZero()) {
                out.printf(Locale.ROOT, "%nWarm-up: %.0f cases/s for %d s (not reported)%n", options.rates().get(0),
                        options.warmup().toSeconds());
                RateResult warmup = runRate("w", options.rates().get(0), options.warmup(), tracker, driver, footprint);
                out.println("  " + ReportLine.of(warmup));
                pause();
            }
            List<RateResult> rates = new ArrayList<>();
            for (double rate : options.rates()) {
                out.printf(Locale.ROOT, "%nRate %s cases/s for %d s (≈ %.0f API calls/s offered)%n", ReportLine.rate(rate),
                        options.duration().toSeconds(), rate * Scenario.meanApiCalls());
                RateResult result = runRate("r" + ReportLine.rate(rate).replace('.', '_'), rate, options.duration(),
                        tracker, driver, footprint);
                out.println("  " + ReportLine.of(result));
                rates.add(result);
                pause();
            }
            CatchUpResult catchUp = catchUp(tracker, driver, footprint);
            stopProfiling();

            // A duplicate may arrive after its phase was judged (e.g. after the coordinator's restart): look again.
            sleep(Duration.ofSeconds(1));
            CaseJudge.Judgement overall = CaseJudge.judge(allOutcomes, tracker, pillars, allFinalStates, Long.MAX_VALUE);
            long lateDuplicates = Math.max(0, overall.correctness().duplicateRecords() - judgedDuplicates);
            if (tracker.failure() != null) {
                notes.add("The readiness consumer stopped: " + tracker.failure());
            }
            if (tracker.unreadableRecords() > 0) {
                notes.add(tracker.unreadableRecords() + " readiness records of this run could not be read");
            }
            List<TargetCheck> targets = targets(rates, catchUp);
            if (database != null) {
                database.close();
            }
            return new RunReport(startedAt, Instant.now().toString(), system.description(), options.describe(),
                    machine(loadAtStart), rates, catchUp, idleFootprint, overall.correctness(), lateDuplicates, targets,
                    sustainedThroughput(rates), notes);
        }
    }

    /** One arrival rate: the open-loop window, then waiting for the cases and their records, then judging them. */
    private RateResult runRate(String tag, double rate, Duration duration, ReadinessTracker tracker, ApiDriver driver,
            Footprint footprint) {
        CallStats stats = new CallStats();
        driver.resetMaxQueued();
        Footprint.Window window = footprint.begin();
        databaseActivity();
        String prefix = runPrefix + tag + "-";
        OpenLoop.Arrivals arrivals = OpenLoop.run(rate, duration, i -> new CaseRun(SyntheticCase.of(prefix, i),
                endpoints, tokens, driver, stats, tracker, READY_WAIT_BEFORE_CANCEL), stats);
        // CPU and memory while cases arrive; the drain after the window would dilute the CPU figures.
        Footprint.Result used = window.end();
        Map<String, Double> databaseActivity = databaseActivity();
        List<CaseOutcome> outcomes = await(arrivals, CASES_TIMEOUT);
        awaitRecords(outcomes, tracker, RECORDS_TIMEOUT);
        int maxQueued = driver.maxQueued();
        CallStats.Summary verification = verify(outcomes, driver);
        CaseJudge.Judgement judged = CaseJudge.judge(outcomes, tracker, pillars, allFinalStates, arrivals.windowEndNanos());
        allOutcomes.addAll(outcomes);
        judgedDuplicates += judged.correctness().duplicateRecords();

        double window_ = (arrivals.windowEndNanos() - arrivals.firstDueNanos()) / 1e9;
        CallStats.Summary http = stats.summary();
        double drain = judged.lastRecordNanos() == 0 ? 0 : Math.max(0, (judged.lastRecordNanos() - arrivals.windowEndNanos()) / 1e9);
        boolean keptUp = drain <= KEEP_UP_DRAIN.toSeconds() && http.latencyFromScheduled().p99() <= KEEP_UP_HTTP_P99_MS;
        double p99 = judged.timeToReady().percentiles().p99();
        boolean clean = judged.correctness().passed() && http.serverErrors() == 0 && http.failedCalls() == 0;
        boolean sustained = clean && keptUp && p99 <= TARGET_P99_SUSTAINED_MS;
        String verdict = !clean ? "errors" : !keptUp ? "fell behind" : p99 > TARGET_P99_SUSTAINED_MS
                ? "p99 over " + (int) TARGET_P99_SUSTAINED_MS + " ms" : "sustained";
        return new RateResult(rate, round(window_), outcomes.size(), round(http.completedInWindow() / window_),
                round(judged.readyByNanos() / window_), round(drain), judged.timeToReady().percentiles(),
                judged.timeToReadyBrokerTime().percentiles(), judged.caseStartToReady().percentiles(),
                Map.of("pillar relay", judged.stages().pillarRelay().percentiles(),
                        "coordinator", judged.stages().coordinator().percentiles(),
                        "delivery to subscriber", judged.stages().delivery().percentiles()),
                arrivals.startLag(), judged.timeToReady().clampedNegative(), http, verification, judged.correctness(),
                used, databaseActivity, maxQueued, keptUp, sustained, verdict);
    }

    /**
     * Stops the coordinator, creates the backlog through the APIs, measures a plain consumer on it, then starts the
     * coordinator and measures how fast its consumer group's lag goes to zero.
     */
    private CatchUpResult catchUp(ReadinessTracker tracker, ApiDriver driver, Footprint footprint) {
        if (options.catchUpCases() == 0) {
            return CatchUpResult.skipped("--catch-up-cases 0");
        }
        if (!system.controlsCoordinator()) {
            return CatchUpResult.skipped("the harness cannot stop a targeted system's coordinator; let it start the"
                    + " stack (no --target) to measure the catch-up");
        }
        out.printf(Locale.ROOT, "%nCatch-up: stopping the coordinator, creating %d cases at %s cases/s through the APIs%n",
                options.catchUpCases(), ReportLine.rate(options.catchUpRate()));
        try (TopicOffsets offsets = new TopicOffsets(system.kafkaBootstrapServers())) {
            awaitCoordinatorDrained(offsets);
            system.stopCoordinator();
            Map<TopicPartition, Long> ends = offsets.endOffsets(PILLAR_TOPICS);
            Map<TopicPartition, Long> committedBefore = offsets.committed(COORDINATOR_GROUP, ends.keySet());
            long alreadyWaiting = TopicOffsets.distance(committedBefore, ends);
            if (alreadyWaiting > 0) {
                notes.add("Catch-up: " + alreadyWaiting + " pillar events were still unconsumed when the coordinator stopped;"
                        + " they are part of the backlog.");
            }

            CallStats stats = new CallStats();
            String prefix = runPrefix + "c-";
            long backlogStarted = HarnessClock.now();
            Duration window = Duration.ofMillis(Math.round(options.catchUpCases() * 1000 / options.catchUpRate()));
            OpenLoop.Arrivals arrivals = OpenLoop.run(options.catchUpRate(), window, i -> new CaseRun(
                    SyntheticCase.of(prefix, i), endpoints, tokens, driver, stats, tracker, null), stats);
            List<CaseOutcome> outcomes = await(arrivals, CASES_TIMEOUT);
            double backlogSeconds = (HarnessClock.now() - backlogStarted) / 1e9;
            Map<TopicPartition, Long> backlogEnd = offsets.endOffsets(PILLAR_TOPICS);
            long backlog = TopicOffsets.distance(committedBefore, backlogEnd);
            out.printf(Locale.ROOT, "  %d pillar events waiting (created in %.1f s); reading them with a plain consumer%n",
                    backlog, backlogSeconds);

            RawConsumer.Rate raw = RawConsumer.read(system.kafkaBootstrapServers(), committedBefore, backlogEnd);
            out.printf(Locale.ROOT, "  plain consumer: %d records in %.3f s = %.0f records/s; starting the coordinator%n",
                    raw.records(), raw.seconds(), raw.perSecond());

            Footprint.Window used = footprint.begin();
            long coordinatorStarted = HarnessClock.now();
            CompletableFuture<Duration> up = CompletableFuture.supplyAsync(system::startCoordinator);
            Drain drain = watchDrain(offsets, committedBefore, backlogEnd, backlog, up, footprint);
            Map<String, Double> databaseActivity = databaseActivity();
            Duration upAfter = up.join();
            awaitRecords(outcomes, tracker, RECORDS_TIMEOUT);
            Footprint.Result footprintResult = used.end();
            verify(outcomes, driver);
            CaseJudge.Judgement judged = CaseJudge.judge(outcomes, tracker, pillars, allFinalStates, Long.MAX_VALUE);
            allOutcomes.addAll(outcomes);
            judgedDuplicates += judged.correctness().duplicateRecords();
            double toLastReady = judged.lastRecordNanos() == 0 ? 0 : (judged.lastRecordNanos() - coordinatorStarted) / 1e9;
            double ratio = raw.perSecond() > 0 ? drain.eventsPerSecond(backlog) / raw.perSecond() : 0;
            out.printf(Locale.ROOT, "  coordinator UP after %.1f s; consumed %d events in %.3f s from its partition"
                    + " assignment = %.0f events/s (%.1f %% of the plain consumer); last readiness record %.1f s after"
                    + " start%n", upAfter.toMillis() / 1000.0, backlog, drain.consumingSeconds(),
                    drain.eventsPerSecond(backlog), 100 * ratio, toLastReady);
            return new CatchUpResult(true, null, outcomes.size(), backlog, round(backlogSeconds),
                    round(upAfter.toMillis() / 1000.0), round3(drain.consumingSeconds()), round3(drain.seconds()),
                    drain.events(), Math.round(drain.eventsPerSecond(backlog)), round(toLastReady), raw.records(),
                    round3(raw.seconds()), Math.round(raw.perSecond()), round3(ratio), stats.summary(),
                    judged.correctness(), footprintResult, databaseActivity, drain.footprint());
        }
    }

    /**
     * @param consumingSeconds partitions assigned → lag 0: the whole backlog's consumption
     * @param events           events committed between the first commit seen and lag 0, in {@code seconds}
     */
    private record Drain(double consumingSeconds, long events, double seconds, Footprint.Result footprint) {

        double eventsPerSecond(long backlog) {
            return consumingSeconds > 0 ? backlog / consumingSeconds : 0;
        }
    }

    /**
     * Polls the coordinator group's membership and committed offsets. The catch-up is timed from the first poll that
     * sees a member with partitions assigned (the coordinator's start-up is not consumption; its first batch is) to
     * the poll that sees lag 0. The interval from the first commit seen is kept beside it: it leaves out the first
     * batch of each thread, which with 8,000-record polls is a large share of the backlog, so it flatters big polls.
     */
    private Drain watchDrain(TopicOffsets offsets, Map<TopicPartition, Long> committedBefore,
            Map<TopicPartition, Long> end, long backlog, CompletableFuture<Duration> up, Footprint footprint) {
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
        long assigned = 0;
        long firstSeen = 0;
        long consumedAtFirst = 0;
        Footprint.Window draining = null;
        while (System.nanoTime() < deadline) {
            long now = HarnessClock.now();
            boolean member = assigned == 0 && assignedMember(offsets);
            long consumed;
            try {
                consumed = TopicOffsets.distance(committedBefore, offsets.committed(COORDINATOR_GROUP, end.keySet()));
            } catch (RuntimeException notYet) {
                consumed = 0;
            }
            if (assigned == 0 && (member || consumed > 0)) {
                // A commit seen before any assignment means both fell between two polls: start from here.
                assigned = now;
                databaseActivity();
                draining = footprint.begin();
            }
            if (firstSeen == 0 && consumed > 0) {
                firstSeen = now;
                consumedAtFirst = consumed;
            }
            if (consumed >= backlog) {
                Footprint.Result drained = draining == null ? null : draining.end();
                if (assigned == 0 || assigned == now) {
                    notes.add("Catch-up: the assignment and the whole backlog fell between two polls (" + LAG_POLL_MILLIS
                            + " ms); the rate is a lower bound.");
                    return new Drain(LAG_POLL_MILLIS / 1000.0, 0, 0, null);
                }
                // A backlog committed in one batch leaves the first-commit window empty (0 events in 0 s).
                return new Drain((now - assigned) / 1e9, consumed - consumedAtFirst, (now - firstSeen) / 1e9, drained);
            }
            if (up.isCompletedExceptionally()) {
                up.join();
            }
            sleepMillis(LAG_POLL_MILLIS);
        }
        notes.add("Catch-up: the coordinator did not drain its backlog within " + CATCH_UP_TIMEOUT.toSeconds() + " s");
        if (draining != null) {
            draining.end();
        }
        return new Drain(0, 0, 0, null);
    }

    private static boolean assignedMember(TopicOffsets offsets) {
        try {
            return offsets.hasAssignedMember(COORDINATOR_GROUP);
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** What the databases were busy with since the last call (empty without access to PostgreSQL). */
    private Map<String, Double> databaseActivity() {
        return database == null ? Map.of() : database.drain(12);
    }

    /** Before stopping the coordinator, let it finish what the earlier phases left, so the backlog is ours alone. */
    private void awaitCoordinatorDrained(TopicOffsets offsets) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Long> ends = offsets.endOffsets(PILLAR_TOPICS);
            if (TopicOffsets.distance(offsets.committed(COORDINATOR_GROUP, ends.keySet()), ends) == 0) {
                return;
            }
            sleepMillis(200);
        }
    }

    /** Every started case's outcome; one not finished in time counts as failed. */
    private static List<CaseOutcome> await(OpenLoop.Arrivals arrivals, Duration timeout) {
        List<CompletableFuture<CaseOutcome>> started = arrivals.started();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CaseOutcome> outcomes = new ArrayList<>(started.size());
        for (CompletableFuture<CaseOutcome> future : started) {
            try {
                outcomes.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException | ExecutionException e) {
                outcomes.add(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) == null) {
                outcomes.set(i, new CaseOutcome(arrivals.subjects().get(i), 0, 0, 0, Map.of(), java.util.Set.of(1L),
                        "its API calls did not finish within " + timeout.toSeconds() + " s"));
            }
        }
        return outcomes;
    }

    /** Waits until every case has the records it should end with, or the timeout. */
    private static void awaitRecords(List<CaseOutcome> outcomes, ReadinessTracker tracker, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CaseOutcome> pending = new ArrayList<>(outcomes);
        while (System.nanoTime() < deadline) {
            pending.removeIf(outcome -> CaseJudge.complete(outcome, tracker));
            if (pending.isEmpty()) {
                // Room for a duplicate or a further version to show up before the cases are judged.
                sleepMillis(500);
                return;
            }
            sleepMillis(100);
        }
    }

    /** Asks the coordinator's API for each case's final state (not part of the measured load). */
    private CallStats.Summary verify(List<CaseOutcome> outcomes, ApiDriver driver) {
        CallStats stats = new CallStats();
        List<CompletableFuture<Void>> checks = new ArrayList<>();
        for (CaseOutcome outcome : outcomes) {
            if (!outcome.apiSucceeded()) {
                continue;
            }
            CaseKey key = outcome.subject().key();
            ApiCall call = new ApiCall("GET /api/cases/{caseId}/readiness", "GET",
                    URI.create(endpoints.coordinator() + "/api/cases/" + key.caseId() + "/readiness"),
                    tokens.bearer(key.specialistOrgId(), "SPECIALIST"), null, null, 200);
            checks.add(driver.send(call, HarnessClock.now(), stats).thenAccept(result -> allFinalStates.put(key,
                    finalState(result))));
        }
        try {
            CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).get(CASES_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            notes.add("Verifying final states did not finish: " + e);
        }
        return stats.summary();
    }

    private static CaseJudge.FinalState finalState(ApiResult result) {
        if (result.status() != 200) {
            return new CaseJudge.FinalState(result.status(), null, -1);
        }
        try {
            JsonNode view = EventJson.mapper().readTree(result.body());
            return new CaseJudge.FinalState(200, view.path("state").asString(), view.path("readinessVersion").asLong(-1));
        } catch (RuntimeException e) {
            return new CaseJudge.FinalState(200, "unreadable", -1);
        }
    }

    /** Fails fast, with the reason, when a service does not answer at all. */
    private void probe(ApiDriver driver) {
        for (String module : List.of(SystemUnderTest.DRUG, SystemUnderTest.NURSING, SystemUnderTest.SUPPLIES,
                SystemUnderTest.COORDINATOR)) {
            ApiCall health = new ApiCall("GET /actuator/health", "GET", URI.create(system.baseUrl(module)
                    + "/actuator/health"), null, null, null, 200);
            ApiResult result = driver.send(health, HarnessClock.now(), new CallStats()).join();
            if (result.status() != 200) {
                throw new Unreachable(module + " at " + system.baseUrl(module) + " answered "
                        + (result.status() > 0 ? "HTTP " + result.status() : result.body()));
            }
        }
    }

    private List<TargetCheck> targets(List<RateResult> rates, CatchUpResult catchUp) {
        List<TargetCheck> checks = new ArrayList<>();
        RateResult at50 = rates.stream().filter(r -> r.offeredCasesPerSecond() == 50).findFirst().orElse(null);
        checks.add(at50 == null
                ? new TargetCheck("time-to-ready p99 ≤ 250 ms at 50 cases/s", "50 cases/s not run", null)
                : new TargetCheck("time-to-ready p99 ≤ 250 ms at 50 cases/s",
                        "p99 " + at50.timeToReady().p99() + " ms, " + at50.apiCallsPerSecond() + " API calls/s, "
                                + (at50.sustained() ? "no errors" : at50.verdict()),
                        at50.timeToReady().p99() <= TARGET_P99_AT_50_MS && at50.sustained()));
        RateResult best = rates.stream().filter(RateResult::sustained)
                .max((a, b) -> Double.compare(a.offeredCasesPerSecond(), b.offeredCasesPerSecond())).orElse(null);
        boolean triedEnough = rates.stream().anyMatch(r -> r.offeredCasesPerSecond() >= TARGET_SUSTAINED_CASES_PER_SECOND);
        checks.add(new TargetCheck("≥ 200 cases/s sustained with time-to-ready p99 ≤ 500 ms",
                best == null ? "no rate sustained" : "highest sustained: " + ReportLine.rate(best.offeredCasesPerSecond())
                        + " cases/s (" + best.apiCallsPerSecond() + " API calls/s, p99 " + best.timeToReady().p99() + " ms)",
                best != null && best.offeredCasesPerSecond() >= TARGET_SUSTAINED_CASES_PER_SECOND ? Boolean.TRUE
                        : triedEnough ? Boolean.FALSE : null));
        checks.add(!catchUp.ran()
                ? new TargetCheck("coordinator catch-up ≥ 20,000 pillar events/s", "not run: " + catchUp.skippedBecause(), null)
                : new TargetCheck("coordinator catch-up ≥ 20,000 pillar events/s", (long) catchUp.eventsPerSecond()
                        + " events/s (plain consumer " + (long) catchUp.rawRecordsPerSecond() + " records/s, ratio "
                        + catchUp.ratio() + ")", catchUp.eventsPerSecond() >= TARGET_CATCH_UP_EVENTS_PER_SECOND));
        checks.add(at50 == null || at50.footprint().groups().isEmpty()
                ? new TargetCheck("whole stack ≤ 2 GiB resident at 50 cases/s", "not measured", null)
                : new TargetCheck("whole stack ≤ 2 GiB resident at 50 cases/s", "peak PSS " + at50.footprint()
                        .peakTotalPssMiB() + " MiB (sum of RSS " + at50.footprint().peakTotalRssMiB()
                        + " MiB counts PostgreSQL's shared buffers once per backend)",
                        at50.footprint().peakTotalPssMiB() <= TARGET_STACK_MIB_AT_50));
        return checks;
    }

    private static String sustainedThroughput(List<RateResult> rates) {
        return rates.stream().filter(RateResult::sustained)
                .max((a, b) -> Double.compare(a.offeredCasesPerSecond(), b.offeredCasesPerSecond()))
                .map(r -> ReportLine.rate(r.offeredCasesPerSecond()) + " cases/s = " + r.apiCallsPerSecond()
                        + " API calls/s (time-to-ready p99 " + r.timeToReady().p99() + " ms, no errors, kept up)")
                .orElse("none of the rates tested");
    }

    private static String gitHead() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String head = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            git.waitFor(5, TimeUnit.SECONDS);
            return head.isEmpty() ? "unknown" : head + " (working tree may differ; the jars are what ran)";
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** Other work on the machine skews every figure: the report shows how busy it was. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private Map<String, String> machine(String loadAtStart) {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("load average (1, 5, 15 min) at start / end", loadAtStart + " / " + loadAverage());
        machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("harness java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        system.versions().forEach((module, version) -> machine.put(module + " jar", version));
        machine.put("git HEAD", gitHead());
        machine.put("clock", "one machine: HTTP and Kafka receive times from the harness's monotonic clock; broker"
                + " timestamps from the same machine's wall clock");
        return machine;
    }

    /** A targeted system's services are profiled through jcmd; those the harness starts record from launch. */
    private void startProfiling(List<ProcessGroup> groups) {
        if (!options.jfr() || system.controlsCoordinator()) {
            return;
        }
        for (ProcessGroup group : groups) {
            if (!"service".equals(group.role())) {
                continue;
            }
            for (long pid : group.pids().get()) {
                String answer = Profiler.start(pid, runDirectory.resolve(group.name() + ".jfr"));
                profiled.put(pid, group.name());
                out.println("JFR on " + group.name() + " (pid " + pid + "): " + firstLine(answer));
            }
        }
    }

    private void stopProfiling() {
        profiled.keySet().forEach(Profiler::stop);
        profiled.clear();
    }

    private void pause() {
        if (!options.pause().isZero()) {
            sleep(options.pause());
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static void sleep(Duration duration) {
        sleepMillis(duration.toMillis());
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** A service or Kafka does not answer at all. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message);
        }
    }
}

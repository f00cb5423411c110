package org.homeinfusion.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

import org.homeinfusion.benchmark.load.CaseOutcome;
import org.homeinfusion.benchmark.observe.CaseKey;
import org.homeinfusion.benchmark.observe.HarnessClock;
import org.homeinfusion.benchmark.observe.LatencyHistogram;
import org.homeinfusion.benchmark.observe.PillarTimestamps;
import org.homeinfusion.benchmark.observe.ReadinessObservation;
import org.homeinfusion.benchmark.observe.ReadinessTracker;
import org.homeinfusion.benchmark.report.Correctness;

/**
 * Judges cases against the contract: exactly one record per (specialistOrgId, caseId, readinessVersion), versions
 * 1..n alternating ReadyToSchedule and ReadinessWithdrawn, ending READY on a version the scenario allows, and the
 * coordinator's API agreeing. Also turns the records into time-to-ready samples.
 */
final class CaseJudge {

    private static final int SAMPLES = 10;

    private CaseJudge() {
    }

    /** What {@code GET /api/cases/{caseId}/readiness} answered after the run; status 0: not asked. */
    record FinalState(int status, String state, long readinessVersion) {
    }

    record Judgement(Correctness correctness, LatencyHistogram timeToReady, LatencyHistogram timeToReadyBrokerTime,
            LatencyHistogram caseStartToReady, Stages stages, long lastRecordNanos, int readyByNanos) {
    }

    /**
     * Time-to-ready split at the broker timestamps of the last pillar record before the ReadyToSchedule and of the
     * ReadyToSchedule itself (all on one machine's clock, millisecond resolution).
     *
     * @param pillarRelay  enabling HTTP response → its pillar record's timestamp (the pillar service's outbox relay)
     * @param coordinator  pillar record → ReadyToSchedule timestamp (consume, saga, commit, exactly-once relay's send)
     * @param delivery     ReadyToSchedule timestamp → received by a read_committed subscriber (transaction commit, fetch)
     */
    record Stages(LatencyHistogram pillarRelay, LatencyHistogram coordinator, LatencyHistogram delivery) {

        static Stages empty() {
            return new Stages(new LatencyHistogram(), new LatencyHistogram(), new LatencyHistogram());
        }
    }

    /** Whether every record the case should produce is there (it may still be wrong). */
    static boolean complete(CaseOutcome outcome, ReadinessTracker tracker) {
        if (!outcome.apiSucceeded()) {
            return true;
        }
        NavigableMap<Long, List<ReadinessObservation>> records = tracker.recordsOf(outcome.subject().key());
        if (records.isEmpty()) {
            return false;
        }
        long last = records.lastKey();
        return outcome.acceptableFinalVersions().contains(last) && records.get(last).get(0).isReady();
    }

    static Judgement judge(List<CaseOutcome> outcomes, ReadinessTracker tracker, PillarTimestamps pillars,
            Map<CaseKey, FinalState> finalStates, long windowEndNanos) {
        Stages stages = Stages.empty();
        LatencyHistogram timeToReady = new LatencyHistogram();
        LatencyHistogram brokerTime = new LatencyHistogram();
        LatencyHistogram startToReady = new LatencyHistogram();
        List<String> samples = new ArrayList<>();
        int ready = 0;
        int apiFailures = 0;
        int missing = 0;
        long duplicates = 0;
        int wrongSequences = 0;
        int wrongFinal = 0;
        long lastRecord = 0;
        int readyInWindow = 0;
        for (CaseOutcome outcome : outcomes) {
            CaseKey key = outcome.subject().key();
            NavigableMap<Long, List<ReadinessObservation>> records = tracker.recordsOf(key);
            for (Map.Entry<Long, List<ReadinessObservation>> version : records.entrySet()) {
                if (version.getValue().size() > 1) {
                    duplicates += version.getValue().size() - 1;
                    sample(samples, key + " version " + version.getKey() + " received " + version.getValue().size()
                            + " times");
                }
                for (ReadinessObservation observation : version.getValue()) {
                    lastRecord = Math.max(lastRecord, observation.receivedNanos());
                }
            }
            if (!outcome.apiSucceeded()) {
                apiFailures++;
                sample(samples, key + " (" + outcome.subject().scenario() + "): " + outcome.failure());
                continue;
            }
            String problem = sequenceProblem(records, outcome.acceptableFinalVersions());
            if (problem != null) {
                if (records.isEmpty() || problem.startsWith("missing")) {
                    missing++;
                } else {
                    wrongSequences++;
                }
                sample(samples, key + " (" + outcome.subject().scenario() + "): " + problem);
                continue;
            }
            long lastVersion = records.lastKey();
            FinalState state = finalStates.get(key);
            if (state != null && state.status() != 0
                    && (state.status() != 200 || !"READY".equals(state.state()) || state.readinessVersion() != lastVersion)) {
                wrongFinal++;
                sample(samples, key + ": the coordinator's API says " + state + ", the topic says READY v" + lastVersion);
                continue;
            }
            ready++;
            if (records.get(lastVersion).get(0).receivedNanos() <= windowEndNanos) {
                readyInWindow++;
            }
            for (Map.Entry<Long, Long> enabling : outcome.enablingResponseNanos().entrySet()) {
                List<ReadinessObservation> seen = records.get(enabling.getKey());
                if (seen == null || !seen.get(0).isReady()) {
                    continue;
                }
                ReadinessObservation first = seen.get(0);
                timeToReady.recordNanos(first.receivedNanos() - enabling.getValue());
                double enabledAtMs = HarnessClock.epochMillis(enabling.getValue());
                brokerTime.recordMillis(first.brokerTimestampMs() - enabledAtMs);
                long pillarMs = pillars == null ? -1 : pillars.latestAtOrBefore(key.caseId(), first.brokerTimestampMs());
                if (pillarMs > 0) {
                    stages.pillarRelay().recordMillis(pillarMs - enabledAtMs);
                    stages.coordinator().recordMillis(first.brokerTimestampMs() - pillarMs);
                }
                stages.delivery().recordMillis(HarnessClock.epochMillis(first.receivedNanos()) - first.brokerTimestampMs());
            }
            startToReady.recordNanos(records.get(1L).get(0).receivedNanos() - outcome.scheduledNanos());
        }
        Correctness correctness = new Correctness(outcomes.size(), ready, apiFailures, missing, duplicates,
                wrongSequences, wrongFinal, samples);
        return new Judgement(correctness, timeToReady, brokerTime, startToReady, stages, lastRecord, readyInWindow);
    }

    /** Why the records break the contract, or {@code null} if they keep it. */
    static String sequenceProblem(Map<Long, List<ReadinessObservation>> records, Set<Long> acceptableFinalVersions) {
        if (records.isEmpty()) {
            return "missing: no readiness record";
        }
        long expected = 1;
        ReadinessObservation last = null;
        for (Map.Entry<Long, List<ReadinessObservation>> version : records.entrySet()) {
            if (version.getKey() != expected) {
                return (version.getKey() > expected ? "missing version " + expected : "unexpected version "
                        + version.getKey()) + " (versions " + records.keySet() + ")";
            }
            last = version.getValue().get(0);
            boolean shouldBeReady = expected % 2 == 1;
            if (last.isReady() != shouldBeReady) {
                return "version " + expected + " is " + last.type() + ", expected "
                        + (shouldBeReady ? ReadinessObservation.READY : ReadinessObservation.WITHDRAWN);
            }
            expected++;
        }
        long lastVersion = expected - 1;
        if (!acceptableFinalVersions.contains(lastVersion)) {
            long wanted = acceptableFinalVersions.stream().mapToLong(Long::longValue).max().orElse(1);
            return (lastVersion < wanted ? "missing: " : "") + "ends on version " + lastVersion + ", expected "
                    + acceptableFinalVersions;
        }
        return null;
    }

    private static void sample(List<String> samples, String text) {
        if (samples.size() < SAMPLES) {
            samples.add(text);
        }
    }
}

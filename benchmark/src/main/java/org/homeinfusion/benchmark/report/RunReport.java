package org.homeinfusion.benchmark.report;

import java.util.List;
import java.util.Map;

import org.homeinfusion.benchmark.observe.Footprint;

/** Everything one run measured; written as report.json and rendered as report.md and latency.png. */
public record RunReport(String startedAt, String finishedAt, String system, Map<String, String> settings,
        Map<String, String> machine, List<RateResult> rates, CatchUpResult catchUp, Footprint.Result idleFootprint,
        Correctness overall, long lateDuplicateRecords, List<TargetCheck> targets, String sustainedThroughput,
        List<String> notes) {

    /** Correctness across every phase, including duplicates that showed up after a phase was judged. */
    public boolean correct() {
        return overall.passed() && lateDuplicateRecords == 0;
    }
}

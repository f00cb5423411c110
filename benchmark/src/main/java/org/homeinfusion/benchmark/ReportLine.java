package org.homeinfusion.benchmark;

import java.util.Locale;

import org.homeinfusion.benchmark.report.RateResult;

/** One-line progress output while the run goes on. */
final class ReportLine {

    private ReportLine() {
    }

    static String rate(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }

    static String of(RateResult r) {
        return String.format(Locale.ROOT, "%d cases, %.1f API calls/s; time-to-ready p50 %.1f p95 %.1f p99 %.1f max %.1f ms;"
                        + " HTTP p99 %.1f ms from due; 5xx %d, unexpected %d; correct %d/%d; drain %.1f s; machine CPU %.0f %% (others %.0f %%) -> %s",
                r.cases(), r.apiCallsPerSecond(), r.timeToReady().p50(), r.timeToReady().p95(), r.timeToReady().p99(),
                r.timeToReady().max(), r.http().latencyFromScheduled().p99(), r.http().serverErrors(),
                r.http().unexpected(), r.correctness().ready(), r.correctness().cases(), r.drainSeconds(), r.footprint().machineCpuPercent(),
                r.footprint().otherProcessesCpuPercent(), r.verdict());
    }
}

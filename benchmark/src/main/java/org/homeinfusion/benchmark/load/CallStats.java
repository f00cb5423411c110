package org.homeinfusion.benchmark.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.homeinfusion.benchmark.observe.LatencyHistogram;

/**
 * Every HTTP call of one phase: counts per status class, unexpected answers, and latency both from when the call was
 * due (what an open-loop client waits, queueing in the harness included) and from when it was sent (service time).
 */
public final class CallStats {

    private static final int SAMPLES = 20;

    private final Map<String, LongAdder> byClass = new ConcurrentHashMap<>();
    private final Map<String, LatencyHistogram> serviceTimeByEndpoint = new ConcurrentHashMap<>();
    private final LatencyHistogram fromScheduled = new LatencyHistogram();
    private final LatencyHistogram serviceTime = new LatencyHistogram();
    private final LongAdder unexpected = new LongAdder();
    private final LongAdder total = new LongAdder();
    private final LongAdder completedInWindow = new LongAdder();
    private final List<String> unexpectedSamples = new ArrayList<>();
    private volatile long windowEndNanos = Long.MAX_VALUE;

    /** Calls completing after this instant do not count towards the phase's calls per second. */
    public void windowEndsAt(long nanos) {
        this.windowEndNanos = nanos;
    }

    void record(ApiResult result) {
        total.increment();
        byClass.computeIfAbsent(statusClass(result.status()), k -> new LongAdder()).increment();
        if (result.status() > 0) {
            fromScheduled.recordNanos(result.completedNanos() - result.scheduledNanos());
            serviceTime.recordNanos(result.completedNanos() - result.sentNanos());
            serviceTimeByEndpoint.computeIfAbsent(result.call().label(), k -> new LatencyHistogram())
                    .recordNanos(result.completedNanos() - result.sentNanos());
        }
        if (result.completedNanos() <= windowEndNanos) {
            completedInWindow.increment();
        }
        if (!result.asExpected()) {
            unexpected.increment();
            synchronized (unexpectedSamples) {
                if (unexpectedSamples.size() < SAMPLES) {
                    String body = result.body() == null ? "" : result.body();
                    unexpectedSamples.add(result.call().label() + " -> " + describe(result.status()) + " (expected "
                            + result.call().expectedStatus() + ") " + body.substring(0, Math.min(300, body.length())));
                }
            }
        }
    }

    static String statusClass(int status) {
        return switch (status) {
            case ApiResult.IO_ERROR -> "io-error";
            case ApiResult.TIMEOUT -> "timeout";
            default -> (status / 100) + "xx";
        };
    }

    private static String describe(int status) {
        return status > 0 ? "HTTP " + status : statusClass(status);
    }

    public Summary summary() {
        Map<String, Long> classes = new TreeMap<>();
        for (String name : List.of("1xx", "2xx", "3xx", "4xx", "5xx", "io-error", "timeout")) {
            classes.put(name, 0L);
        }
        byClass.forEach((name, count) -> classes.put(name, count.sum()));
        Map<String, LatencyHistogram.Percentiles> endpoints = new LinkedHashMap<>();
        new TreeMap<>(serviceTimeByEndpoint).forEach((label, histogram) -> endpoints.put(label, histogram.percentiles()));
        List<String> samples;
        synchronized (unexpectedSamples) {
            samples = List.copyOf(unexpectedSamples);
        }
        return new Summary(total.sum(), completedInWindow.sum(), classes, unexpected.sum(), samples,
                fromScheduled.percentiles(), serviceTime.percentiles(), endpoints);
    }

    /**
     * @param byStatusClass  1xx…5xx, io-error, timeout
     * @param unexpected     answers other than the contract's success status for that call
     */
    public record Summary(long calls, long completedInWindow, Map<String, Long> byStatusClass, long unexpected,
            List<String> unexpectedSamples, LatencyHistogram.Percentiles latencyFromScheduled,
            LatencyHistogram.Percentiles serviceTime, Map<String, LatencyHistogram.Percentiles> serviceTimeByEndpoint) {

        public long serverErrors() {
            return byStatusClass.getOrDefault("5xx", 0L);
        }

        public long failedCalls() {
            return unexpected;
        }
    }
}

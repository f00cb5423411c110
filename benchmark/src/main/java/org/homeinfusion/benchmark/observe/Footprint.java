package org.homeinfusion.benchmark.observe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples every process group every two seconds (and at each window's start and end). A window ({@link #begin()} … {@link Window#end()}) reports each group's
 * peak and last resident memory and the CPU time it used meanwhile. CPU is summed per pid, so a backend that exits
 * inside a window loses only its last second.
 */
public final class Footprint implements AutoCloseable {

    /**
     * Reading smaps_rollup makes the kernel walk the process's page tables (≈ 2 ms each for ~25 processes): once a
     * second that was 5–7 % of a core taken from the machine being measured. Memory moves slowly and CPU time is
     * cumulative, so every two seconds loses nothing a 15-second phase shows.
     */
    private static final long SAMPLE_MILLIS = 2_000;

    /** The role of the load generator's own JVM, which is reported but not counted in the stack's total. */
    public static final String HARNESS = "harness";

    private final List<ProcessGroup> groups;
    private final Map<String, String> roles = new HashMap<>();
    private final ScheduledExecutorService sampler;
    private final List<Window> open = new ArrayList<>();

    public Footprint(List<ProcessGroup> groups) {
        this.groups = List.copyOf(groups);
        groups.forEach(group -> roles.put(group.name(), group.role()));
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "footprint-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sampleAll, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    public synchronized Window begin() {
        Window window = new Window(System.nanoTime());
        window.take(snapshot());
        open.add(window);
        return window;
    }

    private synchronized void sampleAll() {
        if (open.isEmpty()) {
            return;
        }
        Map<String, List<ProcStat.Sample>> snapshot = snapshot();
        open.forEach(window -> window.take(snapshot));
    }

    private Map<String, List<ProcStat.Sample>> snapshot() {
        Map<String, List<ProcStat.Sample>> snapshot = new LinkedHashMap<>();
        for (ProcessGroup group : groups) {
            List<ProcStat.Sample> samples = new ArrayList<>();
            List<Long> pids;
            try {
                pids = group.pids().get();
            } catch (RuntimeException e) {
                pids = List.of();
            }
            for (long pid : pids) {
                ProcStat.sample(pid).ifPresent(samples::add);
            }
            snapshot.put(group.name(), samples);
        }
        return snapshot;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    /** Per group, in the order the groups were given. */
    public record Usage(String name, String role, int processes, double peakRssMiB, double lastRssMiB,
            double peakPssMiB, double cpuSeconds, double cpuPercentOfOneCore) {
    }

    /** One measured interval. */
    public final class Window {
        private final long startNanos;
        private final Map<String, Map<Long, Long>> firstTicks = new HashMap<>();
        private final Map<String, Map<Long, Long>> lastTicks = new HashMap<>();
        private final Map<String, Long> peakRss = new HashMap<>();
        private final Map<String, Long> peakPss = new HashMap<>();
        private final Map<String, Long> lastRss = new HashMap<>();
        private final Map<String, Integer> processCount = new HashMap<>();
        private long peakTotalRss;
        private long peakTotalPss;
        private final long machineTicksAtStart = ProcStat.machineBusyTicks();

        private Window(long startNanos) {
            this.startNanos = startNanos;
        }

        private void take(Map<String, List<ProcStat.Sample>> snapshot) {
            long totalRss = 0;
            long totalPss = 0;
            for (Map.Entry<String, List<ProcStat.Sample>> entry : snapshot.entrySet()) {
                String group = entry.getKey();
                long rss = 0;
                long pss = 0;
                Map<Long, Long> first = firstTicks.computeIfAbsent(group, g -> new HashMap<>());
                Map<Long, Long> last = lastTicks.computeIfAbsent(group, g -> new HashMap<>());
                for (ProcStat.Sample sample : entry.getValue()) {
                    rss += sample.rssKiB();
                    pss += sample.pssKiB();
                    first.putIfAbsent(sample.pid(), sample.cpuTicks());
                    last.put(sample.pid(), sample.cpuTicks());
                }
                peakRss.merge(group, rss, Math::max);
                peakPss.merge(group, pss, Math::max);
                lastRss.put(group, rss);
                processCount.merge(group, entry.getValue().size(), Math::max);
                if (!HARNESS.equals(roles.get(group))) {
                    totalRss += rss;
                    totalPss += pss;
                }
            }
            peakTotalRss = Math.max(peakTotalRss, totalRss);
            peakTotalPss = Math.max(peakTotalPss, totalPss);
        }

        /** Takes a last sample and closes the window. */
        public Result end() {
            synchronized (Footprint.this) {
                take(snapshot());
                open.remove(this);
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double machineCpu = ProcStat.ticksToSeconds(ProcStat.machineBusyTicks() - machineTicksAtStart);
            double groupsCpu = 0;
            List<Usage> usages = new ArrayList<>();
            for (ProcessGroup group : groups) {
                String name = group.name();
                long ticks = 0;
                Map<Long, Long> first = firstTicks.getOrDefault(name, Map.of());
                for (Map.Entry<Long, Long> last : lastTicks.getOrDefault(name, Map.of()).entrySet()) {
                    ticks += last.getValue() - first.getOrDefault(last.getKey(), last.getValue());
                }
                double cpu = ProcStat.ticksToSeconds(ticks);
                groupsCpu += cpu;
                usages.add(new Usage(name, group.role(), processCount.getOrDefault(name, 0),
                        mib(peakRss.getOrDefault(name, 0L)), mib(lastRss.getOrDefault(name, 0L)),
                        mib(peakPss.getOrDefault(name, 0L)), round(cpu), round(seconds > 0 ? 100 * cpu / seconds : 0)));
            }
            double others = Math.max(0, machineCpu - groupsCpu);
            return new Result(round(seconds), usages, mib(peakTotalRss), mib(peakTotalPss),
                    round(seconds > 0 ? 100 * machineCpu / seconds : 0), round(seconds > 0 ? 100 * others / seconds : 0));
        }
    }

    /**
     * A closed window: per group, the peak of the sum over every group but the harness, and how busy the whole
     * machine was (% of one core, kernel included) and how much of that was processes outside the benchmark, e.g.
     * someone else's build, which skews every figure of the window.
     */
    public record Result(double seconds, List<Usage> groups, double peakTotalRssMiB, double peakTotalPssMiB,
            double machineCpuPercent, double otherProcessesCpuPercent) {
    }

    private static double mib(long kib) {
        return round(kib / 1024.0);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

package org.homeinfusion.benchmark.observe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Resident memory and CPU time of one process from Linux's /proc: {@code VmRSS} of /proc/PID/status, {@code Pss} of
 * /proc/PID/smaps_rollup (shared pages divided among their users, so PostgreSQL's shared buffers are not counted once
 * per backend) and utime + stime of /proc/PID/stat.
 */
public final class ProcStat {

    private static final long CLOCK_TICKS_PER_SECOND = clockTicks();

    private ProcStat() {
    }

    public record Sample(long pid, long rssKiB, long pssKiB, long cpuTicks) {

        public double cpuSeconds() {
            return ticksToSeconds(cpuTicks);
        }
    }

    /** CPU ticks the whole machine spent busy (all but idle and iowait), from the first line of /proc/stat. */
    public static long machineBusyTicks() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII).get(0);
            String[] fields = first.trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    public static double ticksToSeconds(long ticks) {
        return ticks / (double) CLOCK_TICKS_PER_SECOND;
    }

    public static boolean supported() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    /** Empty when the process is gone or /proc is not there. */
    public static Optional<Sample> sample(long pid) {
        Path dir = Path.of("/proc", Long.toString(pid));
        try {
            String stat = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
            long ticks = cpuTicks(stat);
            long rss = statusField(Files.readString(dir.resolve("status"), StandardCharsets.UTF_8), "VmRSS:").orElse(0);
            long pss = rss;
            Path rollup = dir.resolve("smaps_rollup");
            if (Files.isReadable(rollup)) {
                pss = statusField(Files.readString(rollup, StandardCharsets.UTF_8), "Pss:").orElse(rss);
            }
            return Optional.of(new Sample(pid, rss, pss, ticks));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /** utime (field 14) + stime (field 15); the command name in parentheses may itself hold spaces. */
    static long cpuTicks(String stat) {
        String afterName = stat.substring(stat.lastIndexOf(')') + 2);
        String[] fields = afterName.split(" ");
        // afterName starts with field 3 (state): field n is fields[n - 3].
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }

    static OptionalLong statusField(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name)) {
                String[] parts = line.substring(name.length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalLong.empty();
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}

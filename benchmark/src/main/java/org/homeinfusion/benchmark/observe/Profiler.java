package org.homeinfusion.benchmark.observe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JDK Flight Recorder on the services, through {@code jcmd}: a recording per process, written when stopped. For
 * finding where the time goes ({@code jfr print --events jdk.ExecutionSample FILE}, or JDK Mission Control).
 */
public final class Profiler {

    private static final String RECORDING = "benchmark";

    private Profiler() {
    }

    public static String start(long pid, Path file) {
        return jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=profile", "filename=" + file.toAbsolutePath());
    }

    /** Writes the recording to the file given at start and ends it. */
    public static String stop(long pid) {
        return jcmd(pid, "JFR.stop", "name=" + RECORDING);
    }

    private static String jcmd(long pid, String... arguments) {
        List<String> command = new ArrayList<>();
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        command.add(jcmd.toFile().canExecute() ? jcmd.toString() : "jcmd");
        command.add(Long.toString(pid));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(30, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            return "jcmd failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}

package org.homeinfusion.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One service running as a child JVM, its output going to its own log file. Shared by the local stack
 * and the end-to-end tests, which start the real service jars the same way.
 */
public final class ServiceProcess {

    /**
     * Small heaps (sized per service, see {@link ServiceDefinition}), the serial collector and the C1
     * compiler only: four JVMs share two cores with the broker and the database. Measured with the benchmark
     * (same jars, back to back): with C2 the services spent minutes compiling and the stack carried 126 API
     * calls/s at 50 cases/s against 191 with C1 only. The benchmark starts the broker's JVM with them too.
     */
    public static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceDefinition definition;
    private final Path logFile;
    private final Process process;
    /** Remembered while the service lives: once it dies, its orphaned children are no longer its descendants. */
    private final Set<ProcessHandle> knownDescendants = ConcurrentHashMap.newKeySet();

    private ServiceProcess(ServiceDefinition definition, Path logFile, Process process) {
        this.definition = definition;
        this.logFile = logFile;
        this.process = process;
    }

    public static ServiceProcess launch(ServiceDefinition definition, Path jar, Path logDirectory, Map<String, String> env) {
        Path logFile = logDirectory.resolve(definition.module() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms" + definition.initialHeapMb() + "m");
        command.add("-Xmx" + definition.maxHeapMb() + "m");
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(env);
        try {
            return new ServiceProcess(definition, logFile, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + definition.module(), e);
        }
    }

    public ServiceDefinition definition() {
        return definition;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        process.descendants().forEach(knownDescendants::add);
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Whether the actuator reports UP right now. */
    public boolean isHealthy() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(definition.baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills the service at once (SIGKILL), as a crash would: no shutdown hook runs. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks for a graceful shutdown (SIGTERM) without waiting. */
    public void requestStop() {
        process.descendants().forEach(knownDescendants::add);
        knownDescendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Waits for the graceful shutdown, then kills the process and anything it started. */
    public void awaitStop(long deadlineNanos) {
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            long remaining = Math.max(0, deadlineNanos - System.nanoTime());
            if (!process.waitFor(remaining, TimeUnit.NANOSECONDS)) {
                System.out.println("  " + definition.module() + " did not stop in time; killing it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        knownDescendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The last {@code lines} lines of the service's log, for failure reports. */
    public String logTail(int lines) {
        try {
            if (!Files.exists(logFile)) {
                return "(no log written)";
            }
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}

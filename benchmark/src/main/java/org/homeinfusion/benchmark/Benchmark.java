package org.homeinfusion.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.homeinfusion.benchmark.report.ReportWriter;
import org.homeinfusion.benchmark.report.RunReport;
import org.homeinfusion.benchmark.stack.ManagedStack;
import org.homeinfusion.benchmark.stack.SystemUnderTest;
import org.homeinfusion.benchmark.stack.TargetStack;
import org.homeinfusion.infrastructure.ServiceDefinition;

/**
 * The benchmark's command line: starts the system (or targets a running one), runs {@link BenchmarkRun}, writes the
 * report into {@code benchmark/results/<timestamp>/} and {@code benchmark/results/latest/}, and stops what it started.
 */
public final class Benchmark {

    static final int CORRECT = 0;
    static final int INCORRECT = 1;
    static final int USAGE = 2;
    static final int SYSTEM_UNAVAILABLE = 3;

    private Benchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            return USAGE;
        }
        if (options.help()) {
            out.println(BenchmarkOptions.USAGE);
            return CORRECT;
        }
        Path root = options.root() != null ? options.root().toAbsolutePath().normalize() : findRepositoryRoot();
        Path results = options.output() != null ? options.output().toAbsolutePath() : root.resolve("benchmark/results");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path runDirectory = results.resolve(stamp);
        Path workDirectory = root.resolve("benchmark/target/work");

        List<SystemUnderTest> started = new ArrayList<>();
        Thread stopOnExit = new Thread(() -> started.forEach(SystemUnderTest::close), "benchmark-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            Files.createDirectories(runDirectory);
            SystemUnderTest system;
            try {
                system = options.target() != null
                        ? new TargetStack(options.target(), options.kafka(), options.postgresPort())
                        : ManagedStack.start(root, workDirectory, options.freePorts(), !options.keepData(),
                                serviceEnvironment(options, runDirectory), out);
            } catch (RuntimeException e) {
                System.err.println("The system could not be started: " + e.getMessage());
                return SYSTEM_UNAVAILABLE;
            }
            started.add(system);
            RunReport report;
            try {
                report = new BenchmarkRun(options, system, runDirectory, out).execute();
            } catch (BenchmarkRun.Unreachable e) {
                System.err.println("The system is not reachable: " + e.getMessage());
                return SYSTEM_UNAVAILABLE;
            } finally {
                out.println("Stopping what the harness started ...");
                started.forEach(SystemUnderTest::close);
                started.clear();
            }
            ReportWriter.write(report, runDirectory, results.resolve("latest"));
            out.println();
            out.println(ReportWriter.summary(report));
            out.println("Report: " + runDirectory.resolve("report.md") + " (also " + results.resolve("latest") + ")");
            if (!report.correct()) {
                out.println("CORRECTNESS FAILED: see the report's Correctness section.");
                return INCORRECT;
            }
            return CORRECT;
        } catch (IOException e) {
            System.err.println("Cannot write the results: " + e.getMessage());
            return INCORRECT;
        } finally {
            started.forEach(SystemUnderTest::close);
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running already.
            }
        }
    }

    /**
     * The extra environment of a service the harness starts: the user's {@code --service-env}, and with {@code --jfr}
     * a flight recording from the JVM's first instruction, written when the service stops (each start of a service
     * gets its own file, named by pid), so the coordinator's catch-up start is profiled too.
     */
    static Function<ServiceDefinition, Map<String, String>> serviceEnvironment(BenchmarkOptions options,
            Path runDirectory) {
        Map<String, AtomicInteger> starts = new ConcurrentHashMap<>();
        return definition -> {
            Map<String, String> env = new LinkedHashMap<>(options.serviceEnvironment());
            if (options.jfr()) {
                int start = starts.computeIfAbsent(definition.module(), m -> new AtomicInteger()).incrementAndGet();
                String recording = "-XX:StartFlightRecording=name=benchmark,settings=profile,dumponexit=true,filename="
                        + runDirectory.toAbsolutePath().resolve(definition.module() + "-" + start + ".jfr");
                env.merge("JAVA_TOOL_OPTIONS", recording, (given, jfr) -> given + " " + jfr);
            }
            return env;
        };
    }

    /** The directory holding the root pom and local-stack/, found upwards from the working directory. */
    public static Path findRepositoryRoot() {
        String configured = System.getProperty("homeinfusion.repository.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("local-stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the repository root; run from inside it or pass --root");
    }
}

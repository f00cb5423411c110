package org.homeinfusion.benchmark;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The harness's command line; every default is the full benchmark, {@code --smoke} shrinks it to seconds. */
record BenchmarkOptions(boolean smoke, URI target, String kafka, int postgresPort, List<Double> rates,
        Duration duration, Duration pause, Duration warmup, int catchUpCases, double catchUpRate, int maxInFlight,
        boolean freePorts, boolean keepData, Map<String, String> serviceEnvironment, Path output, Path root, boolean jfr,
        boolean help) {

    static final String USAGE = """
            Usage: ./benchmark.sh [options]
               or: java -jar benchmark/target/benchmark.jar [options]

              --smoke               seconds-long check for CI: 5 cases/s for 5 s, a 20-case catch-up; exits non-zero
                                    when correctness fails
              --target URL          benchmark a running system (services on ports 8080-8083 of URL's host, e.g.
                                    http://127.0.0.1) instead of starting one; the catch-up is then skipped
              --kafka HOST:PORT     the target's Kafka (default 127.0.0.1:9092)
              --postgres-port N     the target's PostgreSQL port, for the footprint (default 5432)
              --rates 10,50,100,200 arrival rates in cases/s, one after another
              --duration 30s        arrival window per rate (ms, s, m)
              --pause 5s            quiet time between rates
              --warmup 10s          unreported warm-up at the first rate (0s: none)
              --catch-up-cases N    cases created while the coordinator is stopped (default 7500, ~62,500 pillar
                                    events; 0 skips the catch-up)
              --catch-up-rate R     cases/s while creating that backlog (default 150)
              --max-in-flight N     HTTP calls on the wire at once; more wait in the harness, counted (default 512)
              --free-ports          start the stack on free ports instead of 8080-8083, 9092 and 5432
              --keep-data           do not wipe the started stack's data first (default: a clean --reset run)
              --jfr                 record a JFR profile of each service start (into the results, <service>-<n>.jfr)
              --service-env K=V     extra environment for the services the harness starts (repeatable), for
                                    experiments, e.g. JAVA_TOOL_OPTIONS=-XX:-TieredCompilation or
                                    SPRING_APPLICATION_JSON={"management.observations.enable.spring.security":false}
              --output DIR          results root (default benchmark/results); a run writes DIR/<timestamp>/ and
                                    DIR/latest/
              --root DIR            repository root (default: found from the working directory)
              --help                this text

            Exit code: 0 when every case was correct, 1 when correctness failed (wrong, missing or duplicate readiness
            records, HTTP errors), 2 for a usage error, 3 when the system could not be started or reached.
            """;

    static BenchmarkOptions parse(String... args) {
        Deque<String> remaining = new ArrayDeque<>(Arrays.asList(args));
        Map<String, String> values = new LinkedHashMap<>();
        boolean smoke = false;
        boolean freePorts = false;
        boolean keepData = false;
        boolean jfr = false;
        boolean help = false;
        Map<String, String> serviceEnvironment = new LinkedHashMap<>();
        while (!remaining.isEmpty()) {
            String arg = remaining.pop();
            String option = arg;
            String inline = null;
            if (arg.startsWith("--") && arg.contains("=")) {
                option = arg.substring(0, arg.indexOf('='));
                inline = arg.substring(arg.indexOf('=') + 1);
            }
            switch (option) {
                case "--smoke" -> smoke = true;
                case "--free-ports" -> freePorts = true;
                case "--keep-data" -> keepData = true;
                case "--jfr" -> jfr = true;
                case "--help", "-h" -> help = true;
                case "--service-env" -> {
                    String pair = inline != null ? inline : remaining.isEmpty() ? null : remaining.pop();
                    if (pair == null || !pair.contains("=") || pair.startsWith("=")) {
                        throw new IllegalArgumentException("--service-env needs NAME=VALUE");
                    }
                    serviceEnvironment.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
                case "--target", "--kafka", "--postgres-port", "--rates", "--duration", "--pause", "--warmup",
                        "--catch-up-cases", "--catch-up-rate", "--max-in-flight", "--output", "--root" -> {
                    if (inline == null && remaining.isEmpty()) {
                        throw new IllegalArgumentException(option + " needs a value");
                    }
                    values.put(option, inline != null ? inline : remaining.pop());
                }
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        List<Double> rates = smoke ? List.of(5.0) : List.of(10.0, 50.0, 100.0, 200.0);
        if (values.containsKey("--rates")) {
            rates = new ArrayList<>();
            for (String rate : values.get("--rates").split(",")) {
                double value = number("--rates", rate.trim());
                if (value <= 0) {
                    throw new IllegalArgumentException("--rates must be positive: " + rate);
                }
                rates.add(value);
            }
        }
        URI target = values.containsKey("--target") ? URI.create(values.get("--target")) : null;
        if (target != null && (target.getScheme() == null || target.getHost() == null)) {
            throw new IllegalArgumentException("--target needs a URL such as http://127.0.0.1");
        }
        int catchUpCases = (int) number("--catch-up-cases", values.getOrDefault("--catch-up-cases", smoke ? "20" : "7500"));
        double catchUpRate = number("--catch-up-rate", values.getOrDefault("--catch-up-rate", smoke ? "20" : "150"));
        int maxInFlight = (int) number("--max-in-flight", values.getOrDefault("--max-in-flight", "512"));
        if (catchUpCases < 0 || catchUpRate <= 0 || maxInFlight < 1) {
            throw new IllegalArgumentException("--catch-up-cases, --catch-up-rate and --max-in-flight must be positive");
        }
        return new BenchmarkOptions(smoke, target, values.getOrDefault("--kafka", "127.0.0.1:9092"),
                (int) number("--postgres-port", values.getOrDefault("--postgres-port", "5432")), List.copyOf(rates),
                duration("--duration", values.getOrDefault("--duration", smoke ? "5s" : "30s")),
                duration("--pause", values.getOrDefault("--pause", smoke ? "0s" : "5s")),
                duration("--warmup", values.getOrDefault("--warmup", smoke ? "0s" : "10s")),
                catchUpCases, catchUpRate, maxInFlight, freePorts, keepData, Map.copyOf(serviceEnvironment),
                values.containsKey("--output") ? Path.of(values.get("--output")) : null,
                values.containsKey("--root") ? Path.of(values.get("--root")) : null, jfr, help);
    }

    /** {@code 30s}, {@code 500ms}, {@code 2m}, or plain seconds. */
    static Duration duration(String option, String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
            }
            if (value.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 60_000));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a duration such as 30s, 500ms or 2m, got " + text);
        }
    }

    private static double number(String option, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got " + text);
        }
    }

    /** The settings as the report shows them. */
    Map<String, String> describe() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("mode", smoke ? "smoke" : "full");
        settings.put("system", target == null ? "started by the harness" + (freePorts ? " (free ports)" : "")
                + (keepData ? " (data kept)" : " (clean data)") : "target " + target + ", Kafka " + kafka);
        settings.put("rates (cases/s)", rates.toString());
        settings.put("arrival window per rate", duration.toMillis() / 1000.0 + " s");
        settings.put("pause between rates", pause.toMillis() / 1000.0 + " s");
        settings.put("warm-up", warmup.isZero() ? "none" : warmup.toMillis() / 1000.0 + " s at " + rates.get(0) + " cases/s");
        settings.put("catch-up", catchUpCases == 0 ? "skipped" : catchUpCases + " cases created at " + catchUpRate + " cases/s");
        settings.put("max HTTP calls in flight", String.valueOf(maxInFlight));
        settings.put("JFR", String.valueOf(jfr));
        if (!serviceEnvironment.isEmpty()) {
            settings.put("extra service environment", serviceEnvironment.toString());
        }
        return settings;
    }
}

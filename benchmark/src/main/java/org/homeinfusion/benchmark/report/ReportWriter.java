package org.homeinfusion.benchmark.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.homeinfusion.benchmark.observe.Footprint;
import org.homeinfusion.benchmark.observe.LatencyHistogram.Percentiles;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes report.md, report.json and latency.png into the run's directory and mirrors them into latest/. */
public final class ReportWriter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportWriter() {
    }

    /**
     * Renders report.md and latency.png again from a run directory's report.json, e.g. after the renderer changed:
     * {@code java -cp benchmark/target/benchmark.jar org.homeinfusion.benchmark.report.ReportWriter DIR}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("Usage: ReportWriter RUN_DIRECTORY (holding report.json)");
            System.exit(2);
        }
        Path directory = Path.of(args[0]);
        RunReport report = JSON.readValue(Files.readString(directory.resolve("report.json")), RunReport.class);
        Files.writeString(directory.resolve("report.md"), markdown(report), StandardCharsets.UTF_8);
        LatencyChart.write(report.rates(), directory.resolve("latency.png"));
        System.out.println("Rendered " + directory.resolve("report.md") + " and latency.png");
    }

    public static void write(RunReport report, Path runDirectory, Path latest) throws IOException {
        Files.createDirectories(runDirectory);
        Files.writeString(runDirectory.resolve("report.json"), JSON.writeValueAsString(report), StandardCharsets.UTF_8);
        Files.writeString(runDirectory.resolve("report.md"), markdown(report), StandardCharsets.UTF_8);
        try {
            LatencyChart.write(report.rates(), runDirectory.resolve("latency.png"));
        } catch (IOException | RuntimeException | Error noGraphics) {
            // A machine without fonts cannot draw text; the numbers are in the other two files.
            Files.writeString(runDirectory.resolve("latency.png.txt"), "Chart not drawn: " + noGraphics,
                    StandardCharsets.UTF_8);
        }
        Files.createDirectories(latest);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(latest)) {
            for (Path file : old) {
                if (Files.isRegularFile(file)) {
                    Files.delete(file);
                }
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDirectory)) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, latest.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The lines printed at the end of a run. */
    public static String summary(RunReport report) {
        StringBuilder text = new StringBuilder("Summary\n");
        for (RateResult r : report.rates()) {
            text.append(String.format(Locale.ROOT, "  %7s cases/s  %7.1f calls/s  time-to-ready p50 %7.1f  p95 %7.1f"
                            + "  p99 %7.1f  max %7.1f ms  correct %d/%d  5xx %d  %s%n", rate(r.offeredCasesPerSecond()),
                    r.apiCallsPerSecond(), r.timeToReady().p50(), r.timeToReady().p95(), r.timeToReady().p99(),
                    r.timeToReady().max(), r.correctness().ready(), r.correctness().cases(), r.http().serverErrors(),
                    r.verdict()));
        }
        CatchUpResult c = report.catchUp();
        text.append(c.ran() ? String.format(Locale.ROOT, "  catch-up: %d events, %.0f events/s; plain consumer %.0f"
                        + " records/s; ratio %.3f%n", c.pillarEvents(), c.eventsPerSecond(), c.rawRecordsPerSecond(), c.ratio())
                : "  catch-up: skipped (" + c.skippedBecause() + ")\n");
        text.append("  sustained: ").append(report.sustainedThroughput()).append('\n');
        for (TargetCheck target : report.targets()) {
            text.append("  ").append(target.met() == null ? "[ n/a ]" : target.met() ? "[ met ]" : "[MISSED]").append(' ')
                    .append(target.target()).append(": ").append(target.measured()).append('\n');
        }
        text.append("  correctness: ").append(report.correct() ? "PASSED" : "FAILED").append(" (")
                .append(report.overall().ready()).append('/').append(report.overall().cases())
                .append(" cases correct, ").append(report.overall().duplicateRecords()).append(" duplicate records)");
        return text.toString();
    }

    static String markdown(RunReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark report\n\n");
        md.append("Run ").append(report.startedAt()).append(" – ").append(report.finishedAt()).append(".  \n");
        md.append("System: ").append(report.system()).append(".\n\n");
        table(md, List.of("setting", "value"), report.settings().entrySet().stream()
                .map(e -> List.of(e.getKey(), e.getValue())).toList());
        table(md, List.of("machine", ""), report.machine().entrySet().stream()
                .map(e -> List.of(e.getKey(), e.getValue())).toList());

        md.append("## Targets\n\n");
        table(md, List.of("target", "measured", "met"), report.targets().stream().map(t -> List.of(t.target(),
                t.measured(), t.met() == null ? "not measured" : t.met() ? "**yes**" : "**no**")).toList());
        md.append("Sustained throughput (highest rate with no errors, every case correct, time-to-ready p99 ≤ 500 ms, "
                + "last record ≤ 2 s after the arrival window and HTTP p99 from due ≤ 1 s): **")
                .append(report.sustainedThroughput()).append("**.\n\n");

        md.append("## Time-to-ready by arrival rate\n\n");
        md.append("Open loop: cases arrive by the clock at the offered rate whatever the responses do. Time-to-ready is "
                + "measured from the HTTP response of a case's last enabling call to its `ReadyToSchedule` as received by "
                + "the harness's `read_committed` consumer (harness clock). The broker column uses the record's broker "
                + "timestamp (CreateTime, stamped by the coordinator's relay on send, before its transaction commits) "
                + "against the same machine's wall clock. Nurse-cancellation cases contribute their version 1 and 3.\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (RateResult r : report.rates()) {
            Percentiles t = r.timeToReady();
            rows.add(List.of(rate(r.offeredCasesPerSecond()), fmt(r.apiCallsPerSecond()), String.valueOf(r.cases()),
                    fmt(t.p50()), fmt(t.p95()), fmt(t.p99()), fmt(t.max()),
                    fmt(r.timeToReadyBrokerTime().p50()) + " / " + fmt(r.timeToReadyBrokerTime().p99()),
                    fmt(r.caseStartToReady().p50()) + " / " + fmt(r.caseStartToReady().p99()),
                    fmt(r.http().latencyFromScheduled().p50()) + " / " + fmt(r.http().latencyFromScheduled().p99()),
                    String.valueOf(r.negativeTimeToReady()), fmt(r.drainSeconds()), r.verdict()));
        }
        table(md, List.of("cases/s", "API calls/s", "cases", "p50 ms", "p95 ms", "p99 ms", "max ms",
                "broker ts p50/p99 ms", "arrival→ready p50/p99 ms", "HTTP from due p50/p99 ms", "record before response",
                "drain s", "verdict"), rows);
        md.append("\"record before response\" counts samples where the `ReadyToSchedule` reached the harness before the "
                + "HTTP response of the call that enabled it (both after the commit; under CPU saturation the response "
                + "is the slower of the two); they count as 0 ms, so the percentiles are a lower bound there.\n\n");
        md.append("![time-to-ready percentiles by arrival rate](latency.png)\n\n");
        md.append("Where the time goes, split at broker timestamps (p50 / p99 ms; ms resolution, one clock): the pillar "
                + "service's outbox relay (enabling response → its pillar record), the coordinator (pillar record → "
                + "`ReadyToSchedule` stamped by its exactly-once relay) and delivery to a `read_committed` subscriber "
                + "(transaction commit and fetch).\n\n");
        rows = new ArrayList<>();
        for (RateResult r : report.rates()) {
            List<String> row = new ArrayList<>(List.of(rate(r.offeredCasesPerSecond())));
            for (String stage : List.of("pillar relay", "coordinator", "delivery to subscriber")) {
                Percentiles p = r.stages().get(stage);
                row.add(p == null || p.count() == 0 ? "" : fmt(p.p50()) + " / " + fmt(p.p99()));
            }
            rows.add(row);
        }
        table(md, List.of("cases/s", "pillar relay", "coordinator", "delivery to subscriber"), rows);

        md.append("## HTTP\n\n");
        md.append("Every call counted by status class (load only; the final-state checks are separate). "
                + "\"unexpected\" is any answer other than the contract's success status for that call.\n\n");
        rows = new ArrayList<>();
        for (RateResult r : report.rates()) {
            Map<String, Long> c = r.http().byStatusClass();
            rows.add(List.of(rate(r.offeredCasesPerSecond()), String.valueOf(r.http().calls()), n(c, "2xx"), n(c, "3xx"),
                    n(c, "4xx"), n(c, "5xx"), n(c, "io-error"), n(c, "timeout"), String.valueOf(r.http().unexpected()),
                    fmt(r.http().serviceTime().p50()) + " / " + fmt(r.http().serviceTime().p99()),
                    String.valueOf(r.maxQueuedCalls()), fmt(r.startLag().p99())));
        }
        table(md, List.of("cases/s", "calls", "2xx", "3xx", "4xx", "5xx", "io errors", "timeouts", "unexpected",
                "service time p50/p99 ms", "max queued in harness", "arrival lag p99 ms"), rows);
        if (!report.rates().isEmpty()) {
            md.append("Service time p99 (ms) per endpoint:\n\n");
            Set<String> endpoints = new LinkedHashSet<>();
            report.rates().forEach(r -> endpoints.addAll(r.http().serviceTimeByEndpoint().keySet()));
            List<String> header = new ArrayList<>(List.of("endpoint"));
            report.rates().forEach(r -> header.add(rate(r.offeredCasesPerSecond()) + "/s"));
            rows = new ArrayList<>();
            for (String endpoint : endpoints) {
                List<String> row = new ArrayList<>(List.of("`" + endpoint + "`"));
                for (RateResult r : report.rates()) {
                    Percentiles p = r.http().serviceTimeByEndpoint().get(endpoint);
                    row.add(p == null ? "" : fmt(p.p99()));
                }
                rows.add(row);
            }
            table(md, header, rows);
        }
        samples(md, report.rates().stream().flatMap(r -> r.http().unexpectedSamples().stream()).toList());

        md.append("## Catch-up\n\n");
        CatchUpResult c = report.catchUp();
        if (!c.ran()) {
            md.append("Skipped: ").append(c.skippedBecause()).append(".\n\n");
        } else {
            md.append("The coordinator is stopped (gracefully: it commits its offsets), ").append(c.cases())
                    .append(" cases are created through the APIs, then a plain `read_committed` consumer reads the same "
                            + "backlog (same partitions and offsets) in this run, then the coordinator starts and its "
                            + "consumer group's membership and committed offsets are polled every 50 ms: the catch-up "
                            + "runs from the first poll that sees its partitions assigned to the one that sees lag 0 "
                            + "(its first batch included, its start-up not).\n\n");
            table(md, List.of("measure", "value"), List.of(
                    List.of("pillar events waiting", String.valueOf(c.pillarEvents())),
                    List.of("backlog created in", fmt(c.backlogCreationSeconds()) + " s"),
                    List.of("coordinator start → UP", fmt(c.coordinatorUpSeconds()) + " s"),
                    List.of("consuming (partitions assigned → lag 0)", c.consumingSeconds() + " s for "
                            + c.pillarEvents() + " events"),
                    List.of("**coordinator catch-up**", "**" + (long) c.eventsPerSecond() + " events/s**"),
                    List.of("coordinator CPU while consuming (steadier than events/s on a shared machine)",
                            coordinatorCpu(c)),
                    List.of("plain consumer, same backlog", c.rawRecords() + " records in " + c.rawSeconds() + " s = "
                            + (long) c.rawRecordsPerSecond() + " records/s"),
                    List.of("**ratio coordinator / plain consumer**", "**" + c.ratio() + "**"),
                    List.of("coordinator start → last readiness record", fmt(c.secondsToLastReady()) + " s"),
                    List.of("first commit seen → lag 0 (leaves out each thread's first batch)", c.drainSeconds()
                            + " s for " + c.eventsInDrainInterval() + " events"
                            + (c.drainSeconds() > 0 ? " = " + Math.round(c.eventsInDrainInterval() / c.drainSeconds())
                                    + " events/s" : "")),
                    List.of("HTTP while creating the backlog", c.http().calls() + " calls, 5xx "
                            + c.http().serverErrors() + ", unexpected " + c.http().unexpected()),
                    List.of("cases correct", c.correctness().ready() + " / " + c.correctness().cases())));
        }

        md.append("## Database activity\n\n");
        md.append("Sampled from `pg_stat_activity` every 100 ms: the busiest (database, wait, statement) while cases "
                + "arrive, as the average number of backends in that state (1.0 = one backend there all the time). "
                + "`Lock:*` waits are transactions queueing behind each other; `on CPU` is work; `IO:*` is the disk.\n\n");
        List<List<String>> activity = new ArrayList<>();
        for (RateResult r : report.rates()) {
            r.databaseActivity().forEach((what, backends) -> activity.add(activityRow(rate(r.offeredCasesPerSecond())
                    + " cases/s", what, backends)));
        }
        if (c.ran()) {
            c.databaseActivity().forEach((what, backends) -> activity.add(activityRow("catch-up", what, backends)));
        }
        if (activity.isEmpty()) {
            md.append("Not sampled (no access to the system's PostgreSQL).\n\n");
        } else {
            table(md, List.of("phase", "database", "wait", "statement", "active backends"), activity);
        }

        md.append("## Footprint\n\n");
        md.append("Peak resident memory (VmRSS; PSS in the totals, which counts PostgreSQL's shared memory once) and CPU "
                + "time per process group during each phase, CPU as % of one core (200 % = both cores). The broker runs "
                + "in the local stack's launcher JVM; PostgreSQL is every postgres process. The catch-up column runs from "
                + "the coordinator's start (its start-up included) to its last readiness record; the consuming column is the "
                + "measured interval alone (partitions assigned → lag 0).\n\n");
        List<String> header = new ArrayList<>(List.of("process"));
        List<Footprint.Result> phases = new ArrayList<>();
        header.add("idle");
        phases.add(report.idleFootprint());
        for (RateResult r : report.rates()) {
            header.add(rate(r.offeredCasesPerSecond()) + " cases/s");
            phases.add(r.footprint());
        }
        if (c.ran() && c.footprint() != null) {
            header.add("catch-up");
            phases.add(c.footprint());
        }
        if (c.ran() && c.drainFootprint() != null) {
            header.add("catch-up consuming only");
            phases.add(c.drainFootprint());
        }
        rows = new ArrayList<>();
        if (report.idleFootprint() != null) {
            for (int g = 0; g < report.idleFootprint().groups().size(); g++) {
                List<String> row = new ArrayList<>(List.of(report.idleFootprint().groups().get(g).name()));
                for (Footprint.Result phase : phases) {
                    Footprint.Usage u = phase.groups().get(g);
                    row.add(fmt(u.peakRssMiB()) + " MiB, " + fmt(u.cpuPercentOfOneCore()) + " %");
                }
                rows.add(row);
            }
            List<String> total = new ArrayList<>(List.of("**stack total (without harness)**"));
            for (Footprint.Result phase : phases) {
                total.add("**" + fmt(phase.peakTotalRssMiB()) + " MiB** (PSS " + fmt(phase.peakTotalPssMiB()) + ")");
            }
            rows.add(total);
            List<String> machine = new ArrayList<>(List.of("whole machine busy (CPU % of one core)"));
            List<String> others = new ArrayList<>(List.of("other processes, not the benchmark (skews the figures)"));
            for (Footprint.Result phase : phases) {
                machine.add(fmt(phase.machineCpuPercent()) + " %");
                others.add(fmt(phase.otherProcessesCpuPercent()) + " %");
            }
            rows.add(machine);
            rows.add(others);
            table(md, header, rows);
        }

        md.append("## Correctness\n\n");
        md.append("Every case must end READY with exactly one record per (specialistOrgId, caseId, readinessVersion), "
                + "versions 1..n alternating `ReadyToSchedule` / `ReadinessWithdrawn`, and "
                + "`GET /api/cases/{caseId}/readiness` agreeing.\n\n");
        rows = new ArrayList<>();
        for (RateResult r : report.rates()) {
            rows.add(correctnessRow(rate(r.offeredCasesPerSecond()) + " cases/s", r.correctness(), r.http().serverErrors()));
        }
        if (c.ran()) {
            rows.add(correctnessRow("catch-up", c.correctness(), c.http().serverErrors()));
        }
        rows.add(correctnessRow("**all phases (with warm-up)**", report.overall(), -1));
        table(md, List.of("phase", "cases", "correct", "API failures", "missing records", "duplicate records",
                "wrong sequences", "wrong final state", "HTTP 5xx"), rows);
        md.append("Duplicates that appeared after their phase was judged: ").append(report.lateDuplicateRecords())
                .append(". Result: **").append(report.correct() ? "PASSED" : "FAILED").append("**.\n\n");
        samples(md, report.overall().samples());
        if (!report.notes().isEmpty()) {
            md.append("## Notes\n\n");
            report.notes().forEach(note -> md.append("- ").append(note).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    /** The coordinator's CPU time over the consuming interval, in all and per event. */
    private static String coordinatorCpu(CatchUpResult c) {
        Footprint.Usage coordinator = c.drainFootprint() == null ? null : c.drainFootprint().groups().stream()
                .filter(group -> group.name().startsWith("coordinator")).findFirst().orElse(null);
        if (coordinator == null || c.pillarEvents() == 0) {
            return "n/a";
        }
        return fmt(coordinator.cpuSeconds()) + " s = " + Math.round(coordinator.cpuSeconds() * 1e6 / c.pillarEvents())
                + " µs per event";
    }

    private static List<String> activityRow(String phase, String what, double backends) {
        String[] parts = what.split(" \\| ", 3);
        return List.of(phase, parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? "`" + parts[2].replace('`', '\'') + "`" : "",
                String.format(Locale.ROOT, "%.2f", backends));
    }

    private static List<String> correctnessRow(String phase, Correctness c, long serverErrors) {
        return List.of(phase, String.valueOf(c.cases()), String.valueOf(c.ready()), String.valueOf(c.apiFailures()),
                String.valueOf(c.missingRecords()), String.valueOf(c.duplicateRecords()), String.valueOf(c.wrongSequences()),
                String.valueOf(c.wrongFinalState()), serverErrors < 0 ? "" : String.valueOf(serverErrors));
    }

    private static void samples(StringBuilder md, List<String> samples) {
        if (samples.isEmpty()) {
            return;
        }
        md.append("Examples:\n\n");
        samples.stream().limit(10).forEach(sample -> md.append("- `").append(sample.replace('`', '\'')).append("`\n"));
        md.append('\n');
    }

    private static void table(StringBuilder md, List<String> header, List<List<String>> rows) {
        md.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> md.append("---|"));
        md.append('\n');
        for (List<String> row : rows) {
            md.append("| ").append(String.join(" | ", row.stream().map(cell -> cell.replace("|", "\\|")).toList()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String n(Map<String, Long> counts, String key) {
        return String.valueOf(counts.getOrDefault(key, 0L));
    }

    static String fmt(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    static String rate(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }
}

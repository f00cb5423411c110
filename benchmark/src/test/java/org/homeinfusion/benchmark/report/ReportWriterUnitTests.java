package org.homeinfusion.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.homeinfusion.benchmark.load.CallStats;
import org.homeinfusion.benchmark.observe.Footprint;
import org.homeinfusion.benchmark.observe.LatencyHistogram.Percentiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterUnitTests {

    @TempDir
    Path directory;

    @Test
    void writesMarkdownJsonAndAChartAndMirrorsThemIntoLatest() throws IOException {
        RunReport report = report();
        Path run = directory.resolve("20261127-120000");
        Path latest = directory.resolve("latest");

        ReportWriter.write(report, run, latest);

        String markdown = Files.readString(run.resolve("report.md"));
        assertThat(markdown).contains("## Targets", "| 50 | 420 | 750 | 40 | 90 | 180 | 260 |",
                "![time-to-ready percentiles by arrival rate](latency.png)", "**PASSED**",
                "| 50 cases/s | coordinator | Lock:transactionid | `SELECT c.* FROM case_readiness` | 0.80 |",
                "| process | idle | 50 cases/s | catch-up | catch-up consuming only |",
                "| coordinator-service | 300 MiB, 40 % | 300 MiB, 40 % | 300 MiB, 40 % | 310 MiB, 150 % |",
                "| coordinator CPU while consuming (steadier than events/s on a shared machine) | 3 s = 150 µs per event |");
        assertThat(Files.readString(run.resolve("report.json"))).contains("\"offeredCasesPerSecond\" : 50.0");
        assertThat(ImageIO.read(run.resolve("latency.png").toFile()).getWidth()).isPositive();
        assertThat(latest.resolve("report.md")).hasSameTextualContentAs(run.resolve("report.md"));
    }

    @Test
    void theSummarySaysWhichTargetsWereMissed() {
        assertThat(ReportWriter.summary(report())).contains("[MISSED] coordinator catch-up", "[ met ] time-to-ready",
                "correctness: PASSED");
    }

    private static RunReport report() {
        Percentiles ttr = new Percentiles(800, 40, 90, 180, 260, 50);
        Footprint.Usage usage = new Footprint.Usage("coordinator-service", "service", 1, 300, 290, 280, 12, 40);
        Footprint.Result footprint = new Footprint.Result(15, List.of(usage), 1300, 1100, 150, 3);
        CallStats.Summary http = new CallStats().summary();
        Correctness correct = new Correctness(750, 750, 0, 0, 0, 0, 0, List.of());
        RateResult rate = new RateResult(50, 15, 750, 420, 49, 0.3, ttr, ttr, ttr,
                Map.of("coordinator", ttr), ttr, 0, http, http, correct, footprint,
                Map.of("coordinator | Lock:transactionid | SELECT c.* FROM case_readiness", 0.8), 0, true, true, "sustained");
        CatchUpResult catchUp = new CatchUpResult(true, null, 2500, 20_000, 50, 12, 10, 8, 16_000, 2_000, 22, 20_000, 0.2,
                100_000, 0.02, http, new Correctness(2500, 2500, 0, 0, 0, 0, 0, List.of()), footprint, Map.of(),
                new Footprint.Result(2, List.of(new Footprint.Usage("coordinator-service", "service", 1, 310, 300, 290, 3,
                        150)), 1350, 1150, 198, 2));
        return new RunReport("start", "end", "test system", Map.of("mode", "full"), Map.of("cores", "2"),
                List.of(rate), catchUp, footprint, correct, 0,
                List.of(new TargetCheck("time-to-ready p99 ≤ 250 ms at 50 cases/s", "p99 180 ms", true),
                        new TargetCheck("coordinator catch-up ≥ 20,000 pillar events/s", "2000 events/s", false)),
                "50 cases/s", List.of());
    }
}

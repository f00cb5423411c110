package org.homeinfusion.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.homeinfusion.benchmark.report.ReportWriter;
import org.homeinfusion.benchmark.report.RunReport;
import org.junit.jupiter.api.Test;

/**
 * The harness's smoke run against the real system, so it never rots: five cases a second for five seconds and a
 * twenty-case catch-up, every case judged. Not part of the default test run (it starts four services); run it with
 * {@code ./mvnw -B -pl benchmark -Pbenchmark-smoke verify}.
 */
class BenchmarkSmokeIntegrationTests {

    @Test
    void aSmokeRunDrivesEveryScenarioToReadyExactlyOnceAndWritesItsReport() throws IOException {
        Path root = Benchmark.findRepositoryRoot();
        Path results = Files.createDirectories(root.resolve("benchmark/target/smoke-results"));
        RunReport report;
        try (EmbeddedSystem system = EmbeddedSystem.start(root, root.resolve("benchmark/target/smoke-work"))) {
            report = new BenchmarkRun(BenchmarkOptions.parse("--smoke"), system, results.resolve("run"), System.out)
                    .execute();
        }
        ReportWriter.write(report, results.resolve("run"), results.resolve("latest"));

        assertThat(report.overall().samples()).isEmpty();
        assertThat(report.correct()).isTrue();
        assertThat(report.overall().cases()).isEqualTo(25 + 20);
        assertThat(report.rates()).singleElement().satisfies(rate -> {
            assertThat(rate.http().serverErrors()).isZero();
            assertThat(rate.timeToReady().count()).isGreaterThanOrEqualTo(25);
        });
        assertThat(report.catchUp().ran()).isTrue();
        assertThat(report.catchUp().pillarEvents()).isGreaterThanOrEqualTo(20 * 7);
        assertThat(results.resolve("latest/report.md")).exists();
    }
}

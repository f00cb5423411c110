package org.homeinfusion.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiDriverUnitTests {

    private HttpServer server;
    private URI slow;
    private URI broken;

    @BeforeEach
    void startAServerThatTakes300Milliseconds() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/slow", exchange -> {
            sleep(300);
            byte[] body = "{\"id\":\"1\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        slow = URI.create(base + "/slow");
        broken = URI.create(base + "/broken");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void neverBlocksTheCallerAndCountsTheWaitForAConnectionSlotInTheLatency() {
        CallStats stats = new CallStats();
        try (ApiDriver driver = new ApiDriver(2, Duration.ofSeconds(5), 2)) {
            long before = System.nanoTime();
            List<CompletableFuture<ApiResult>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(driver.send(new ApiCall("GET /slow", "GET", slow, null, null, null, 200), System.nanoTime(), stats));
            }
            // A blocking client would still be waiting for the first pair here (300 ms).
            assertThat(System.nanoTime() - before).isLessThan(TimeUnit.MILLISECONDS.toNanos(250));
            results.forEach(CompletableFuture::join);
            assertThat(driver.maxQueued()).isGreaterThanOrEqualTo(4);
        }
        CallStats.Summary summary = stats.summary();
        assertThat(summary.byStatusClass()).containsEntry("2xx", 6L);
        // Six calls, two at a time, 300 ms each: the last pair waited ~600 ms for a slot, and that counts.
        assertThat(summary.latencyFromScheduled().max()).isGreaterThanOrEqualTo(850);
        assertThat(summary.serviceTime().p50()).isLessThan(600);
    }

    @Test
    void countsEveryStatusClassAndAnswersThatAreNotTheExpectedOne() {
        CallStats stats = new CallStats();
        try (ApiDriver driver = new ApiDriver(4, Duration.ofSeconds(5), 2)) {
            driver.send(new ApiCall("GET /broken", "GET", broken, null, null, null, 200), System.nanoTime(), stats).join();
            driver.send(new ApiCall("GET /slow", "GET", slow, null, null, null, 201), System.nanoTime(), stats).join();
            ApiResult refused = driver.send(new ApiCall("GET /nowhere", "GET", URI.create("http://127.0.0.1:1/"), null,
                    null, null, 200), System.nanoTime(), stats).join();
            assertThat(refused.status()).isEqualTo(ApiResult.IO_ERROR);
        }
        CallStats.Summary summary = stats.summary();
        assertThat(summary.serverErrors()).isEqualTo(1);
        assertThat(summary.byStatusClass()).containsEntry("2xx", 1L).containsEntry("io-error", 1L);
        assertThat(summary.unexpected()).isEqualTo(3);
        assertThat(summary.unexpectedSamples()).anyMatch(sample -> sample.contains("HTTP 503"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

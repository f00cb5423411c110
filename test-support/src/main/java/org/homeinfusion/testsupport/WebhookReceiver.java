package org.homeinfusion.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A subscriber's webhook endpoint: a real HTTP server on 127.0.0.1 that records every request and
 * answers 500 to the first {@code failures} of them, then 200.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as the receiver saw it; header names are case-insensitive. */
    public record Request(Map<String, String> headers, String body, Instant receivedAt) {

        public String header(String name) {
            return headers.get(name);
        }

        /**
         * Recomputes {@code X-Signature} the way a subscriber must: hex HMAC-SHA256 of
         * {@code X-Timestamp + "." + body} with the subscription's secret (docs/api.md, Notifications).
         */
        public boolean isSignedWith(String secret) {
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                byte[] digest = mac.doFinal((header("X-Timestamp") + "." + body).getBytes(StandardCharsets.UTF_8));
                return ("sha256=" + java.util.HexFormat.of().formatHex(digest)).equals(header("X-Signature"));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger failuresLeft;

    private WebhookReceiver(int failures) throws IOException {
        this.failuresLeft = new AtomicInteger(failures);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            synchronized (requests) {
                requests.add(new Request(headers, body, Instant.now()));
            }
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public static WebhookReceiver healthy() throws IOException {
        return new WebhookReceiver(0);
    }

    public static WebhookReceiver failingFirst(int failures) throws IOException {
        return new WebhookReceiver(failures);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/readiness";
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Request> awaitRequests(int count, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> requests().size() >= count);
        return requests();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

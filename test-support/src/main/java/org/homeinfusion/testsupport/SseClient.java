package org.homeinfusion.testsupport;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** A text/event-stream client that keeps every event and comment it receives, like a browser's EventSource. */
public final class SseClient implements AutoCloseable {

    /** One server-sent event. */
    public record Event(String name, String id, String data) {
    }

    private final List<Event> events = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;
    private volatile Integer status;

    private SseClient(String baseUrl, String authorization, String lastEventId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + "/api/readiness/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", authorization);
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        HttpRequest request = builder.GET().build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(received -> {
            status = received.statusCode();
            lines = received.body();
            read(lines);
        });
    }

    /** Connects to the readiness stream of the coordinator at {@code baseUrl} (http://host:port). */
    public static SseClient connect(String baseUrl, String authorization) {
        return new SseClient(baseUrl, authorization, null);
    }

    public static SseClient connect(int port, String authorization) {
        return new SseClient("http://127.0.0.1:" + port, authorization, null);
    }

    /** Reconnects as EventSource does after a drop: naming the last event it received. */
    public static SseClient reconnect(int port, String authorization, String lastEventId) {
        return new SseClient("http://127.0.0.1:" + port, authorization, lastEventId);
    }

    /** Waits for the stream to be open, which the service signals with a first comment. */
    public SseClient awaitConnected() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !comments().isEmpty());
        return this;
    }

    public Integer status() {
        return status;
    }

    public List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public List<String> comments() {
        synchronized (events) {
            return List.copyOf(comments);
        }
    }

    private void read(Stream<String> stream) {
        String name = null;
        String id = null;
        StringBuilder data = null;
        for (String line : (Iterable<String>) stream::iterator) {
            if (line.isEmpty()) {
                if (data != null) {
                    synchronized (events) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString()));
                    }
                }
                name = null;
                id = null;
                data = null;
            } else if (line.startsWith(":")) {
                synchronized (events) {
                    comments.add(line.substring(1).trim());
                }
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                value = value.startsWith(" ") ? value.substring(1) : value;
                switch (field) {
                    case "event" -> name = value;
                    case "id" -> id = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> {
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        response.cancel(true);
    }
}

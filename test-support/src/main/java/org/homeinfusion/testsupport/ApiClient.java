package org.homeinfusion.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives a running service through its public HTTP API exactly as a client would: real sockets,
 * real JSON, a bearer token per call.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public static ApiClient onPort(int port) {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    /** A response with its body parsed when it is JSON. */
    public record Response(int status, Map<String, String> headers, String body) {

        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path, String authorization) {
        return send("GET", path, authorization, null, Map.of());
    }

    public Response post(String path, String authorization, Object body) {
        return send("POST", path, authorization, body, Map.of());
    }

    public Response post(String path, String authorization, Object body, Map<String, String> headers) {
        return send("POST", path, authorization, body, headers);
    }

    public Response put(String path, String authorization, Object body) {
        return send("PUT", path, authorization, body, Map.of());
    }

    public Response delete(String path, String authorization) {
        return send("DELETE", path, authorization, null, Map.of());
    }

    /**
     * Sends a request. {@code body} may be a String (sent as is, so tests can send malformed JSON) or
     * any object (serialized to JSON); {@code authorization} may be null to send no token.
     */
    public Response send(String method, String path, String authorization, Object body, Map<String, String> headers) {
        String payload = body == null ? null : body instanceof String text ? text : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(payload));
        // A caller's own Content-Type (FHIR's application/fhir+json) replaces the JSON default.
        if (payload != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> responseHeaders.put(name.toLowerCase(), String.join(",", values)));
            return new Response(response.statusCode(), responseHeaders, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }
}

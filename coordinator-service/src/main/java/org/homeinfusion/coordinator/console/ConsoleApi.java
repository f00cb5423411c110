package org.homeinfusion.coordinator.console;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's only way to the data: the public HTTP APIs of the coordinator and the three pillar services, called
 * with the signed-in user's bearer token. A refusal comes back as {@link Refused} with the problem's violations, an
 * expired or rejected token as {@link SignInExpired}.
 */
@Component
class ConsoleApi {

    /** The API said no: its status and problem+json (violations by field, where it named one). */
    static final class Refused extends RuntimeException {

        private final int status;
        private final JsonNode problem;

        Refused(int status, JsonNode problem) {
            super(status + " " + problem.path("detail").asString(problem.path("title").asString("")));
            this.status = status;
            this.problem = problem;
        }

        int status() {
            return status;
        }

        String detail() {
            return problem.path("detail").asString(problem.path("title").asString("The request was refused"));
        }

        /** Each violation's message under its field (a violation without a field under {@code ""}). */
        Map<String, String> violationsByField() {
            Map<String, String> byField = new LinkedHashMap<>();
            for (JsonNode violation : problem.path("violations")) {
                String field = violation.path("field").asString("");
                String message = violation.path("message").asString("") + " (" + violation.path("code").asString("") + ")";
                byField.merge(field, message, (a, b) -> a + "; " + b);
            }
            return byField;
        }
    }

    /** The token is no longer accepted (expired, or the secret changed): the user must sign in again. */
    static final class SignInExpired extends RuntimeException {
        SignInExpired() {
            super("The sign-in has expired");
        }
    }

    /** An API could not be reached in time. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String service, Throwable cause) {
            super(service + " is not reachable right now", cause);
        }
    }

    enum Service { COORDINATOR, DRUG, NURSING, SUPPLIES }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConsoleProperties properties;
    private final Environment environment;
    private final RestClient http;

    ConsoleApi(ConsoleProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.apiTimeout()).build());
        requests.setReadTimeout(properties.apiTimeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    JsonNode get(ConsoleUser user, Service service, String path, Object... uriVariables) {
        return exchange(user, service, "GET", path, null, uriVariables);
    }

    Optional<JsonNode> find(ConsoleUser user, Service service, String path, Object... uriVariables) {
        try {
            return Optional.of(get(user, service, path, uriVariables));
        } catch (Refused refused) {
            if (refused.status() == 404) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    JsonNode put(ConsoleUser user, Service service, String path, Object body, Object... uriVariables) {
        return exchange(user, service, "PUT", path, body, uriVariables);
    }

    JsonNode post(ConsoleUser user, Service service, String path, Object body, Object... uriVariables) {
        return exchange(user, service, "POST", path, body, uriVariables);
    }

    JsonNode delete(ConsoleUser user, Service service, String path, Object... uriVariables) {
        return exchange(user, service, "DELETE", path, null, uriVariables);
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private JsonNode exchange(ConsoleUser user, Service service, String method, String path, Object body,
            Object... uriVariables) {
        String uri = UriComponentsBuilder.fromUriString(baseUrl(service) + path).encode().buildAndExpand(uriVariables)
                .toUriString();
        try {
            RestClient.RequestBodySpec request = http.method(org.springframework.http.HttpMethod.valueOf(method))
                    .uri(java.net.URI.create(uri))
                    .header("Authorization", user.bearer())
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
            }
            return request.exchange((req, response) -> {
                HttpStatusCode status = response.getStatusCode();
                byte[] bytes = response.getBody().readAllBytes();
                JsonNode json = bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
                if (status.value() == 401) {
                    throw new SignInExpired();
                }
                if (status.isError()) {
                    throw new Refused(status.value(), json.isObject() ? json : JSON.createObjectNode());
                }
                return json;
            });
        } catch (ResourceAccessException unreachable) {
            throw new Unavailable(service.name().toLowerCase(java.util.Locale.ROOT) + " API", unreachable);
        }
    }

    private String baseUrl(Service service) {
        String url = switch (service) {
            case COORDINATOR -> properties.coordinatorUrl() == null || properties.coordinatorUrl().isBlank()
                    ? "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080")
                    : properties.coordinatorUrl();
            case DRUG -> properties.drugUrl();
            case NURSING -> properties.nursingUrl();
            case SUPPLIES -> properties.suppliesUrl();
        };
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

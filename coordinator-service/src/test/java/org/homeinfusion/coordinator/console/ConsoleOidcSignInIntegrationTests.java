package org.homeinfusion.coordinator.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.homeinfusion.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an OpenID Connect provider configured, the sign-in page offers it and the console sends the browser to the
 * provider's authorization endpoint with its own callback under {@code /console/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.keycloak.client-id=home-infusion-console",
        "spring.security.oauth2.client.registration.keycloak.client-secret=console-secret",
        "spring.security.oauth2.client.registration.keycloak.client-name=Keycloak",
        "spring.security.oauth2.client.registration.keycloak.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.keycloak.redirect-uri={baseUrl}/console/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.registration.keycloak.scope=openid",
        "spring.security.oauth2.client.provider.keycloak.authorization-uri=http://idp.invalid/realms/home-infusion/auth",
        "spring.security.oauth2.client.provider.keycloak.token-uri=http://idp.invalid/realms/home-infusion/token",
        "spring.security.oauth2.client.provider.keycloak.jwk-set-uri=http://idp.invalid/realms/home-infusion/certs",
        "spring.security.oauth2.client.provider.keycloak.user-name-attribute=sub"})
class ConsoleOidcSignInIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "coordinator");
    }

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theSignInPageOffersTheProviderAndSendsTheBrowserToIt() throws Exception {
        HttpResponse<String> page = get("/console/sign-in");
        assertThat(page.body()).contains("href=\"/console/oauth2/authorization/keycloak\"", "Sign in with Keycloak");

        HttpResponse<String> toProvider = get("/console/oauth2/authorization/keycloak");

        assertThat(toProvider.statusCode()).isEqualTo(302);
        String location = URLDecoder.decode(toProvider.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertThat(location).startsWith("http://idp.invalid/realms/home-infusion/auth?")
                .contains("client_id=home-infusion-console", "scope=openid", "state=",
                        "redirect_uri=http://127.0.0.1:" + port + "/console/login/oauth2/code/keycloak");
    }

    @Test
    void theApiStillTakesOnlyBearerTokens() throws Exception {
        assertThat(get("/api/cases").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

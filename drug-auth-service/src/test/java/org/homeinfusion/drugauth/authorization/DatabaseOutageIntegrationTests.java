package org.homeinfusion.drugauth.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.homeinfusion.drugauth.authorization.DrugAuthorizationIntegrationTests.ivig;
import static org.homeinfusion.testsupport.ProblemAssertions.assertProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.homeinfusion.infrastructure.EmbeddedPostgres;
import org.homeinfusion.infrastructure.FreePorts;
import org.homeinfusion.testsupport.ApiClient;
import org.homeinfusion.testsupport.CaseIds;
import org.homeinfusion.testsupport.RealInfrastructure;
import org.homeinfusion.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The drug service on a PostgreSQL of its own, which the test crashes and brings back: while it is gone, calls
 * get a 503 problem with Retry-After and the readiness probe says so; once it is back, the same service (never
 * restarted) serves again. The shared test database is left alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageIntegrationTests {

    static final String SPECIALIST = TestTokens.bearer("SPEC-1", "SPECIALIST");
    static final int POSTGRES_PORT = FreePorts.pick();
    static final Path POSTGRES_DATA = temporaryDirectory();
    static EmbeddedPostgres postgres = EmbeddedPostgres.start(POSTGRES_PORT, POSTGRES_DATA);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "drug_auth");
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl("postgres"));
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    final ApiClient api;

    DatabaseOutageIntegrationTests(@LocalServerPort int port) {
        api = ApiClient.onPort(port);
    }

    @Test
    void whileTheDatabaseIsDownCallsGetA503ToRetryAndTheServiceRecoversByItself() {
        assertThat(api.post("/api/drug-authorizations", SPECIALIST, ivig(CaseIds.unique())).status()).isEqualTo(201);

        postgres.close();
        String caseId = CaseIds.unique();
        ApiClient.Response refused = api.post("/api/drug-authorizations", SPECIALIST, ivig(caseId),
                Map.of("Idempotency-Key", "outage-" + caseId));
        assertProblem(refused, 503);
        assertThat(refused.header("retry-after")).isEqualTo("5");
        assertThat(refused.body()).doesNotContain("Exception", "jdbc", "PT-88");
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(503);
        assertThat(api.get("/actuator/health/liveness", null).status()).as("a restart would not help").isEqualTo(200);

        postgres = EmbeddedPostgres.start(POSTGRES_PORT, POSTGRES_DATA);
        // The client retries with the same key, as a real integration would: one authorization, created now.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.post("/api/drug-authorizations",
                SPECIALIST, ivig(caseId), Map.of("Idempotency-Key", "outage-" + caseId)).status()).isEqualTo(201));
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(api.get("/api/drug-authorizations?caseId=" + caseId, SPECIALIST).json().size()).isEqualTo(1);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("drug-outage-postgres");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

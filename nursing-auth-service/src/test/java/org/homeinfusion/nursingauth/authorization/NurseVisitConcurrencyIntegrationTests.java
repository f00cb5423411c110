package org.homeinfusion.nursingauth.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeinfusion.nursingauth.authorization.NursingAuthorizationIntegrationTests.AGENCY;
import static org.homeinfusion.nursingauth.authorization.NursingAuthorizationIntegrationTests.PAYER;
import static org.homeinfusion.nursingauth.authorization.NursingAuthorizationIntegrationTests.SPECIALIST;
import static org.homeinfusion.nursingauth.authorization.NursingAuthorizationIntegrationTests.approval;
import static org.homeinfusion.nursingauth.authorization.NursingAuthorizationIntegrationTests.nursing;
import static org.homeinfusion.nursingauth.authorization.NursingAuthorizationIntegrationTests.visit;
import static org.homeinfusion.testsupport.CloudEventMatchers.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.testsupport.ApiClient;
import org.homeinfusion.testsupport.CapturedRecord;
import org.homeinfusion.testsupport.CapturedTopic;
import org.homeinfusion.testsupport.CaseIds;
import org.homeinfusion.testsupport.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Visits are counted exactly under concurrent requests: the row lock queues changes of one
 * authorization, so a confirmed visit is completed once however many clerks press the button, and
 * visits used never pass the approved visits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NurseVisitConcurrencyIntegrationTests {

    private static final int CONCURRENT_REQUESTS = 8;
    private static final int MAX_ATTEMPTS_PER_WORKER = 500;

    @RegisterExtension
    static final CapturedTopic events = CapturedTopic.of(Topics.NURSING_AUTH_EVENTS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "nursing_auth");
    }

    final ApiClient api;
    /** JUnit makes a new instance for every test, so every test has a case of its own. */
    final String caseId = CaseIds.unique();
    ExecutorService workers;

    NurseVisitConcurrencyIntegrationTests(@LocalServerPort int port) {
        api = ApiClient.onPort(port);
    }

    @BeforeEach
    void startWorkers() {
        workers = Executors.newFixedThreadPool(CONCURRENT_REQUESTS + 2);
    }

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Test
    void aVisitCompletedByManyConcurrentRequestsIsCountedOnce() throws Exception {
        String id = approvedAuthorization(8);
        assertThat(api.put(path(id) + "/visit", AGENCY, visit("2026-12-08T14:00:00-05:00")).status()).isEqualTo(200);

        List<Integer> statuses = allAtOnce(CONCURRENT_REQUESTS,
                () -> api.post(path(id) + "/visit/completion", AGENCY, null).status());

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        JsonNode current = api.get(path(id), AGENCY).json();
        assertThat(current.get("visitsUsed").asInt()).isEqualTo(1);
        assertThat(current.get("visitsRemaining").asInt()).isEqualTo(7);
        assertThat(current.get("version").asLong()).isEqualTo(4);
        events.awaitRecord(completed());
        events.assertNoFurtherRecord(completed(), Duration.ofSeconds(2));
    }

    @Test
    void visitsConfirmedAndCompletedInParallelNeverPassTheApprovedVisits() throws Exception {
        int approvedVisits = CONCURRENT_REQUESTS;
        String id = approvedAuthorization(approvedVisits);

        // Two more workers than approved visits: each confirms and completes until its completion counts
        // or the approved visits are used up. A completion may find the slot already completed by another
        // worker (NO_VISIT_CONFIRMED); then it confirms again.
        List<Integer> outcomes = allAtOnce(approvedVisits + 2, () -> {
            for (int attempt = 0; attempt < MAX_ATTEMPTS_PER_WORKER; attempt++) {
                ApiClient.Response confirmed = api.put(path(id) + "/visit", AGENCY, visit("2026-12-08T14:00:00-05:00"));
                assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
                ApiClient.Response completed = api.post(path(id) + "/visit/completion", AGENCY, null);
                if (completed.status() == 200) {
                    return 200;
                }
                assertThat(completed.status()).as(completed.toString()).isEqualTo(409);
                if (completed.body().contains("VISITS_EXHAUSTED")) {
                    return 409;
                }
            }
            throw new AssertionError("A worker neither completed a visit nor saw the visits exhausted");
        });

        assertThat(outcomes).filteredOn(outcome -> outcome == 200).hasSize(approvedVisits);
        assertThat(outcomes).filteredOn(outcome -> outcome == 409).hasSize(2);
        JsonNode current = api.get(path(id), AGENCY).json();
        assertThat(current.get("visitsUsed").asInt()).isEqualTo(approvedVisits);
        assertThat(current.get("visitsRemaining").asInt()).isZero();

        List<CapturedRecord> completions = events.awaitRecords(approvedVisits, completed(), Duration.ofSeconds(30));
        assertThat(completions).extracting(r -> authorization(r).get("visitsUsed").asInt())
                .containsExactlyInAnyOrderElementsOf(range(1, approvedVisits));
        assertThat(completions).extracting(r -> authorization(r).get("version").asLong()).doesNotHaveDuplicates();
        events.assertNoFurtherRecord(completed(), Duration.ofSeconds(2));
    }

    private String approvedAuthorization(int approvedVisits) {
        ApiClient.Response created = api.post("/api/nursing-authorizations", SPECIALIST, nursing(caseId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post(path(id) + "/decision", PAYER, approval(approvedVisits)).status()).isEqualTo(200);
        return id;
    }

    /** Runs {@code count} copies of {@code task} released together, and returns their results. */
    private <T> List<T> allAtOnce(int count, Callable<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(workers.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(2, TimeUnit.MINUTES));
        }
        return results;
    }

    private Predicate<CapturedRecord> completed() {
        return event(caseId, "NurseVisitCompleted");
    }

    private static JsonNode authorization(CapturedRecord record) {
        return EventJson.mapper().readTree(ContractSchemas.assertConforms(record).value()).get("authorization");
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> values = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            values.add(i);
        }
        return values;
    }

    private static String path(String id) {
        return "/api/nursing-authorizations/" + id;
    }
}

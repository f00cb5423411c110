package org.homeinfusion.support.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every service shares, added with the lowest precedence so a service's application.yml
 * or the environment can still override any of them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("spring.flyway.locations", "classpath:db/migration,classpath:db/support");
        DEFAULTS.put("spring.datasource.username", "postgres");
        DEFAULTS.put("spring.datasource.password", "postgres");
        DEFAULTS.put("spring.datasource.hikari.maximum-pool-size", "12");
        // A JDBC batch of inserts travels as multi-row INSERTs: the outbox and the coordinator write in batches.
        DEFAULTS.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
        // Few request threads: a request is ~2.5 ms of CPU and a few ms of database, so 8 carry hundreds of calls
        // per second. Under overload every busy request thread takes its share of the cores, and 3 x 32 of them
        // starved the coordinator's consumer and relay threads (7 % of a core at 100 cases/s in the benchmark):
        // with 8, time-to-ready p99 at 100 cases/s fell from 7.3 s to 1.4 s at the same throughput, and at
        // 50 cases/s from 1.1 s to 0.66 s. With 4, 50 cases/s no longer kept up. Requests beyond the threads wait
        // in the connector's accept queue; server-sent event streams do not hold a thread.
        DEFAULTS.put("server.tomcat.threads.max", "8");
        // While PostgreSQL is down a request waits this long for a connection, then gets a 503 with Retry-After
        // (ProblemDetailsAdvice), instead of holding a request thread for Hikari's default 30 s.
        DEFAULTS.put("spring.datasource.hikari.connection-timeout", "5000");
        // A service started before its database waits for it (Flyway retries with growing pauses, about ten
        // minutes in all) instead of exiting; the migrations run once it is there.
        DEFAULTS.put("spring.flyway.connect-retries", "60");
        DEFAULTS.put("spring.flyway.connect-retries-interval", "10s");
        DEFAULTS.put("spring.kafka.bootstrap-servers", "127.0.0.1:9092");
        DEFAULTS.put("spring.cloud.stream.kafka.binder.brokers", "${spring.kafka.bootstrap-servers}");
        // ProblemDetailsAdvice renders every error; Boot's own handler would win for framework errors
        // and drop our type and violations.
        DEFAULTS.put("spring.mvc.problemdetails.enabled", "false");
        DEFAULTS.put("server.error.include-stacktrace", "never");
        DEFAULTS.put("server.error.include-message", "never");
        DEFAULTS.put("home-infusion.security.jwt-secret", "${HOME_INFUSION_JWT_SECRET:}");
        // Only health and metrics are exposed; nothing that could show configuration or data.
        DEFAULTS.put("management.endpoints.web.exposure.include", "health,prometheus");
        DEFAULTS.put("management.endpoint.health.probes.enabled", "true");
        // Out of service while the database is unreachable, so a load balancer stops sending calls that can only
        // fail; liveness stays up, because restarting the process would not bring the database back.
        DEFAULTS.put("management.endpoint.health.group.readiness.include", "readinessState,db");
        DEFAULTS.put("management.endpoint.health.show-details", "never");
        DEFAULTS.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        // Per request, an observation also started a long task timer (http.server.requests.active) that nothing
        // reads, and the servlet published a RequestHandledEvent that nothing listens to: both cost CPU on every
        // call (seen in the benchmark's profiles). The http.server.requests timer itself stays.
        DEFAULTS.put("management.metrics.observations.ignored-meters", "long-task-timer");
        DEFAULTS.put("spring.mvc.publish-request-handled-events", "false");
        DEFAULTS.put("management.metrics.tags.application", "${spring.application.name}");
        DEFAULTS.put("springdoc.swagger-ui.path", "/swagger-ui.html");
        DEFAULTS.put("logging.level.org.apache.kafka", "WARN");
        DEFAULTS.put("logging.level.kafka", "WARN");
        DEFAULTS.put("logging.level.state.change.logger", "WARN");
        DEFAULTS.put("logging.level.org.springframework.kafka", "WARN");
        DEFAULTS.put("logging.level.org.springframework.cloud.stream", "WARN");
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("homeInfusionServiceDefaults", DEFAULTS));
    }
}

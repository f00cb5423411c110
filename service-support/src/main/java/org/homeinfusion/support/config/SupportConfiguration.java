package org.homeinfusion.support.config;

import java.time.Clock;

import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.support.idempotency.IdempotencyKeyPurge;
import org.homeinfusion.support.idempotency.IdempotencyProperties;
import org.homeinfusion.support.idempotency.IdempotentCreation;
import org.homeinfusion.support.problem.ProblemDetailsAdvice;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The shared beans: clock, JSON rules, problem details and idempotent creation with its expiry. */
@AutoConfiguration
@EnableConfigurationProperties(IdempotencyProperties.class)
public class SupportConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * API JSON follows the event rules (offsets kept) and is strict on input: an unknown or misspelt
     * field is a 400, not silently dropped data.
     */
    @Bean
    JsonMapperBuilderCustomizer homeInfusionJson() {
        return builder -> {
            EventJson.configure((JsonMapper.Builder) builder);
            builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        };
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    IdempotentCreation idempotentCreation(JdbcClient jdbc, JsonMapper jsonMapper, Clock clock,
            IdempotencyProperties idempotency) {
        return new IdempotentCreation(jdbc, jsonMapper, clock, idempotency);
    }

    @Bean
    IdempotencyKeyPurge idempotencyKeyPurge(JdbcClient jdbc, IdempotencyProperties idempotency, Clock clock) {
        return new IdempotencyKeyPurge(jdbc, idempotency, clock);
    }
}

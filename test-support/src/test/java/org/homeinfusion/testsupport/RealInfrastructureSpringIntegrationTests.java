package org.homeinfusion.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = RealInfrastructureSpringIntegrationTests.Empty.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RealInfrastructureSpringIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry, "spring_self_test");
    }

    @Autowired
    Environment environment;

    @Test
    void handsTheServersToTheSpringEnvironment() {
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(RealInfrastructure.kafkaBootstrapServers());
        assertThat(environment.getProperty("spring.datasource.url")).endsWith("/spring_self_test");
    }

    @Test
    void keepsTheBrokersLoggersQuietAfterSpringBootReconfiguredLogging() {
        assertThat(LoggerFactory.getLogger("kafka").isInfoEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.apache.kafka").isInfoEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("state.change.logger").isInfoEnabled()).isFalse();
    }

    @SpringBootConfiguration
    static class Empty {
    }
}

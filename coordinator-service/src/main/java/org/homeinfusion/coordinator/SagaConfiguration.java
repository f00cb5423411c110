package org.homeinfusion.coordinator;

import java.time.Clock;

import org.homeinfusion.coordinator.readiness.CaseReadinessSaga;
import org.homeinfusion.coordinator.readiness.ReadinessPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pure readiness rules, configured once for the whole service. */
@Configuration(proxyBeanMethods = false)
class SagaConfiguration {

    @Bean
    ReadinessPolicy readinessPolicy(CoordinatorProperties properties) {
        return new ReadinessPolicy(properties.minimumDrugLeadTime());
    }

    @Bean
    CaseReadinessSaga caseReadinessSaga(ReadinessPolicy policy, Clock clock) {
        return new CaseReadinessSaga(policy, clock);
    }
}

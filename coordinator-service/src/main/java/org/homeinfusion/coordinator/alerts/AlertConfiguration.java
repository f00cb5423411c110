package org.homeinfusion.coordinator.alerts;

import org.homeinfusion.coordinator.readiness.ReadinessPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pure alert rules, configured once; the lead time is the readiness rules' own, so the words agree. */
@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

    @Bean
    AlertPlanner alertPlanner(AlertProperties properties, ReadinessPolicy policy) {
        return new AlertPlanner(properties, policy.minimumDrugLeadTime());
    }
}

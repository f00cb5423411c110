package org.homeinfusion.coordinator;

import org.homeinfusion.support.security.AccessMatrix;
import org.homeinfusion.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Every role may read readiness and subscribe (docs/api.md: Readiness, Notifications): what each organization sees is
 * narrowed to the cases it takes part in by the endpoints themselves.
 */
@Configuration(proxyBeanMethods = false)
class CoordinatorAccessMatrix {

    @Bean
    AccessMatrix accessMatrix() {
        return AccessMatrix.builder()
                .allowAnyRole(HttpMethod.GET, "/api/cases")
                .allowAnyRole(HttpMethod.GET, "/api/cases/*/readiness")
                .allowAnyRole(HttpMethod.GET, "/api/cases/*/readiness/history")
                .allowAnyRole(HttpMethod.POST, "/api/subscriptions")
                .allowAnyRole(HttpMethod.GET, "/api/subscriptions")
                .allowAnyRole(HttpMethod.GET, "/api/subscriptions/*")
                .allowAnyRole(HttpMethod.DELETE, "/api/subscriptions/*")
                .allowAnyRole(HttpMethod.POST, "/api/subscriptions/*/secret-rotation")
                .allowAnyRole(HttpMethod.GET, "/api/subscriptions/*/deliveries")
                .allowAnyRole(HttpMethod.GET, "/api/readiness/stream")
                .allowAnyRole(HttpMethod.GET, "/api/alerts")
                .allowAnyRole(HttpMethod.GET, "/api/cases/*/alerts")
                .allow(HttpMethod.GET, "/api/reports/payer-turnaround", Role.SPECIALIST);
    }
}

package org.homeinfusion.nursingauth.authorization;

import org.homeinfusion.support.security.AccessMatrix;
import org.homeinfusion.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call which nursing endpoint (docs/api.md); ownership is checked by {@link NursingAuthorizations}. */
@Configuration(proxyBeanMethods = false)
class NursingAccessMatrix {

    @Bean
    AccessMatrix accessMatrix() {
        return AccessMatrix.builder()
                .allow(HttpMethod.POST, "/api/nursing-authorizations", Role.SPECIALIST)
                .allow(HttpMethod.POST, "/api/nursing-authorizations/*/decision", Role.SPECIALIST, Role.PAYER)
                .allow(HttpMethod.PUT, "/api/nursing-authorizations/*/visit", Role.AGENCY)
                .allow(HttpMethod.DELETE, "/api/nursing-authorizations/*/visit", Role.AGENCY)
                .allow(HttpMethod.POST, "/api/nursing-authorizations/*/visit/completion", Role.AGENCY)
                .allowAnyRole(HttpMethod.GET, "/api/nursing-authorizations")
                .allowAnyRole(HttpMethod.GET, "/api/nursing-authorizations/*")
                .allow(HttpMethod.GET, "/api/nursing-authorizations/*/pas-claim", Role.SPECIALIST);
    }
}

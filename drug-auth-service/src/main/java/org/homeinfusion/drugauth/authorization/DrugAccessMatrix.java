package org.homeinfusion.drugauth.authorization;

import org.homeinfusion.support.security.AccessMatrix;
import org.homeinfusion.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call which drug endpoint (docs/api.md); ownership is checked by {@link DrugAuthorizations}. */
@Configuration(proxyBeanMethods = false)
class DrugAccessMatrix {

    @Bean
    AccessMatrix accessMatrix() {
        return AccessMatrix.builder()
                .allow(HttpMethod.POST, "/api/drug-authorizations", Role.SPECIALIST)
                .allow(HttpMethod.POST, "/api/drug-authorizations/*/decision", Role.SPECIALIST, Role.PAYER)
                .allow(HttpMethod.PUT, "/api/drug-authorizations/*/delivery", Role.PHARMACY)
                .allow(HttpMethod.DELETE, "/api/drug-authorizations/*/delivery", Role.PHARMACY)
                .allowAnyRole(HttpMethod.GET, "/api/drug-authorizations")
                .allowAnyRole(HttpMethod.GET, "/api/drug-authorizations/*")
                .allow(HttpMethod.GET, "/api/drug-authorizations/*/pas-claim", Role.SPECIALIST);
    }
}

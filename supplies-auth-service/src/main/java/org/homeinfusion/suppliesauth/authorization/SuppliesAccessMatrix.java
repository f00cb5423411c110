package org.homeinfusion.suppliesauth.authorization;

import org.homeinfusion.support.security.AccessMatrix;
import org.homeinfusion.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which supplies endpoint (docs/api.md); ownership is checked by {@link SuppliesAuthorizations}.
 * Supplies are delivered by a DME supplier or by the home infusion pharmacy itself, so both roles may post ETAs.
 */
@Configuration(proxyBeanMethods = false)
class SuppliesAccessMatrix {

    @Bean
    AccessMatrix accessMatrix() {
        return AccessMatrix.builder()
                .allow(HttpMethod.POST, "/api/supplies-authorizations", Role.SPECIALIST)
                .allow(HttpMethod.POST, "/api/supplies-authorizations/*/decision", Role.SPECIALIST, Role.PAYER)
                .allow(HttpMethod.PUT, "/api/supplies-authorizations/*/delivery", Role.SUPPLIER, Role.PHARMACY)
                .allow(HttpMethod.DELETE, "/api/supplies-authorizations/*/delivery", Role.SUPPLIER, Role.PHARMACY)
                .allowAnyRole(HttpMethod.GET, "/api/supplies-authorizations")
                .allowAnyRole(HttpMethod.GET, "/api/supplies-authorizations/*")
                .allow(HttpMethod.GET, "/api/supplies-authorizations/*/pas-claim", Role.SPECIALIST);
    }
}

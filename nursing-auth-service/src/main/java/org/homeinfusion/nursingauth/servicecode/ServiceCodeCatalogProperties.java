package org.homeinfusion.nursingauth.servicecode;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the service-code catalog comes from.
 *
 * @param location            the seed catalog (the reference HCPCS/CPT service codes with kind and status)
 * @param additionalLocations extra CSV files with the same columns, e.g. {@code file:/etc/home-infusion/services.csv}
 */
@ConfigurationProperties("home-infusion.service-code-catalog")
public record ServiceCodeCatalogProperties(
        @DefaultValue("classpath:catalog/hcpcs-services.csv") String location,
        @DefaultValue List<String> additionalLocations) {
}

package org.homeinfusion.suppliesauth.catalog;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the supply and per diem codes come from.
 *
 * @param location            the seed catalog (HCPCS home infusion service, per diem and supply codes)
 * @param additionalLocations extra CSV files with the same columns, e.g. {@code file:/etc/home-infusion/supplies.csv}
 */
@ConfigurationProperties("home-infusion.supply-catalog")
public record SupplyCatalogProperties(
        @DefaultValue("classpath:catalog/hcpcs-services.csv") String location,
        @DefaultValue List<String> additionalLocations) {
}

package org.homeinfusion.drugauth.billing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the drug catalog comes from.
 *
 * @param location            the seed catalog (CMS HCPCS drug codes with their billing units)
 * @param additionalLocations extra CSV files with the same columns, e.g. {@code file:/etc/home-infusion/drugs.csv}
 */
@ConfigurationProperties("home-infusion.drug-catalog")
public record DrugCatalogProperties(
        @DefaultValue("classpath:catalog/hcpcs-drugs.csv") String location,
        @DefaultValue List<String> additionalLocations) {
}

package org.homeinfusion.drugauth.billing;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.homeinfusion.support.catalog.CsvCatalogReader;
import org.homeinfusion.support.catalog.CsvRow;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The drug codes this service knows, loaded at start-up from the seed CSV and from any extra CSV
 * files named in {@code home-infusion.drug-catalog.additional-locations} (same columns; a later file
 * overrides an earlier one's code), so a new code needs a restart, not a rebuild.
 */
@Component
public class DrugCatalog {

    /** Columns: code,family,description,billing_unit_amount,billing_unit,notes (description may be quoted). */
    private static final CsvCatalogReader CSV =
            new CsvCatalogReader("drug catalog", "code", "description", "billing_unit_amount", "billing_unit");

    private final Map<String, DrugCode> codes;

    public DrugCatalog(DrugCatalogProperties properties, ResourceLoader resources) {
        codes = CSV.load(resources, properties.location(), properties.additionalLocations(),
                DrugCatalog::parse, DrugCode::code);
    }

    public Optional<DrugCode> find(String code) {
        return Optional.ofNullable(codes.get(code.toUpperCase(Locale.ROOT)));
    }

    public int size() {
        return codes.size();
    }

    private static DrugCode parse(CsvRow row) {
        String code = row.get("code").trim().toUpperCase(Locale.ROOT);
        String amount = row.getOrDefault("billing_unit_amount", "").trim();
        String unit = row.getOrDefault("billing_unit", "").trim();
        if (amount.isEmpty()) {
            return new DrugCode(code, row.get("description"), null, null);
        }
        DoseUnit billingUnit = DoseUnit.parse(unit)
                .orElseThrow(() -> new IllegalArgumentException("Unknown billing unit '" + unit + "' for " + code));
        return new DrugCode(code, row.get("description"), new BigDecimal(amount), billingUnit);
    }
}

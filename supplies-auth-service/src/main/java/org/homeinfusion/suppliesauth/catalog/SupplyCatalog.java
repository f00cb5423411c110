package org.homeinfusion.suppliesauth.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.homeinfusion.support.catalog.CsvCatalogReader;
import org.homeinfusion.support.catalog.CsvRow;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The service codes this service knows, loaded at start-up from the seed CSV and from any extra CSV
 * files named in {@code home-infusion.supply-catalog.additional-locations} (same columns; a later file
 * overrides an earlier one's code), so a new supply or per diem code needs a restart, not a rebuild.
 */
@Component
public class SupplyCatalog {

    /** Columns: code,kind,description,status,notes (description may be quoted); status is active or retired. */
    private static final CsvCatalogReader CSV =
            new CsvCatalogReader("supply catalog", "code", "kind", "description", "status");

    private final Map<String, CatalogCode> codes;

    public SupplyCatalog(SupplyCatalogProperties properties, ResourceLoader resources) {
        codes = CSV.load(resources, properties.location(), properties.additionalLocations(),
                SupplyCatalog::parse, CatalogCode::code);
    }

    public Optional<CatalogCode> find(String code) {
        return Optional.ofNullable(codes.get(code.toUpperCase(Locale.ROOT)));
    }

    public int size() {
        return codes.size();
    }

    private static CatalogCode parse(CsvRow row) {
        if (!row.has("status")) {
            throw new IllegalArgumentException("Expected code,kind,description,status[,notes] but got: " + row.line());
        }
        String code = row.get("code").trim().toUpperCase(Locale.ROOT);
        String status = row.get("status").trim().toLowerCase(Locale.ROOT);
        if (!status.equals("active") && !status.equals("retired")) {
            throw new IllegalArgumentException("Unknown status '" + status + "' for " + code);
        }
        return new CatalogCode(code, CatalogCode.Kind.parse(row.get("kind")), row.get("description"),
                status.equals("active"));
    }
}

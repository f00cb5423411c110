package org.homeinfusion.nursingauth.servicecode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.homeinfusion.support.catalog.CsvCatalogReader;
import org.homeinfusion.support.catalog.CsvRow;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The service codes this service knows, loaded at start-up from the seed CSV and from any extra CSV
 * files named in {@code home-infusion.service-code-catalog.additional-locations} (same columns; a later
 * file overrides an earlier one's code), so a new or retired code needs a restart, not a rebuild.
 */
@Component
public class ServiceCodeCatalog {

    /**
     * Columns: code,kind,description,status,notes. Description and notes may be quoted; an unquoted
     * note may itself hold commas, and as the last column it takes the rest of the line.
     */
    private static final CsvCatalogReader CSV =
            new CsvCatalogReader("service-code catalog", "code", "kind", "description", "status", "notes");

    private final Map<String, ServiceCode> codes;

    public ServiceCodeCatalog(ServiceCodeCatalogProperties properties, ResourceLoader resources) {
        codes = CSV.load(resources, properties.location(), properties.additionalLocations(),
                ServiceCodeCatalog::parse, ServiceCode::code);
    }

    public Optional<ServiceCode> find(String code) {
        return Optional.ofNullable(codes.get(code.toUpperCase(Locale.ROOT)));
    }

    /** The codes a nursing line may use today, in catalog order. */
    public List<String> activeNursingCodes() {
        return codes.values().stream().filter(c -> c.nursing() && !c.retired()).map(ServiceCode::code).toList();
    }

    public int size() {
        return codes.size();
    }

    private static ServiceCode parse(CsvRow row) {
        if (!row.has("status")) {
            throw new IllegalArgumentException("A service code needs code,kind,description,status: " + row.line());
        }
        String code = row.get("code").trim().toUpperCase(Locale.ROOT);
        String kind = row.get("kind").trim().toLowerCase(Locale.ROOT);
        String statusText = row.get("status").trim();
        ServiceCode.Status status;
        try {
            status = ServiceCode.Status.valueOf(statusText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown status '" + statusText + "' for " + code, e);
        }
        String notes = row.getOrDefault("notes", "").trim();
        return new ServiceCode(code, kind, row.get("description").trim(), status, notes);
    }
}

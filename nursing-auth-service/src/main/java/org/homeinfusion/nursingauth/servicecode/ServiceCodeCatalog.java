package org.homeinfusion.nursingauth.servicecode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The service codes this service knows, loaded at start-up from the seed CSV and from any extra CSV
 * files named in {@code home-infusion.service-code-catalog.additional-locations} (same columns; a later
 * file overrides an earlier one's code), so a new or retired code needs a restart, not a rebuild.
 */
@Component
public class ServiceCodeCatalog {

    private static final int COLUMNS_BEFORE_NOTES = 4;

    private final Map<String, ServiceCode> codes = new LinkedHashMap<>();

    public ServiceCodeCatalog(ServiceCodeCatalogProperties properties, ResourceLoader resources) {
        List<String> locations = new ArrayList<>();
        locations.add(properties.location());
        locations.addAll(properties.additionalLocations());
        for (String location : locations) {
            load(resources.getResource(location));
        }
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

    private void load(Resource resource) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                return;
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    ServiceCode code = parse(line);
                    codes.put(code.code(), code);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read service-code catalog " + resource.getDescription(), e);
        }
    }

    /**
     * Columns: code,kind,description,status,notes. Description and notes may be quoted; an unquoted
     * note may itself hold commas, so everything after the status is the note.
     */
    static ServiceCode parse(String line) {
        List<String> fields = splitCsv(line);
        if (fields.size() < COLUMNS_BEFORE_NOTES) {
            throw new IllegalArgumentException("A service code needs code,kind,description,status: " + line);
        }
        String code = fields.get(0).trim().toUpperCase(Locale.ROOT);
        String kind = fields.get(1).trim().toLowerCase(Locale.ROOT);
        String statusText = fields.get(3).trim();
        ServiceCode.Status status;
        try {
            status = ServiceCode.Status.valueOf(statusText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown status '" + statusText + "' for " + code, e);
        }
        String notes = String.join(",", fields.subList(COLUMNS_BEFORE_NOTES, fields.size())).trim();
        return new ServiceCode(code, kind, fields.get(2).trim(), status, notes);
    }

    private static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                current.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}

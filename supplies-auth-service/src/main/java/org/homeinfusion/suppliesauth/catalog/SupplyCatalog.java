package org.homeinfusion.suppliesauth.catalog;

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
 * files named in {@code home-infusion.supply-catalog.additional-locations} (same columns; a later file
 * overrides an earlier one's code), so a new supply or per diem code needs a restart, not a rebuild.
 */
@Component
public class SupplyCatalog {

    private final Map<String, CatalogCode> codes = new LinkedHashMap<>();

    public SupplyCatalog(SupplyCatalogProperties properties, ResourceLoader resources) {
        List<String> locations = new ArrayList<>();
        locations.add(properties.location());
        locations.addAll(properties.additionalLocations());
        for (String location : locations) {
            load(resources.getResource(location));
        }
    }

    public Optional<CatalogCode> find(String code) {
        return Optional.ofNullable(codes.get(code.toUpperCase(Locale.ROOT)));
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
                    CatalogCode code = parse(line);
                    codes.put(code.code(), code);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read supply catalog " + resource.getDescription(), e);
        }
    }

    /** Columns: code,kind,description,status,notes (description may be quoted); status is active or retired. */
    static CatalogCode parse(String line) {
        List<String> fields = splitCsv(line);
        if (fields.size() < 4) {
            throw new IllegalArgumentException("Expected code,kind,description,status[,notes] but got: " + line);
        }
        String code = fields.get(0).trim().toUpperCase(Locale.ROOT);
        String status = fields.get(3).trim().toLowerCase(Locale.ROOT);
        if (!status.equals("active") && !status.equals("retired")) {
            throw new IllegalArgumentException("Unknown status '" + status + "' for " + code);
        }
        return new CatalogCode(code, CatalogCode.Kind.parse(fields.get(1)), fields.get(2), status.equals("active"));
    }

    private static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
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

package org.homeinfusion.drugauth.billing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
 * The drug codes this service knows, loaded at start-up from the seed CSV and from any extra CSV
 * files named in {@code home-infusion.drug-catalog.additional-locations} (same columns; a later file
 * overrides an earlier one's code), so a new code needs a restart, not a rebuild.
 */
@Component
public class DrugCatalog {

    private final Map<String, DrugCode> codes = new LinkedHashMap<>();

    public DrugCatalog(DrugCatalogProperties properties, ResourceLoader resources) {
        List<String> locations = new ArrayList<>();
        locations.add(properties.location());
        locations.addAll(properties.additionalLocations());
        for (String location : locations) {
            load(resources.getResource(location));
        }
    }

    public Optional<DrugCode> find(String code) {
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
                    DrugCode code = parse(line);
                    codes.put(code.code(), code);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read drug catalog " + resource.getDescription(), e);
        }
    }

    /** Columns: code,family,description,billing_unit_amount,billing_unit,notes (description may be quoted). */
    static DrugCode parse(String line) {
        List<String> fields = splitCsv(line);
        String code = fields.get(0).trim().toUpperCase(Locale.ROOT);
        String amount = fields.size() > 3 ? fields.get(3).trim() : "";
        String unit = fields.size() > 4 ? fields.get(4).trim() : "";
        if (amount.isEmpty()) {
            return new DrugCode(code, fields.get(2), null, null);
        }
        DoseUnit billingUnit = DoseUnit.parse(unit)
                .orElseThrow(() -> new IllegalArgumentException("Unknown billing unit '" + unit + "' for " + code));
        return new DrugCode(code, fields.get(2), new BigDecimal(amount), billingUnit);
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

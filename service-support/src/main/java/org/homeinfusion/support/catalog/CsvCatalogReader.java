package org.homeinfusion.support.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads a catalog from its seed CSV and any extra CSV files with the same columns: a header line, then
 * one record a line (blank lines skipped). Fields may be double-quoted so a description can hold
 * commas; a doubled quote inside stands for one. A line with more fields than the header gives the
 * rest, joined by commas, to the last column, so a free-text note there may hold commas unquoted.
 */
public final class CsvCatalogReader {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String catalog;
    private final List<String> columns;

    /**
     * @param catalog what the files hold, for messages, e.g. {@code drug catalog}
     * @param columns the columns the catalog reads; a file whose header lacks one is refused rather
     *                than read as if every line left it empty
     */
    public CsvCatalogReader(String catalog, String... columns) {
        this.catalog = catalog;
        this.columns = List.of(columns);
    }

    /**
     * Every row parsed, by {@code key}: a later row replaces an earlier one with the same key in its
     * place, so an additional file corrects the seed's entry without moving it in catalog order.
     */
    public <T> Map<String, T> load(ResourceLoader resources, String location, List<String> additionalLocations,
            Function<CsvRow, T> parse, Function<T, String> key) {
        Map<String, T> entries = new LinkedHashMap<>();
        for (CsvRow row : read(resources, location, additionalLocations)) {
            T entry = parse.apply(row);
            entries.put(key.apply(entry), entry);
        }
        return Collections.unmodifiableMap(entries);
    }

    /** The rows of {@code location}, then of each additional location in order. */
    public List<CsvRow> read(ResourceLoader resources, String location, List<String> additionalLocations) {
        List<CsvRow> rows = new ArrayList<>(read(resources.getResource(location)));
        for (String additional : additionalLocations) {
            rows.addAll(read(resources.getResource(additional)));
        }
        return rows;
    }

    public List<CsvRow> read(Resource resource) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String headerLine = reader.readLine();
            if (headerLine == null) {
                return List.of();
            }
            List<String> header = header(headerLine, resource);
            List<CsvRow> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(row(header, line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + catalog + " " + resource.getDescription(), e);
        }
    }

    private List<String> header(String line, Resource resource) {
        // Spreadsheet programs often save UTF-8 with a byte order mark, which would hide the first column's name.
        String text = !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
        List<String> header = split(text).stream().map(name -> name.trim().toLowerCase(Locale.ROOT)).toList();
        for (String column : columns) {
            if (!header.contains(column)) {
                throw new IllegalArgumentException("The " + catalog + " " + resource.getDescription()
                        + " has no column '" + column + "' in its header: " + line);
            }
        }
        return header;
    }

    private static CsvRow row(List<String> header, String line) {
        List<String> fields = split(line);
        Map<String, String> values = new LinkedHashMap<>();
        int last = header.size() - 1;
        for (int i = 0; i < Math.min(last, fields.size()); i++) {
            values.put(header.get(i), fields.get(i));
        }
        if (fields.size() > last) {
            values.put(header.get(last), String.join(",", fields.subList(last, fields.size())));
        }
        return new CsvRow(line, values);
    }

    static List<String> split(String line) {
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

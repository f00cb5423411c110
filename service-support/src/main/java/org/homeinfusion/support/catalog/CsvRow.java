package org.homeinfusion.support.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record of a CSV catalog: its values by header column, and the record as CSV text for messages.
 *
 * @param values the columns the line reaches; a line that stops short has no value for the rest
 */
public record CsvRow(String line, Map<String, String> values) {

    public CsvRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean has(String column) {
        return values.containsKey(column);
    }

    /** The value as written (untrimmed); a line that stops short of the column is an error in the catalog. */
    public String get(String column) {
        String value = values.get(column);
        if (value == null) {
            throw new IllegalArgumentException("No " + column + " in: " + line);
        }
        return value;
    }

    public String getOrDefault(String column, String fallback) {
        return values.getOrDefault(column, fallback);
    }
}

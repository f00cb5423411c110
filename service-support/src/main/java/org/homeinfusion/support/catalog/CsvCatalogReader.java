package org.homeinfusion.support.catalog;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads a catalog from its seed CSV and any extra CSV files with the same columns: a header record, then
 * one record per entry (blank lines skipped), as RFC 4180 and spreadsheet programs write them — a
 * double-quoted field may hold commas, doubled quotes and line breaks. A record with more fields than the
 * header gives the rest, joined by commas, to the last column, so a free-text note there may hold commas
 * unquoted.
 */
public final class CsvCatalogReader {

    private static final int BYTE_ORDER_MARK = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

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
        try (Reader reader = withoutByteOrderMark(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8));
                CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return List.of();
            }
            List<String> header = header(records.next(), resource);
            List<CsvRow> rows = new ArrayList<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                // A line of spaces is blank to a person editing the file, though not to RFC 4180.
                if (!record.stream().allMatch(String::isBlank)) {
                    rows.add(row(header, record));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + catalog + " " + resource.getDescription(), e);
        } catch (UncheckedIOException e) {
            // Commons CSV reports malformed input (an unterminated quote) this way while iterating.
            throw new IllegalArgumentException("The " + catalog + " " + resource.getDescription()
                    + " is not valid CSV: " + e.getCause().getMessage(), e);
        }
    }

    /** Spreadsheet programs often save UTF-8 with a byte order mark, which would hide the first column's name. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            pushback.unread(first);
        }
        return pushback;
    }

    private List<String> header(CSVRecord record, Resource resource) {
        List<String> header = record.stream().map(name -> name.trim().toLowerCase(Locale.ROOT)).toList();
        for (String column : columns) {
            if (!header.contains(column)) {
                throw new IllegalArgumentException("The " + catalog + " " + resource.getDescription()
                        + " has no column '" + column + "' in its header: " + text(record));
            }
        }
        return header;
    }

    private static CsvRow row(List<String> header, CSVRecord record) {
        List<String> fields = record.toList();
        Map<String, String> values = new LinkedHashMap<>();
        int last = header.size() - 1;
        for (int i = 0; i < Math.min(last, fields.size()); i++) {
            values.put(header.get(i), fields.get(i));
        }
        if (fields.size() > last) {
            values.put(header.get(last), String.join(",", fields.subList(last, fields.size())));
        }
        return new CsvRow(text(record), values);
    }

    /** The record as CSV again, for messages (it may have spanned several lines of the file). */
    private static String text(CSVRecord record) {
        return FORMAT.format(record.values());
    }
}

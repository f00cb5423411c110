package org.homeinfusion.support.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.DefaultResourceLoader;

class CsvCatalogReaderUnitTests {

    private final CsvCatalogReader reader = new CsvCatalogReader("test catalog", "code", "description", "notes");

    @Test
    void readsQuotedFieldsHoldingCommasAndDoubledQuotes() {
        List<CsvRow> rows = read("code,description,notes\nJ1569,\"Injection, immune globulin \"\"Gammagard\"\"\",IVIG\n");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("code")).isEqualTo("J1569");
            assertThat(row.get("description")).isEqualTo("Injection, immune globulin \"Gammagard\"");
            assertThat(row.get("notes")).isEqualTo("IVIG");
        });
    }

    @Test
    void readsAQuotedFieldHoldingACommaAndALineBreakAsOneRecord() {
        List<CsvRow> rows = read("code,description,notes\r\n"
                + "E0781,\"Ambulatory infusion pump, single or multiple channels,\r\nwith administrative equipment\",\"pump\nrental\"\r\n"
                + "E0776,IV pole,\r\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("description"))
                .isEqualTo("Ambulatory infusion pump, single or multiple channels,\r\nwith administrative equipment");
        assertThat(rows.get(0).get("notes")).isEqualTo("pump\nrental");
        assertThat(rows.get(1).get("code")).isEqualTo("E0776");
    }

    @Test
    void refusesAnUnterminatedQuoteNamingTheCatalog() {
        assertThatThrownBy(() -> read("code,description,notes\nA,\"never closed,n\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test catalog");
    }

    @Test
    void givesTheRestOfALongLineToTheLastColumn() {
        CsvRow row = read("code,description,notes\nS9338,\"Home infusion, per diem\",bundles supplies, equipment\n").get(0);

        assertThat(row.get("notes")).isEqualTo("bundles supplies, equipment");
    }

    @Test
    void leavesTheColumnsALineStopsShortOfWithoutAValue() {
        CsvRow row = read("code,description,notes\nJ3490,Unclassified drugs\n").get(0);

        assertThat(row.has("description")).isTrue();
        assertThat(row.has("notes")).isFalse();
        assertThat(row.getOrDefault("notes", "")).isEmpty();
        assertThatThrownBy(() -> row.get("notes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("J3490,Unclassified drugs");
    }

    @Test
    void skipsBlankLinesAndReadsAnEmptyFileAsNoRows() {
        assertThat(read("code,description,notes\n\nA,a,\n   \nB,b,\n"))
                .extracting(row -> row.get("code")).containsExactly("A", "B");
        assertThat(read("")).isEmpty();
    }

    @Test
    void matchesHeaderNamesWhateverTheirCaseOrAByteOrderMark() {
        CsvRow row = read("\uFEFFCode, Description ,NOTES\nA,a,n\n").get(0);

        assertThat(row.get("code")).isEqualTo("A");
        assertThat(row.get("description")).isEqualTo("a");
    }

    @Test
    void refusesAFileWhoseHeaderLacksAColumnTheCatalogReads() {
        assertThatThrownBy(() -> read("code,desc,notes\nA,a,n\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test catalog").hasMessageContaining("description");
    }

    @Test
    void readsTheSeedThenEachAdditionalFileInOrder(@TempDir Path folder) throws IOException {
        Path seed = Files.writeString(folder.resolve("seed.csv"), "code,description,notes\nA,seed,\nB,seed,\n");
        Path first = Files.writeString(folder.resolve("first.csv"), "code,description,notes\nA,first,\n");
        Path second = Files.writeString(folder.resolve("second.csv"), "code,description,notes\nC,second,\n");

        List<CsvRow> rows = reader.read(new DefaultResourceLoader(), seed.toUri().toString(),
                List.of(first.toUri().toString(), second.toUri().toString()));

        assertThat(rows).extracting(row -> row.get("code") + "=" + row.get("description"))
                .containsExactly("A=seed", "B=seed", "A=first", "C=second");
    }

    @Test
    void letsALaterFileReplaceAnEntryWithoutMovingIt(@TempDir Path folder) throws IOException {
        Path seed = Files.writeString(folder.resolve("seed.csv"), "code,description,notes\nA,seed,\nB,seed,\n");
        Path extra = Files.writeString(folder.resolve("extra.csv"), "code,description,notes\nC,extra,\nA,extra,\n");

        Map<String, String> descriptions = reader.load(new DefaultResourceLoader(), seed.toUri().toString(),
                List.of(extra.toUri().toString()), row -> row.get("code") + "=" + row.get("description"),
                entry -> entry.substring(0, 1));

        assertThat(descriptions.values()).containsExactly("A=extra", "B=seed", "C=extra");
    }

    @Test
    void namesTheCatalogAndTheFileItCannotRead(@TempDir Path folder) {
        String missing = folder.resolve("missing.csv").toUri().toString();

        assertThatThrownBy(() -> reader.read(new DefaultResourceLoader(), missing, List.of()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("test catalog").hasMessageContaining("missing.csv");
    }

    private List<CsvRow> read(String csv) {
        return reader.read(new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)));
    }
}

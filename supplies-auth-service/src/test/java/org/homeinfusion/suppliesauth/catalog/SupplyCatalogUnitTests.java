package org.homeinfusion.suppliesauth.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

class SupplyCatalogUnitTests {

    @Test
    void loadsTheSeedCatalogWithKindsAndQuotedDescriptions() {
        SupplyCatalog catalog = catalog(List.of());

        assertThat(catalog.find("E0781")).hasValueSatisfying(code -> {
            assertThat(code.kind()).isEqualTo(CatalogCode.Kind.SUPPLY);
            assertThat(code.description()).startsWith("Ambulatory infusion pump, single or multiple channels");
            assertThat(code.active()).isTrue();
        });
        assertThat(catalog.find("s9338")).hasValueSatisfying(code -> assertThat(code.kind()).isEqualTo(CatalogCode.Kind.PER_DIEM));
        assertThat(catalog.find("Q2052")).hasValueSatisfying(code -> assertThat(code.kind()).isEqualTo(CatalogCode.Kind.PER_DIEM));
        assertThat(catalog.find("G0154")).hasValueSatisfying(code -> assertThat(code.active()).isFalse());
        assertThat(catalog.find("J1569")).isEmpty();
    }

    @Test
    void extendsTheCatalogFromAConfiguredFileWithoutARebuild(@TempDir Path folder) throws IOException {
        Path extra = folder.resolve("extra-supplies.csv");
        Files.writeString(extra, """
                code,kind,description,status,notes
                A4223,supply,"Infusion supplies not used with external infusion pump, per cassette or bag",active,added by configuration
                S9338,per-diem,"Home infusion therapy, immunotherapy; per diem",retired,overrides the seed
                """);

        SupplyCatalog catalog = catalog(List.of(extra.toUri().toString()));

        assertThat(catalog.find("A4223")).hasValueSatisfying(code -> assertThat(code.kind()).isEqualTo(CatalogCode.Kind.SUPPLY));
        assertThat(catalog.find("S9338")).hasValueSatisfying(code -> assertThat(code.active()).isFalse());
    }

    @Test
    void refusesToStartOnACodeOfUnknownKind(@TempDir Path folder) throws IOException {
        Path extra = folder.resolve("typo.csv");
        Files.writeString(extra, """
                code,kind,description,status,notes
                E0782,suply,"Infusion pump, implantable",active,
                """);

        assertThatThrownBy(() -> catalog(List.of(extra.toUri().toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("suply");
    }

    private static SupplyCatalog catalog(List<String> additional) {
        return new SupplyCatalog(new SupplyCatalogProperties("classpath:catalog/hcpcs-services.csv", additional),
                new DefaultResourceLoader());
    }
}

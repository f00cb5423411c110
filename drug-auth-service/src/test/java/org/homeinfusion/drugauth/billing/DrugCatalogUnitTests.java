package org.homeinfusion.drugauth.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

class DrugCatalogUnitTests {

    @Test
    void loadsTheSeedCatalogWithQuotedDescriptions() {
        DrugCatalog catalog = catalog(List.of());

        assertThat(catalog.find("J1569")).hasValueSatisfying(code -> {
            assertThat(code.billingUnitAmount()).isEqualByComparingTo("500");
            assertThat(code.billingUnit()).isEqualTo(DoseUnit.MG);
            assertThat(code.description()).contains("Gammagard Liquid");
        });
        assertThat(catalog.find("j3490")).hasValueSatisfying(code -> assertThat(code.unlisted()).isTrue());
    }

    @Test
    void extendsTheCatalogFromAConfiguredFileWithoutARebuild(@TempDir Path folder) throws IOException {
        Path extra = folder.resolve("extra-drugs.csv");
        Files.writeString(extra, """
                code,family,description,billing_unit_amount,billing_unit,notes
                J9999,J,"Injection, new biologic",5,mg,added by configuration
                J1745,J,"Injection, infliximab (re-priced)",20,mg,overrides the seed
                """);

        DrugCatalog catalog = catalog(List.of(extra.toUri().toString()));

        assertThat(catalog.find("J9999")).hasValueSatisfying(code -> assertThat(code.billingUnitAmount()).isEqualByComparingTo(BigDecimal.valueOf(5)));
        assertThat(catalog.find("J1745")).hasValueSatisfying(code -> assertThat(code.billingUnitAmount()).isEqualByComparingTo("20"));
    }

    private static DrugCatalog catalog(List<String> additional) {
        return new DrugCatalog(new DrugCatalogProperties("classpath:catalog/hcpcs-drugs.csv", additional),
                new DefaultResourceLoader());
    }
}

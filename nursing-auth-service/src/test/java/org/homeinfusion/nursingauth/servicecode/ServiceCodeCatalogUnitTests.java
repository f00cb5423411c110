package org.homeinfusion.nursingauth.servicecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.homeinfusion.support.problem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

class ServiceCodeCatalogUnitTests {

    @Test
    void loadsTheSeedCatalogWithQuotedDescriptionsAndNotesHoldingCommas() {
        ServiceCodeCatalog catalog = catalog(List.of());

        assertThat(catalog.size()).isEqualTo(30);
        assertThat(catalog.find("s9123")).hasValueSatisfying(code -> {
            assertThat(code.nursing()).isTrue();
            assertThat(code.retired()).isFalse();
            assertThat(code.description()).isEqualTo("Nursing care, in the home; by registered nurse, per hour");
        });
        assertThat(catalog.find("S9338")).hasValueSatisfying(code -> {
            assertThat(code.kind()).isEqualTo("per-diem");
            assertThat(code.notes()).isEqualTo(
                    "bundles pharmacy services, supplies and equipment; drug and nursing billed separately");
        });
        assertThat(catalog.find("G0154")).hasValueSatisfying(code -> assertThat(code.retired()).isTrue());
        assertThat(catalog.activeNursingCodes()).containsExactly("99601", "99602", "S9123", "S9124", "G0299", "G0300");
    }

    @Test
    void extendsTheCatalogFromAConfiguredFileWithoutARebuild(@TempDir Path folder) throws IOException {
        Path extra = folder.resolve("extra-services.csv");
        Files.writeString(extra, """
                code,kind,description,status,notes
                G0493,nursing,"Skilled services of a registered nurse (RN) for the observation and assessment, each 15 minutes",active,added by configuration
                99602,nursing,"Home infusion/specialty drug administration, each additional hour",retired,retired by configuration
                """);
        ServiceCodePreflight preflight = new ServiceCodePreflight(catalog(List.of(extra.toUri().toString())));

        assertThat(preflight.check(new ServiceCodePreflight.ServiceLine("G0493", "MEDICARE"))).isEmpty();
        assertThat(preflight.check(new ServiceCodePreflight.ServiceLine("99602", "COMMERCIAL")))
                .extracting(Violation::code).containsExactly("RETIRED_CODE");
    }

    @Test
    void refusesToStartWithAStatusItDoesNotKnow(@TempDir Path folder) throws IOException {
        Path extra = folder.resolve("typo.csv");
        Files.writeString(extra, "code,kind,description,status,notes\nG0493,nursing,RN assessment,activ,\n");

        assertThatThrownBy(() -> catalog(List.of(extra.toUri().toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("activ").hasMessageContaining("G0493");
    }

    private static ServiceCodeCatalog catalog(List<String> additional) {
        return new ServiceCodeCatalog(new ServiceCodeCatalogProperties("classpath:catalog/hcpcs-services.csv", additional),
                new DefaultResourceLoader());
    }
}

package org.homeinfusion.pas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PasClaimWriterUnitTests {

    /** Set to regenerate the golden files after a deliberate change: {@code -Dpas.golden.update=true}. */
    private static final boolean UPDATE_GOLDEN = Boolean.getBoolean("pas.golden.update");

    private final PasClaimWriter writer = new PasClaimWriter();

    static Stream<Arguments> pillars() {
        return Stream.of(Arguments.of("drug", ClaimFactsExamples.drug()),
                Arguments.of("nursing", ClaimFactsExamples.nursing()),
                Arguments.of("supplies", ClaimFactsExamples.supplies()),
                Arguments.of("supplies-per-diem", ClaimFactsExamples.perDiem()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pillars")
    void writesTheGoldenBundle(String pillar, ClaimFacts facts) throws IOException {
        String written = writer.write(facts);
        String golden = "golden/pas-claim-" + pillar + ".json";
        if (UPDATE_GOLDEN) {
            Path file = Path.of("src/test/resources", golden);
            Files.createDirectories(file.getParent());
            Files.writeString(file, written + "\n");
        }
        assertThat(written + "\n").isEqualTo(resource(golden));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pillars")
    void everyBundleParsesAndValidatesAgainstBaseR4WithoutError(String pillar, ClaimFacts facts) {
        String written = writer.write(facts);

        Bundle parsed = PasFhir.context().newJsonParser().parseResource(Bundle.class, written);

        assertThat(parsed.getEntry()).hasSize(6);
        assertThat(BaseR4Validator.errors(written)).as(pillar).isEmpty();
    }

    @Test
    void theValidatorCatchesAnInvalidClaim() {
        // Guards the test above: a validator that never complains would prove nothing.
        String invalid = writer.write(ClaimFactsExamples.drug()).replace("\"use\": \"preauthorization\"",
                "\"use\": \"wish\"");

        assertThat(BaseR4Validator.errors(invalid)).isNotEmpty();
    }

    @Test
    void theValidatorCatchesABrokenInvariant() {
        // org-1: an organization needs a name or an identifier; the schema alone would let this pass.
        Bundle bundle = writer.bundle(ClaimFactsExamples.drug());
        ((Organization) bundle.getEntry().get(2).getResource()).getIdentifier().clear();

        assertThat(BaseR4Validator.errors(PasFhir.context().newJsonParser().encodeResourceToString(bundle)))
                .anySatisfy(error -> assertThat(error).startsWith("org-1"));
    }

    @Test
    void theClaimIsAPreauthorizationIdentifiedByTheAuthorizationId() {
        Bundle bundle = writer.bundle(ClaimFactsExamples.drug());
        Claim claim = (Claim) bundle.getEntryFirstRep().getResource();

        assertThat(claim.getUse()).isEqualTo(Claim.Use.PREAUTHORIZATION);
        assertThat(claim.getIdElement().getIdPart()).isEqualTo(ClaimFactsExamples.DRUG_ID.toString());
        assertThat(claim.getIdentifierFirstRep().getSystem()).isEqualTo(PasFhir.AUTHORIZATION_SYSTEM);
        assertThat(claim.getIdentifierFirstRep().getValue()).isEqualTo(ClaimFactsExamples.DRUG_ID.toString());
        assertThat(claim.getItemFirstRep().getProductOrService().getCodingFirstRep().getCode()).isEqualTo("J1569");
        assertThat(claim.getItemFirstRep().getQuantity().getValue().intValue()).isEqualTo(56);
        assertThat(claim.getItemFirstRep().getDetailFirstRep().getProductOrService().getCodingFirstRep().getCode())
                .isEqualTo("00944270005");
        assertThat(claim.getItemFirstRep().getLocationCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("12");
    }

    @Test
    void thePatientIsOnlyItsOpaqueReference() {
        Bundle bundle = writer.bundle(ClaimFactsExamples.nursing());
        Patient patient = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst().orElseThrow();

        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("PT-88");
        assertThat(patient.hasName()).isFalse();
        assertThat(patient.hasBirthDate()).isFalse();
        assertThat(patient.hasAddress()).isFalse();
        assertThat(patient.hasGender()).isFalse();
    }

    @Test
    void nursingCarriesItsVisitsAndFrequency() {
        Claim claim = (Claim) writer.bundle(ClaimFactsExamples.nursing()).getEntryFirstRep().getResource();

        assertThat(claim.getItemFirstRep().getQuantity().getValue().intValue()).isEqualTo(8);
        assertThat(claim.getSupportingInfo()).anySatisfy(info ->
                assertThat(info.getCode().getCodingFirstRep().getCode()).isEqualTo("2w4"));
    }

    @Test
    void separateSuppliesAreOneItemEach() {
        Claim claim = (Claim) writer.bundle(ClaimFactsExamples.supplies()).getEntryFirstRep().getResource();

        assertThat(claim.getItem()).extracting(item -> item.getProductOrService().getCodingFirstRep().getCode())
                .containsExactly("E0781", "A4222");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = PasClaimWriterUnitTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package org.homeinfusion.pas;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a PAS claim says about one authorization, in neutral terms: each pillar fills it from its own
 * aggregate, so the FHIR mapping never sees a pillar's domain types. No patient name or birth date
 * exists here to leak: the patient is only the opaque {@code patientRef}.
 */
public record ClaimFacts(
        UUID authorizationId,
        String caseId,
        String patientRef,
        String specialistOrgId,
        Servicing servicing,
        String servicingOrgId,
        String payerId,
        String plan,
        String placeOfService,
        LocalDate requestedFrom,
        LocalDate requestedTo,
        Instant requestedAt,
        List<Line> lines) {

    public ClaimFacts {
        lines = List.copyOf(lines);
    }

    /** Who renders the service the payer is asked to authorize. */
    public enum Servicing {
        PHARMACY("home infusion pharmacy"), AGENCY("home health agency"), SUPPLIER("supplier");

        private final String label;

        Servicing(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * One requested service line: a HCPCS or CPT code, its quantity (billing units, visits, items; absent
     * for a per diem code), the drug's NDC where one was given, and the visit frequency for nursing.
     */
    public record Line(String code, Integer quantity, String ndc, String frequency) {

        public static Line of(String code, Integer quantity) {
            return new Line(code, quantity, null, null);
        }
    }

    /** The quantity the payer is asked for, which an approval without its own quantity grants. */
    Integer requestedQuantity() {
        return lines.isEmpty() ? null : lines.get(0).quantity();
    }
}

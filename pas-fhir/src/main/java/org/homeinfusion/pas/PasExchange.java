package org.homeinfusion.pas;

import org.homeinfusion.support.decision.ApprovedQuantity;
import org.homeinfusion.support.decision.DecisionRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The two PAS exchanges as a pillar's controller needs them, so each pillar only says how its
 * authorization reads as claim facts and which field its approved quantity fills.
 */
public final class PasExchange {

    public static final MediaType FHIR_JSON = MediaType.parseMediaType(PasFhir.MEDIA_TYPE);

    private static final PasClaimWriter WRITER = new PasClaimWriter();
    private static final PasDecisionReader READER = new PasDecisionReader();

    private PasExchange() {
    }

    /** {@code GET …/pas-claim}: the request Bundle, typed as FHIR whatever JSON flavour the client accepts. */
    public static ResponseEntity<byte[]> claimBundle(ClaimFacts facts) {
        return ResponseEntity.ok().contentType(FHIR_JSON).body(WRITER.writeBytes(facts));
    }

    /** {@code POST …/decision} with a FHIR body: the same decision request the JSON form would have posted. */
    public static DecisionRequest decision(byte[] body, ClaimFacts claim, ApprovedQuantity target) {
        return READER.read(body, claim, target);
    }
}

package org.homeinfusion.coordinator.console;

import java.util.List;

/**
 * Which forms the case page offers this user: those of the organization the API would accept them from. Offering a
 * form grants nothing; the API still decides each call.
 */
public record CaseActions(boolean drugDelivery, boolean visit, boolean suppliesDelivery, List<PillarCard> decisions) {

    static CaseActions of(ConsoleUser user, CasePage page) {
        PillarCard drug = page.pillar("drug");
        PillarCard nursing = page.pillar("nursing");
        PillarCard supplies = page.pillar("supplies");
        boolean specialist = user.actsAs("SPECIALIST", page.specialistOrgId());
        List<PillarCard> decisions = page.pillars().stream()
                .filter(card -> card.authorizationId() != null && !"CANCELLED".equals(card.state())
                        && !"NOT_REQUIRED".equals(card.state()))
                .filter(card -> specialist || (card.payerId() != null && user.actsAs("PAYER", card.payerId())))
                .toList();
        return new CaseActions(
                drug.authorizationId() != null && user.actsAs("PHARMACY", drug.organizationId()),
                nursing.authorizationId() != null && user.actsAs("AGENCY", nursing.organizationId()),
                supplies.authorizationId() != null && !"NOT_REQUIRED".equals(supplies.state())
                        && (user.actsAs("SUPPLIER", supplies.organizationId())
                        || user.actsAs("PHARMACY", supplies.organizationId())),
                decisions);
    }

    public boolean any() {
        return drugDelivery || visit || suppliesDelivery || !decisions.isEmpty();
    }
}

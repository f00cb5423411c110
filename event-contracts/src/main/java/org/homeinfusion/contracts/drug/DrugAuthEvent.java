package org.homeinfusion.contracts.drug;

import org.homeinfusion.contracts.ContractEvent;

/** An event on {@code drug-auth.events}. */
public sealed interface DrugAuthEvent extends ContractEvent
        permits DrugAuthorizationRequested, DrugAuthorizationDecided, DrugDeliveryScheduled, DrugDeliveryCancelled {

    DrugAuthorization authorization();

    @Override
    default String caseId() {
        return authorization().caseId();
    }

    @Override
    default String specialistOrgId() {
        return authorization().specialistOrgId();
    }
}

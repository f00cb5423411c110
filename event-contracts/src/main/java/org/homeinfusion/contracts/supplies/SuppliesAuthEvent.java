package org.homeinfusion.contracts.supplies;

import org.homeinfusion.contracts.ContractEvent;

/** An event on {@code supplies-auth.events}. */
public sealed interface SuppliesAuthEvent extends ContractEvent
        permits SuppliesAuthorizationRequested, SuppliesAuthorizationDecided, SuppliesDeliveryScheduled,
        SuppliesDeliveryCancelled {

    SuppliesAuthorization authorization();

    @Override
    default String caseId() {
        return authorization().caseId();
    }

    @Override
    default String specialistOrgId() {
        return authorization().specialistOrgId();
    }
}

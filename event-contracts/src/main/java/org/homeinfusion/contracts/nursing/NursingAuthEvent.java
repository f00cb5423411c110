package org.homeinfusion.contracts.nursing;

import org.homeinfusion.contracts.ContractEvent;

/** An event on {@code nursing-auth.events}. */
public sealed interface NursingAuthEvent extends ContractEvent
        permits NursingAuthorizationRequested, NursingAuthorizationDecided, NurseVisitConfirmed,
        NurseVisitCancelled, NurseVisitCompleted {

    NursingAuthorization authorization();

    @Override
    default String caseId() {
        return authorization().caseId();
    }

    @Override
    default String specialistOrgId() {
        return authorization().specialistOrgId();
    }
}

package org.homeinfusion.contracts;

/**
 * Any event of the contract. The event name (the record's simple name) goes into {@code ce_type};
 * the case it belongs to is identified by the specialist organization and the caseId, because two
 * organizations may use the same caseId.
 */
public interface ContractEvent {

    String caseId();

    String specialistOrgId();

    default String eventName() {
        return getClass().getSimpleName();
    }
}

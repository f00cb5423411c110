package org.homeinfusion.contracts;

/**
 * Every Kafka topic of the system with its key and value, in one place. Each topic has a single
 * writer; every record's key is the {@code caseId}.
 */
public final class Topics {

    /** Key caseId, value one of {@link org.homeinfusion.contracts.drug.DrugAuthEvent}; written by drug-auth-service. */
    public static final String DRUG_AUTH_EVENTS = "drug-auth.events";

    /** Key caseId, value one of {@link org.homeinfusion.contracts.nursing.NursingAuthEvent}; written by nursing-auth-service. */
    public static final String NURSING_AUTH_EVENTS = "nursing-auth.events";

    /** Key caseId, value one of {@link org.homeinfusion.contracts.supplies.SuppliesAuthEvent}; written by supplies-auth-service. */
    public static final String SUPPLIES_AUTH_EVENTS = "supplies-auth.events";

    /** Key caseId, value one of {@link org.homeinfusion.contracts.readiness.ReadinessEvent}; written by coordinator-service, exactly once per readiness version. */
    public static final String CASE_READINESS_EVENTS = "case-readiness.events";

    /** Key caseId, value one of {@link org.homeinfusion.contracts.alerts.AlertEvent}; written by coordinator-service, exactly once per alertId. */
    public static final String CASE_ALERTS_EVENTS = "case-alerts.events";

    /** Pillar records the coordinator could not read, with the reason in the {@code x-dead-letter-reason} header. */
    public static final String COORDINATOR_DEAD_LETTERS = "coordinator.pillar-events.dlq";

    private Topics() {
    }
}

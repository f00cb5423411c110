package org.homeinfusion.contracts.drug;

/** The pharmacy posted or replaced its delivery window. */
public record DrugDeliveryScheduled(DrugAuthorization authorization) implements DrugAuthEvent {
}

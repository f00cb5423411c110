package org.homeinfusion.contracts.drug;

/** The pharmacy withdrew its delivery window. */
public record DrugDeliveryCancelled(DrugAuthorization authorization) implements DrugAuthEvent {
}

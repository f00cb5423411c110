package org.homeinfusion.contracts.drug;

/** A specialist asked for a drug authorization. */
public record DrugAuthorizationRequested(DrugAuthorization authorization) implements DrugAuthEvent {
}

package org.homeinfusion.contracts.drug;

/** A payer (or the specialist on its behalf) recorded a decision. */
public record DrugAuthorizationDecided(DrugAuthorization authorization) implements DrugAuthEvent {
}

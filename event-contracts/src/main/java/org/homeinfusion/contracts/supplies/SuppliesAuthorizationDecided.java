package org.homeinfusion.contracts.supplies;

/** A payer (or the specialist on its behalf) recorded a decision. */
public record SuppliesAuthorizationDecided(SuppliesAuthorization authorization) implements SuppliesAuthEvent {
}

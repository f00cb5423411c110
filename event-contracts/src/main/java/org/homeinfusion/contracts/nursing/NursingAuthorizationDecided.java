package org.homeinfusion.contracts.nursing;

/** A payer (or the specialist on its behalf) recorded a decision. */
public record NursingAuthorizationDecided(NursingAuthorization authorization) implements NursingAuthEvent {
}

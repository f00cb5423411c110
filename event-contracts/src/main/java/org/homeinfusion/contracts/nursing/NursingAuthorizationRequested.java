package org.homeinfusion.contracts.nursing;

/** A specialist asked for a nursing authorization. */
public record NursingAuthorizationRequested(NursingAuthorization authorization) implements NursingAuthEvent {
}

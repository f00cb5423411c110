package org.homeinfusion.contracts.nursing;

/** The agency confirmed or moved the next visit. */
public record NurseVisitConfirmed(NursingAuthorization authorization) implements NursingAuthEvent {
}

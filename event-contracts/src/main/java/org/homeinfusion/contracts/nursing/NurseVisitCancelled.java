package org.homeinfusion.contracts.nursing;

/** The agency cancelled the next visit. */
public record NurseVisitCancelled(NursingAuthorization authorization) implements NursingAuthEvent {
}

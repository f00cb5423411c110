package org.homeinfusion.contracts.nursing;

/** The agency recorded the visit as done: one more visit used, the slot cleared. */
public record NurseVisitCompleted(NursingAuthorization authorization) implements NursingAuthEvent {
}

package org.homeinfusion.coordinator.readiness;

import java.util.List;

/**
 * The verdict on one case: READY with the schedule to confirm, or NOT_READY with every blocker that
 * holds, so each organization sees at once everything it still has to do.
 *
 * @param schedule what was agreed, only when READY
 * @param summary  the sentence a specialist reads out to close the loop, or the blockers in brief
 */
public record Readiness(ReadinessState state, List<Blocker> blockers, Schedule schedule, String summary) {

    public Readiness {
        blockers = List.copyOf(blockers);
    }

    public boolean isReady() {
        return state == ReadinessState.READY;
    }

    public List<String> blockerCodes() {
        return blockers.stream().map(Blocker::code).toList();
    }
}

package org.homeinfusion.coordinator.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.homeinfusion.contracts.ContractEvent;

/**
 * Work that belongs to a case's change and must commit or roll back with it, such as planning and raising the
 * case's alerts. It runs in the transaction that holds the cases' row locks, after their new state is stored, so
 * every change of a case (an event, or the clock) is seen by exactly one follow-up run at a time.
 */
public interface CaseFollowUp {

    /**
     * Runs for these changes and says what to publish on {@code topic()} (in order, appended after the readiness
     * events) and, per case, the next moment at which time alone will give it something to do (absent: nothing).
     */
    Outcome afterChanges(List<CaseChange> changes, Instant now);

    record Outcome(List<ContractEvent> events, Map<CaseKey, Instant> revisitAt) {

        public static final Outcome NOTHING = new Outcome(List.of(), Map.of());
    }

    String topic();
}

package org.homeinfusion.coordinator.cases;

import java.time.Instant;
import java.util.List;

import org.homeinfusion.contracts.ContractEvent;

/**
 * Work that belongs to a case's change and must commit or roll back with it, such as planning and raising the
 * case's alerts. It runs in the transaction that holds the cases' row locks, after their new state is stored, so
 * every change of a case (an event, or the clock) is seen by exactly one follow-up run at a time.
 */
public interface CaseFollowUp {

    /** The events to publish on {@code topic()} for these changes, in order; appended after the readiness events. */
    List<ContractEvent> afterChanges(List<CaseChange> changes, Instant now);

    String topic();
}

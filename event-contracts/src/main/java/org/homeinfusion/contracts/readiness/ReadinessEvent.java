package org.homeinfusion.contracts.readiness;

import java.time.Instant;

import org.homeinfusion.contracts.ContractEvent;

/** An event on {@code case-readiness.events}; {@code readinessVersion} grows by one per emitted event of a case. */
public sealed interface ReadinessEvent extends ContractEvent permits ReadyToSchedule, ReadinessWithdrawn {

    long readinessVersion();

    Instant occurredAt();
}

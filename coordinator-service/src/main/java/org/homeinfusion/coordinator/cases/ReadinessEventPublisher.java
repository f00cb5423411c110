package org.homeinfusion.coordinator.cases;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.homeinfusion.contracts.ContractEvent;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.contracts.readiness.ReadinessWithdrawn;
import org.homeinfusion.contracts.readiness.ReadyToSchedule;
import org.homeinfusion.coordinator.readiness.Delivery;
import org.homeinfusion.coordinator.readiness.Emission;
import org.homeinfusion.coordinator.readiness.Schedule;
import org.homeinfusion.support.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Maps the saga's emissions to the contract's readiness events and appends them to the outbox, in the
 * transaction that records the new readiness version. The outbox relays them exactly once.
 */
@Component
class ReadinessEventPublisher {

    private final Outbox outbox;
    private final ReadinessHistory history;

    ReadinessEventPublisher(Outbox outbox, ReadinessHistory history) {
        this.outbox = outbox;
        this.history = history;
    }

    /**
     * Appends a batch's events in one statement, in order. Called last in the transaction: in exactly-once
     * mode the append takes the outbox's append-order lock, which every writer then waits for until we commit.
     */
    void publishAll(List<ContractEvent> events, Function<ContractEvent, Map<String, String>> traceOf) {
        history.record(events);
        publishAll(Topics.CASE_READINESS_EVENTS, events, traceOf);
    }

    /** {@code traceOf} gives each event the trace it continues: that of the record that changed its case. */
    void publishAll(String topic, List<ContractEvent> events, Function<ContractEvent, Map<String, String>> traceOf) {
        if (!events.isEmpty()) {
            outbox.appendAll(topic, events, traceOf);
        }
    }

    static ContractEvent toEvent(CaseKey key, Emission emission) {
        if (emission instanceof Emission.ReadyToSchedule ready) {
            Schedule schedule = ready.schedule();
            return new ReadyToSchedule(key.specialistOrgId(), key.caseId(), ready.readinessVersion(),
                    new ReadyToSchedule.Visit(schedule.visit().start(), schedule.visit().expectedDurationMinutes(),
                            schedule.visit().nurseName()),
                    window(schedule.drugDelivery()), window(schedule.suppliesDelivery()),
                    new ReadyToSchedule.Authorizations(terms(schedule.authorizations().drug()),
                            terms(schedule.authorizations().nursing()), terms(schedule.authorizations().supplies())),
                    ready.summary(), ready.occurredAt());
        }
        Emission.ReadinessWithdrawn withdrawn = (Emission.ReadinessWithdrawn) emission;
        return new ReadinessWithdrawn(key.specialistOrgId(), key.caseId(), withdrawn.readinessVersion(),
                withdrawn.blockers().stream()
                        .map(b -> new ReadinessWithdrawn.Blocker(b.code(), b.pillar().name(), b.message())).toList(),
                withdrawn.occurredAt());
    }

    private static ReadyToSchedule.Window window(Delivery delivery) {
        return delivery == null ? null : new ReadyToSchedule.Window(delivery.etaStart(), delivery.etaEnd());
    }

    private static ReadyToSchedule.Authorization terms(Schedule.AuthorizationTerms terms) {
        return terms == null ? null : new ReadyToSchedule.Authorization(terms.authorizationId(),
                terms.authorizationNumber(), terms.validFrom(), terms.validTo(), terms.organizationId(),
                terms.coverage() == null ? null : terms.coverage().name(), terms.perDiemCode());
    }
}

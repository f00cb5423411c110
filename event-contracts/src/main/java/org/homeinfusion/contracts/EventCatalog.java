package org.homeinfusion.contracts;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.homeinfusion.contracts.alerts.AlertResolved;
import org.homeinfusion.contracts.alerts.CaseAtRisk;
import org.homeinfusion.contracts.alerts.PayerDecisionOverdue;
import org.homeinfusion.contracts.alerts.ReauthorizationDue;
import org.homeinfusion.contracts.drug.DrugAuthorizationDecided;
import org.homeinfusion.contracts.drug.DrugAuthorizationRequested;
import org.homeinfusion.contracts.drug.DrugDeliveryCancelled;
import org.homeinfusion.contracts.drug.DrugDeliveryScheduled;
import org.homeinfusion.contracts.nursing.NurseVisitCancelled;
import org.homeinfusion.contracts.nursing.NurseVisitCompleted;
import org.homeinfusion.contracts.nursing.NurseVisitConfirmed;
import org.homeinfusion.contracts.nursing.NursingAuthorizationDecided;
import org.homeinfusion.contracts.nursing.NursingAuthorizationRequested;
import org.homeinfusion.contracts.readiness.ReadinessWithdrawn;
import org.homeinfusion.contracts.readiness.ReadyToSchedule;
import org.homeinfusion.contracts.supplies.SuppliesAuthorizationDecided;
import org.homeinfusion.contracts.supplies.SuppliesAuthorizationRequested;
import org.homeinfusion.contracts.supplies.SuppliesDeliveryCancelled;
import org.homeinfusion.contracts.supplies.SuppliesDeliveryScheduled;

/** Every event type by name, so a reader can turn a {@code ce_type} into the record to read. */
public final class EventCatalog {

    private static final Map<String, Class<? extends ContractEvent>> TYPES = Stream.of(
                    DrugAuthorizationRequested.class, DrugAuthorizationDecided.class,
                    DrugDeliveryScheduled.class, DrugDeliveryCancelled.class,
                    NursingAuthorizationRequested.class, NursingAuthorizationDecided.class,
                    NurseVisitConfirmed.class, NurseVisitCancelled.class, NurseVisitCompleted.class,
                    SuppliesAuthorizationRequested.class, SuppliesAuthorizationDecided.class,
                    SuppliesDeliveryScheduled.class, SuppliesDeliveryCancelled.class,
                    ReadyToSchedule.class, ReadinessWithdrawn.class,
                    CaseAtRisk.class, ReauthorizationDue.class, PayerDecisionOverdue.class, AlertResolved.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventCatalog() {
    }

    /** The record type for an event name or a full {@code ce_type}. */
    public static Optional<Class<? extends ContractEvent>> typeOf(String eventNameOrCeType) {
        // A record without a ce_type header is a dead letter, not a crash.
        return eventNameOrCeType == null ? Optional.empty()
                : Optional.ofNullable(TYPES.get(CloudEventHeaders.eventName(eventNameOrCeType)));
    }

    public static Map<String, Class<? extends ContractEvent>> all() {
        return TYPES;
    }
}

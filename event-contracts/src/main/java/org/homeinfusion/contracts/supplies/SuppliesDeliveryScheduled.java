package org.homeinfusion.contracts.supplies;

/** The supplier posted or replaced its delivery window. */
public record SuppliesDeliveryScheduled(SuppliesAuthorization authorization) implements SuppliesAuthEvent {
}

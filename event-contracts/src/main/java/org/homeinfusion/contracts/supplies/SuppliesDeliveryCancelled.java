package org.homeinfusion.contracts.supplies;

/** The supplier withdrew its delivery window. */
public record SuppliesDeliveryCancelled(SuppliesAuthorization authorization) implements SuppliesAuthEvent {
}

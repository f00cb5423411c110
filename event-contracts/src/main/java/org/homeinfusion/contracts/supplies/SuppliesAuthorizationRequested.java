package org.homeinfusion.contracts.supplies;

/** A specialist asked for a supplies authorization (or recorded bundled coverage). */
public record SuppliesAuthorizationRequested(SuppliesAuthorization authorization) implements SuppliesAuthEvent {
}

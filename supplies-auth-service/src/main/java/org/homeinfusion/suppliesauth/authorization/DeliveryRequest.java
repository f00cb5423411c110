package org.homeinfusion.suppliesauth.authorization;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/supplies-authorizations/{id}/delivery}: the supplier's delivery window. */
record DeliveryRequest(
        @NotNull OffsetDateTime etaStart,
        @NotNull OffsetDateTime etaEnd) {

    @AssertTrue(message = "etaEnd must not be before etaStart")
    boolean isWindowInOrder() {
        return etaStart == null || etaEnd == null || !etaEnd.isBefore(etaStart);
    }

    SuppliesAuthorization.Delivery toDelivery() {
        return new SuppliesAuthorization.Delivery(etaStart, etaEnd);
    }
}

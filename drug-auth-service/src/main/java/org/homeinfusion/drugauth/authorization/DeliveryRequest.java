package org.homeinfusion.drugauth.authorization;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.homeinfusion.support.api.Bounds;

/** {@code PUT /api/drug-authorizations/{id}/delivery}: the pharmacy's delivery window. */
record DeliveryRequest(
        @NotNull OffsetDateTime etaStart,
        @NotNull OffsetDateTime etaEnd,
        OffsetDateTime beyondUseAt,
        @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String trackingRef) {

    @AssertTrue(message = "etaEnd must not be before etaStart")
    boolean isWindowInOrder() {
        return etaStart == null || etaEnd == null || !etaEnd.isBefore(etaStart);
    }

    DrugAuthorization.Delivery toDelivery() {
        return new DrugAuthorization.Delivery(etaStart, etaEnd, beyondUseAt, trackingRef);
    }
}

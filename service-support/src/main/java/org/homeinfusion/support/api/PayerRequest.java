package org.homeinfusion.support.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The {@code payer} fragment of every create request. */
public record PayerRequest(@NotNull @Pattern(regexp = Bounds.ID, message = Bounds.ID_MESSAGE) String payerId,
                           @NotNull Plan plan) {

    public enum Plan { COMMERCIAL, MEDICARE, MEDICAID }
}

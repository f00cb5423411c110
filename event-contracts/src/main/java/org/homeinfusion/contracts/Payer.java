package org.homeinfusion.contracts;

/** The payer of an authorization; {@code plan} is COMMERCIAL, MEDICARE or MEDICAID. */
public record Payer(String payerId, String plan) {
}

package org.homeinfusion.drugauth.billing;

import java.math.BigDecimal;

/**
 * One HCPCS drug code. {@code billingUnitAmount} and {@code billingUnit} say how much drug one billed
 * unit is ("500 mg"); unlisted codes have neither and bill one unit.
 */
public record DrugCode(String code, String description, BigDecimal billingUnitAmount, DoseUnit billingUnit) {

    public static final java.util.Set<String> UNLISTED = java.util.Set.of("J3490", "J3590", "C9399");

    public boolean unlisted() {
        return UNLISTED.contains(code);
    }
}

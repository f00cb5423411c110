package org.homeinfusion.drugauth.billing;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * Units a dose may be written in. Mass units convert among themselves; "units" (international or
 * enzyme units) never convert to mass.
 */
public enum DoseUnit {
    G(Dimension.MASS, new BigDecimal("1000000")),
    MG(Dimension.MASS, new BigDecimal("1000")),
    MCG(Dimension.MASS, BigDecimal.ONE),
    UNITS(Dimension.ACTIVITY, BigDecimal.ONE);

    enum Dimension { MASS, ACTIVITY }

    private final Dimension dimension;
    /** Size of one of this unit in the dimension's smallest unit (mcg for mass). */
    private final BigDecimal base;

    DoseUnit(Dimension dimension, BigDecimal base) {
        this.dimension = dimension;
        this.base = base;
    }

    /** Parses the spellings clinicians use: g, mg, mcg/µg/ug, units/unit/u/iu. */
    public static Optional<DoseUnit> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "g", "gram", "grams" -> Optional.of(G);
            case "mg", "milligram", "milligrams" -> Optional.of(MG);
            case "mcg", "µg", "ug", "microgram", "micrograms" -> Optional.of(MCG);
            case "units", "unit", "u", "iu" -> Optional.of(UNITS);
            default -> Optional.empty();
        };
    }

    /** {@code quantity} of this unit expressed in {@code target}, if the two measure the same thing. */
    public Optional<BigDecimal> convert(BigDecimal quantity, DoseUnit target) {
        if (dimension != target.dimension) {
            return Optional.empty();
        }
        return Optional.of(quantity.multiply(base).divide(target.base, java.math.MathContext.DECIMAL64));
    }
}

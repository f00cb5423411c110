package org.homeinfusion.coordinator.readiness;

/** One reason a case is not ready to schedule; {@code code} is one of {@link BlockerCode}'s names. */
public record Blocker(String code, Pillar pillar, String message) {

    static Blocker of(BlockerCode code, String message) {
        return new Blocker(code.name(), code.pillar(), message);
    }
}

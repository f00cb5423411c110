package org.homeinfusion.coordinator.cases;

/**
 * One case before and after a step of the saga, as stored. When the clock rather than an event brings a case back
 * ({@link CaseProcessor#revisit}), both are the same record.
 */
public record CaseChange(CaseRecord before, CaseRecord after) {
}

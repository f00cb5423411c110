package org.homeinfusion.coordinator.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** What the alerts module tells the readiness view about each case: its open alerts and its next deadline. */
public interface CaseAlertSummaries {

    /** Cases without alerts may be missing from the map. */
    Map<CaseKey, Summary> of(Collection<CaseKey> keys);

    /**
     * @param nextDeadline the earliest future moment an alert of the case would be raised, or null
     */
    record Summary(long openAlerts, Instant nextDeadline) {

        public static final Summary NONE = new Summary(0, null);
    }
}

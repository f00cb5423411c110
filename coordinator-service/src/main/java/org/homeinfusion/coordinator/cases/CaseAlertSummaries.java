package org.homeinfusion.coordinator.cases;

import java.util.Collection;
import java.util.Map;

/** What the alerts module tells the readiness view about each case: how many of its alerts are open. */
public interface CaseAlertSummaries {

    /** Cases without alerts may be missing from the map. */
    Map<CaseKey, Summary> of(Collection<CaseKey> keys);

    record Summary(long openAlerts) {

        public static final Summary NONE = new Summary(0);
    }
}

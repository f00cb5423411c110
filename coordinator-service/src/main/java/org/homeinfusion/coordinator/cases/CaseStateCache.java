package org.homeinfusion.coordinator.cases;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last committed state of recently changed cases, so a batch does not read back and parse the
 * authorizations of cases an earlier batch of this instance just wrote (a catch-up touches each case in
 * several batches). An entry is used only while the case row still has the revision it was written with:
 * a change by another instance, or by a batch whose commit this instance has not seen yet, makes the
 * revisions differ and the case is read from the database as if it were not cached. Bounded, least
 * recently used out first.
 */
class CaseStateCache {

    private final Map<CaseKey, CaseRecord> entries;

    CaseStateCache(int capacity) {
        this.entries = new LinkedHashMap<>(Math.max(16, capacity / 4), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CaseKey, CaseRecord> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached state of {@code key} if it is the state of that revision. */
    synchronized Optional<CaseRecord> find(CaseKey key, long revision) {
        CaseRecord cached = entries.get(key);
        return cached != null && cached.revision() == revision ? Optional.of(cached) : Optional.empty();
    }

    /** Call only after the transaction that wrote these records committed. */
    synchronized void putAll(Collection<CaseRecord> committed) {
        for (CaseRecord record : committed) {
            CaseRecord cached = entries.get(record.key());
            // Two batches of one case may report their commits out of order: keep the newer one.
            if (cached == null || cached.revision() < record.revision()) {
                entries.put(record.key(), record);
            }
        }
    }

    synchronized int size() {
        return entries.size();
    }
}

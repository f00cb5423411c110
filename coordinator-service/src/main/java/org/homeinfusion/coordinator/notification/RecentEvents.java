package org.homeinfusion.coordinator.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The events this instance received in the last {@code retention}, at most {@code capacity} of them, oldest first:
 * what a stream that reconnects with {@code Last-Event-ID} missed is replayed from here. Every instance reads every
 * event, so a client may reconnect to any instance that was running while it was away. Events are kept as
 * received (T), so keeping them costs no parsing; only a replay reads them. Not synchronized: its owner
 * holds one lock over it and the streams, so a replay and the live events that follow it stay in order.
 */
final class RecentEvents<T> {

    private record Entry<T>(String eventId, T event, Instant receivedAt) {
    }

    private final Duration retention;
    private final int capacity;
    private final ArrayDeque<Entry<T>> entries = new ArrayDeque<>();

    RecentEvents(Duration retention, int capacity) {
        this.retention = retention;
        this.capacity = capacity;
    }

    void add(String eventId, T event, Instant now) {
        entries.addLast(new Entry<>(eventId, event, now));
        forgetOlderThan(now.minus(retention));
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
    }

    /**
     * The events received after the one with {@code eventId}, oldest first; empty when that event is not held (older
     * than the window, or never seen here), in which case nothing can be said about what was missed.
     */
    Optional<List<T>> after(String eventId, Instant now) {
        forgetOlderThan(now.minus(retention));
        List<T> missed = new ArrayList<>();
        boolean found = false;
        for (Iterator<Entry<T>> newestFirst = entries.descendingIterator(); newestFirst.hasNext(); ) {
            Entry<T> entry = newestFirst.next();
            if (entry.eventId().equals(eventId)) {
                found = true;
                break;
            }
            missed.add(entry.event());
        }
        if (!found) {
            return Optional.empty();
        }
        Collections.reverse(missed);
        return Optional.of(missed);
    }

    int size() {
        return entries.size();
    }

    private void forgetOlderThan(Instant oldestKept) {
        while (!entries.isEmpty() && entries.peekFirst().receivedAt().isBefore(oldestKept)) {
            entries.removeFirst();
        }
    }
}

package org.homeinfusion.coordinator.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RecentEventsUnitTests {

    static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");

    @Test
    void whatCameAfterTheLastEventSeenIsReplayedOldestFirst() {
        RecentEvents<ReadinessRecord> recent = new RecentEvents<>(Duration.ofMinutes(15), 100);
        recent.add("a", event("a"), NOW);
        recent.add("b", event("b"), NOW.plusSeconds(1));
        recent.add("c", event("c"), NOW.plusSeconds(2));

        assertThat(recent.after("a", NOW.plusSeconds(3)).orElseThrow()).extracting(ReadinessRecord::eventId)
                .containsExactly("b", "c");
        assertThat(recent.after("c", NOW.plusSeconds(3)).orElseThrow()).isEmpty();
    }

    @Test
    void anEventOlderThanTheWindowOrBeyondTheCapacityIsNoLongerKnownSoNothingIsClaimed() {
        RecentEvents<ReadinessRecord> recent = new RecentEvents<>(Duration.ofMinutes(15), 2);
        recent.add("a", event("a"), NOW);
        recent.add("b", event("b"), NOW.plusSeconds(1));
        recent.add("c", event("c"), NOW.plusSeconds(2));

        assertThat(recent.after("a", NOW.plusSeconds(3))).as("pushed out by capacity").isEmpty();
        assertThat(recent.after("b", NOW.plus(Duration.ofMinutes(15)).plusSeconds(2))).as("past the window").isEmpty();
        assertThat(recent.after("never-seen", NOW)).isEmpty();
    }

    private static ReadinessRecord event(String id) {
        return new ReadinessRecord(id, "ReadyToSchedule", "SPEC-1", "CASE-1", "{}".getBytes(), NOW, null, null);
    }
}

package org.homeinfusion.coordinator.kafka;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Runs the database step of a Kafka consumer until it is stored, waiting a database outage out with doubling
 * pauses on the consumer's own thread: its offset must not move past records whose effect is not stored, or a
 * decision would be lost. Any other failure is the caller's to isolate.
 */
public final class UntilStored {

    private static final Logger log = LoggerFactory.getLogger(UntilStored.class);

    private UntilStored() {
    }

    /**
     * @param what names the step in the log ("Storing a pillar batch")
     */
    public static <T> T run(String what, Duration initialBackoff, Duration maxBackoff, Supplier<T> step) {
        Duration backoff = initialBackoff;
        while (true) {
            try {
                return step.get();
            } catch (DataAccessException transientFailure) {
                log.warn("{} failed, retrying in {}: {}", what, backoff, transientFailure.getMessage());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the database", interrupted);
                }
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
            }
        }
    }
}

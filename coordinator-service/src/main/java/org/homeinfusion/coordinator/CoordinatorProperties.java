package org.homeinfusion.coordinator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The coordinator's tunables, with the defaults the contract documents.
 *
 * @param minimumDrugLeadTime how long before the nurse's visit the drug must have arrived
 * @param intakeRetryBackoff  first pause before retrying a batch that failed on the database
 * @param intakeMaxBackoff    longest pause between such retries (they never give up: no decision is dropped)
 * @param caseCacheSize       cases whose last written state is kept in memory (about 3 KiB each), so a
 *                            catch-up does not read back what it just wrote
 */
@ConfigurationProperties("home-infusion.coordinator")
public record CoordinatorProperties(
        @DefaultValue("60m") Duration minimumDrugLeadTime,
        @DefaultValue("200ms") Duration intakeRetryBackoff,
        @DefaultValue("10s") Duration intakeMaxBackoff,
        @DefaultValue("10000") int caseCacheSize) {
}

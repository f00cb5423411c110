package org.homeinfusion.coordinator.alerts;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.homeinfusion.coordinator.readiness.Pillar;
import org.homeinfusion.coordinator.readiness.Urgency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the coordinator warns. Each setting has an environment variable in {@code application.yml}.
 *
 * @param atRiskHorizons        how long before a confirmed visit a case that is still not ready raises CaseAtRisk,
 *                              once per horizon; {@code 0h} means "the visit has started"
 * @param expiryNotice          how long before an approved authorization ends ReauthorizationDue (EXPIRING) is raised
 * @param visitsRemainingNotice ReauthorizationDue (VISITS_LOW) is raised when a nursing authorization has this many
 *                              approved visits left, or fewer
 * @param decisionClock         how long a payer has to decide, by urgency, and per pillar where a pillar differs
 * @param tickInterval          how often each instance looks for deadlines that fell due
 * @param tickBatchSize         cases brought back per transaction when many deadlines fall due together
 */
@ConfigurationProperties("home-infusion.alerts")
public record AlertProperties(
        @DefaultValue({"48h", "24h", "0h"}) List<Duration> atRiskHorizons,
        @DefaultValue("14d") Duration expiryNotice,
        @DefaultValue("1") int visitsRemainingNotice,
        @DefaultValue DecisionClock decisionClock,
        @DefaultValue("1s") Duration tickInterval,
        @DefaultValue("500") int tickBatchSize) {

    public AlertProperties {
        // Largest horizon first: the order alerts of one visit fall due in.
        atRiskHorizons = atRiskHorizons.stream().distinct().sorted(Comparator.reverseOrder()).toList();
        if (atRiskHorizons.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("at-risk horizons must not be negative: " + atRiskHorizons);
        }
        if (expiryNotice.isNegative() || tickInterval.isNegative() || tickInterval.isZero() || tickBatchSize < 1) {
            throw new IllegalArgumentException("expiry notice, tick interval and tick batch size must be positive");
        }
    }

    /**
     * The CMS-0057-F time frames (72 hours expedited, 7 calendar days standard). They exempt drugs today; they apply
     * to every pillar here, and a pillar's own setting overrides them.
     */
    public record DecisionClock(
            @DefaultValue("7d") Duration standard,
            @DefaultValue("72h") Duration expedited,
            Duration drugStandard, Duration drugExpedited,
            Duration nursingStandard, Duration nursingExpedited,
            Duration suppliesStandard, Duration suppliesExpedited) {

        public Duration of(Pillar pillar, Urgency urgency) {
            boolean expedite = urgency == Urgency.EXPEDITED;
            Duration own = switch (pillar) {
                case DRUG -> expedite ? drugExpedited : drugStandard;
                case NURSING -> expedite ? nursingExpedited : nursingStandard;
                case SUPPLIES -> expedite ? suppliesExpedited : suppliesStandard;
            };
            return own != null ? own : expedite ? expedited : standard;
        }
    }
}

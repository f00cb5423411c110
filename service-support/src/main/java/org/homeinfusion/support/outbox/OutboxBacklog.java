package org.homeinfusion.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code outbox.backlog}: rows committed but not yet relayed. Near zero while the relay keeps up; growing, it
 * says events are late before any consumer notices. Counted at each scrape: the table holds only unsent rows.
 */
class OutboxBacklog implements MeterBinder {

    private final JdbcClient jdbc;

    OutboxBacklog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("outbox.backlog", this, OutboxBacklog::count)
                .description("Outbox records committed and not yet published to Kafka").register(meters);
    }

    private double count() {
        try {
            return jdbc.sql("SELECT count(*) FROM outbox_record").query(Long.class).single();
        } catch (RuntimeException databaseDown) {
            // A scrape must not fail with the database; the health endpoint reports that.
            return Double.NaN;
        }
    }
}

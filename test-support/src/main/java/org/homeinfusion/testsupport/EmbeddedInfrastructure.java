package org.homeinfusion.testsupport;

import org.homeinfusion.infrastructure.EmbeddedKafkaBroker;
import org.homeinfusion.infrastructure.EmbeddedPostgres;

/** Broker and database in this JVM (PostgreSQL as a child process), on free ports with throw-away data. */
final class EmbeddedInfrastructure implements RealInfrastructure.Infrastructure {

    private final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build();
    private volatile EmbeddedPostgres postgres;

    @Override
    public String mode() {
        return "embedded";
    }

    @Override
    public void startKafka() {
        broker.start();
    }

    @Override
    public void stopKafka() {
        broker.stop();
    }

    @Override
    public synchronized void startPostgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgres.start();
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String jdbcUrl(String database) {
        postgres.createDatabaseIfMissing(database);
        return postgres.jdbcUrl(database);
    }

    @Override
    public String username() {
        return EmbeddedPostgres.USERNAME;
    }

    @Override
    public String password() {
        return EmbeddedPostgres.PASSWORD;
    }

    @Override
    public void shutdown() {
        try {
            broker.close();
        } catch (RuntimeException e) {
            System.err.println("Embedded Kafka did not stop cleanly: " + e);
        }
        EmbeddedPostgres running = postgres;
        if (running != null) {
            try {
                running.close();
            } catch (RuntimeException e) {
                System.err.println("Embedded PostgreSQL did not stop cleanly: " + e);
            }
        }
    }
}

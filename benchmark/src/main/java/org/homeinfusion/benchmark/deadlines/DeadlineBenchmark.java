package org.homeinfusion.benchmark.deadlines;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.homeinfusion.benchmark.Benchmark;
import org.homeinfusion.benchmark.observe.ProcStat;
import org.homeinfusion.benchmark.observe.TopicOffsets;
import org.homeinfusion.benchmark.stack.ManagedStack;
import org.homeinfusion.contracts.AuthorizationStatus;
import org.homeinfusion.contracts.CloudEventHeaders;
import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.contracts.Payer;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.contracts.Urgency;
import org.homeinfusion.contracts.drug.DrugAuthorization;
import org.homeinfusion.contracts.drug.DrugAuthorizationRequested;

/**
 * {@code ./benchmark.sh --deadlines}: plans a million payer-decision deadlines in the coordinator (one undecided drug
 * request per case, written onto {@code drug-auth.events} as the drug service would), measures what they cost while
 * they wait (the coordinator's CPU while idle, the table's size), then lets ten thousand more fall due at one moment
 * and measures how long until all their {@code PayerDecisionOverdue} alerts are on {@code case-alerts.events}, and
 * that each was raised exactly once.
 */
public final class DeadlineBenchmark {

    private static final String SPECIALIST = "SPEC-DL";
    private static final Duration STANDARD_CLOCK = Duration.ofDays(7);
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(10);
    private static final Duration LAG_TIMEOUT = Duration.ofMinutes(20);

    private final int waiting;
    private final int dueTogether;
    private final PrintStream out;

    private DeadlineBenchmark(int waiting, int dueTogether, PrintStream out) {
        this.waiting = waiting;
        this.dueTogether = dueTogether;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int pending = 1_000_000;
        int dueTogether = 10_000;
        boolean freePorts = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--deadlines" -> { }
                case "--pending" -> pending = Integer.parseInt(args[++i]);
                case "--due-together" -> dueTogether = Integer.parseInt(args[++i]);
                case "--free-ports" -> freePorts = true;
                default -> {
                    System.err.println("usage: ./benchmark.sh --deadlines [--pending N] [--due-together M] [--free-ports]");
                    System.exit(2);
                }
            }
        }
        Path root = Benchmark.findRepositoryRoot();
        try (ManagedStack stack = ManagedStack.start(root, root.resolve("benchmark/target/work"), freePorts, true,
                definition -> Map.of(), System.out)) {
            String report = new DeadlineBenchmark(pending - dueTogether, dueTogether, System.out).run(stack);
            Path results = Files.createDirectories(root.resolve("benchmark/results/deadlines-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
            Files.writeString(results.resolve("report.md"), report);
            System.out.println(report);
            System.out.println("Report: " + results.resolve("report.md"));
        }
    }

    private String run(ManagedStack stack) throws Exception {
        StringBuilder report = new StringBuilder("# Deadline benchmark\n\n");
        try (KafkaProducer<String, String> producer = producer(stack.kafkaBootstrapServers());
             TopicOffsets offsets = new TopicOffsets(stack.kafkaBootstrapServers());
             Connection database = DriverManager.getConnection(stack.postgresJdbcUrl().replace("/postgres",
                     "/coordinator"), "postgres", "postgres")) {
            // 1. A million deadlines, due in 30 days: planned through the intake like any pillar event.
            Instant farDue = Instant.now().plus(Duration.ofDays(30));
            long planningStart = System.nanoTime();
            send(producer, "DL-", waiting, farDue);
            awaitDrained(offsets);
            double planningSeconds = (System.nanoTime() - planningStart) / 1e9;
            long pending = count(database, "SELECT count(*) FROM case_readiness WHERE revisit_at IS NOT NULL");
            String size = text(database, "SELECT pg_size_pretty(pg_relation_size('case_readiness_revisit'))");
            out.printf("%,d deadlines pending after %.1f s%n", pending, planningSeconds);

            // 2. What they cost while they wait: the coordinator's CPU over an idle window (it looks every second).
            long pid = stack.coordinatorPid();
            double cpuBefore = ProcStat.sample(pid).map(ProcStat.Sample::cpuSeconds).orElse(Double.NaN);
            Thread.sleep(IDLE_WINDOW.toMillis());
            double cpuAfter = ProcStat.sample(pid).map(ProcStat.Sample::cpuSeconds).orElse(Double.NaN);
            double idleCpuPercent = (cpuAfter - cpuBefore) / IDLE_WINDOW.toSeconds() * 100;

            // 3. Ten thousand more, all due at one moment shortly after they are planned.
            Instant dueAt = Instant.now().plusSeconds(30);
            try (KafkaConsumer<String, String> alerts = alertConsumer(stack.kafkaBootstrapServers())) {
                send(producer, "DT-", dueTogether, dueAt);
                awaitDrained(offsets);
                boolean plannedInTime = Instant.now().isBefore(dueAt);
                List<Long> delays = new ArrayList<>();
                Set<String> alertIds = new HashSet<>();
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (delays.size() < dueTogether && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : alerts.poll(Duration.ofMillis(200))) {
                        if (record.key() != null && record.key().startsWith("DT-")) {
                            delays.add(record.timestamp() - dueAt.toEpochMilli());
                            alertIds.add(EventJson.mapper().readTree(record.value()).path("alertId").asString());
                        }
                    }
                }
                delays.sort(null);
                long stillPending = count(database, "SELECT count(*) FROM case_readiness WHERE revisit_at IS NOT NULL");
                report.append("| measure | value |\n|---|---|\n")
                        .append(row("deadlines planned through the intake", "%,d in %.1f s (%,.0f per s)"
                                .formatted(pending, planningSeconds, pending / planningSeconds)))
                        .append(row("the clock's index on the cases' revisit time", size))
                        .append(row("coordinator CPU while %,d wait (%d s idle)".formatted(pending, IDLE_WINDOW.toSeconds()),
                                "%.1f %% of a core".formatted(idleCpuPercent)))
                        .append(row("falling due together", "%,d (planned before their moment: %s)"
                                .formatted(dueTogether, plannedInTime)))
                        .append(row("raised", "%,d records, %,d distinct alertIds".formatted(delays.size(),
                                alertIds.size())))
                        .append(row("due → on the topic, p50 / p99 / last", delays.isEmpty() ? "none"
                                : "%,d / %,d / %,d ms".formatted(delays.get(delays.size() / 2),
                                        delays.get((int) Math.min(delays.size() - 1, Math.floor(delays.size() * 0.99))),
                                        delays.get(delays.size() - 1))))
                        .append(row("still pending afterwards", "%,d".formatted(stillPending)));
                if (delays.size() != dueTogether || alertIds.size() != dueTogether) {
                    report.append("\n**INCORRECT**: expected exactly one alert per due deadline.\n");
                }
            }
        }
        return report.toString();
    }

    private static String row(String measure, String value) {
        return "| " + measure + " | " + value + " |\n";
    }

    /** One undecided drug request per case, submitted a decision clock before {@code dueAt}. */
    private void send(KafkaProducer<String, String> producer, String prefix, int count, Instant dueAt) {
        Instant submittedAt = dueAt.minus(STANDARD_CLOCK);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            String caseId = prefix + i;
            DrugAuthorization requested = new DrugAuthorization(UUID.randomUUID(), caseId, SPECIALIST, "PHARM-1",
                    new Payer("PAYER-ABC", "COMMERCIAL"), "12", "J1569", null,
                    new DrugAuthorization.Dose(new BigDecimal("28"), "g"), 56, LocalDate.parse("2026-12-01"),
                    LocalDate.parse("2027-05-31"), AuthorizationStatus.REQUESTED, null, null, null, null, null, 1, now,
                    now, Urgency.STANDARD, submittedAt);
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.DRUG_AUTH_EVENTS, caseId,
                    EventJson.mapper().writeValueAsString(new DrugAuthorizationRequested(requested)));
            CloudEventHeaders.of(UUID.randomUUID(), "DrugAuthorizationRequested", "/deadline-benchmark", now, caseId)
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record);
            if (i % 100_000 == 0 && i > 0) {
                out.printf("  sent %,d%n", i);
            }
        }
        producer.flush();
    }

    private static void awaitDrained(TopicOffsets offsets) throws InterruptedException {
        long deadline = System.nanoTime() + LAG_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Long> end = offsets.endOffsets(List.of(Topics.DRUG_AUTH_EVENTS));
            if (TopicOffsets.distance(offsets.committed("coordinator", end.keySet()), end) == 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The coordinator did not catch up within " + LAG_TIMEOUT);
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        return new KafkaProducer<>(config);
    }

    /** Reads the alerts topic from its current end, as a subscriber would, only what is committed. */
    private static KafkaConsumer<String, String> alertConsumer(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "deadline-benchmark-" + UUID.randomUUID());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(Topics.CASE_ALERTS_EVENTS));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        return consumer;
    }

    private static long count(Connection database, String sql) throws SQLException {
        try (Statement statement = database.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String text(Connection database, String sql) throws SQLException {
        try (Statement statement = database.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}

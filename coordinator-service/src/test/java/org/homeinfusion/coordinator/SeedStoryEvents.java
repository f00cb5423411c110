package org.homeinfusion.coordinator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.homeinfusion.contracts.AuthorizationStatus;
import org.homeinfusion.contracts.CloudEventHeaders;
import org.homeinfusion.contracts.ContractEvent;
import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.contracts.Payer;
import org.homeinfusion.contracts.Topics;
import org.homeinfusion.contracts.drug.DrugAuthEvent;
import org.homeinfusion.contracts.drug.DrugAuthorization;
import org.homeinfusion.contracts.drug.DrugAuthorizationDecided;
import org.homeinfusion.contracts.drug.DrugAuthorizationRequested;
import org.homeinfusion.contracts.drug.DrugDeliveryScheduled;
import org.homeinfusion.contracts.nursing.NurseVisitCancelled;
import org.homeinfusion.contracts.nursing.NurseVisitConfirmed;
import org.homeinfusion.contracts.nursing.NursingAuthEvent;
import org.homeinfusion.contracts.nursing.NursingAuthorization;
import org.homeinfusion.contracts.nursing.NursingAuthorizationDecided;
import org.homeinfusion.contracts.supplies.SuppliesAuthorization;
import org.homeinfusion.contracts.supplies.SuppliesAuthorizationRequested;
import org.homeinfusion.testsupport.RealInfrastructure;

/**
 * Writes the seed story's pillar events straight onto the pillar topics, as the three pillar services
 * would, so the coordinator can be tested on its own against the real broker.
 */
public final class SeedStoryEvents implements AutoCloseable {

    public static final OffsetDateTime VISIT = OffsetDateTime.parse("2026-12-08T14:00:00-05:00");

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.ACKS_CONFIG, "all"));

    private final String specialistOrgId;
    private final String caseId;
    private final UUID drugId = UUID.randomUUID();
    private final UUID nursingId = UUID.randomUUID();
    private final UUID suppliesId = UUID.randomUUID();
    private final Instant requestedAt = Instant.parse("2026-11-20T15:00:00Z");

    public SeedStoryEvents(String specialistOrgId, String caseId) {
        this.specialistOrgId = specialistOrgId;
        this.caseId = caseId;
    }

    public DrugAuthEvent drugApprovedWithDelivery(long version, OffsetDateTime etaStart, OffsetDateTime etaEnd) {
        return new DrugDeliveryScheduled(drug(version, new DrugAuthorization.Delivery(etaStart, etaEnd, null, "TRK-1")));
    }

    /** The drug request as the payer received it at {@code submittedAt}, then each later decision, by version. */
    public DrugAuthEvent drugRequested(Instant submittedAt) {
        return new DrugAuthorizationRequested(drug(1, AuthorizationStatus.REQUESTED, null, submittedAt));
    }

    public DrugAuthEvent drugDecided(long version, AuthorizationStatus status, Instant submittedAt) {
        return new DrugAuthorizationDecided(drug(version, status, null, submittedAt));
    }

    public DrugAuthEvent drugApproved(long version) {
        return new DrugAuthorizationDecided(drug(version, null));
    }

    public NursingAuthEvent nursingApproved(long version) {
        return new NursingAuthorizationDecided(nursing(version, null));
    }

    public NursingAuthEvent visitConfirmed(long version, OffsetDateTime start) {
        return new NurseVisitConfirmed(nursing(version, new NursingAuthorization.Visit(start, 240, "Jones")));
    }

    public NursingAuthEvent visitCancelled(long version) {
        return new NurseVisitCancelled(nursing(version, null));
    }

    public SuppliesAuthorizationRequested suppliesBundled() {
        return new SuppliesAuthorizationRequested(new SuppliesAuthorization(suppliesId, caseId, specialistOrgId, "PHARM-1",
                new Payer("PAYER-ABC", "COMMERCIAL"), "BUNDLED", "S9338", List.of(), AuthorizationStatus.NOT_REQUIRED,
                null, null, null, null, 1, requestedAt, requestedAt, null, null));
    }

    /** The story up to READY: drug approved and delivered Tue 08:00-11:00, nurse Tue 14:00, supplies bundled. */
    public List<ContractEvent> readyStory() {
        return List.of(suppliesBundled(),
                drugApproved(2),
                drugApprovedWithDelivery(3, OffsetDateTime.parse("2026-12-08T08:00:00-05:00"),
                        OffsetDateTime.parse("2026-12-08T11:00:00-05:00")),
                nursingApproved(2),
                visitConfirmed(3, VISIT));
    }

    public void send(ContractEvent... events) {
        send(List.of(events));
    }

    public void send(List<? extends ContractEvent> events) {
        for (ContractEvent event : events) {
            sendRaw(topicOf(event), caseId, event.eventName(), EventJson.mapper().writeValueAsString(event));
        }
        producer.flush();
    }

    public void sendRaw(String topic, String key, String eventName, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        CloudEventHeaders.of(UUID.randomUUID(), eventName, "/test", Instant.now(), key)
                .forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private DrugAuthorization drug(long version, DrugAuthorization.Delivery delivery) {
        return drug(version, AuthorizationStatus.APPROVED, delivery, null);
    }

    private DrugAuthorization drug(long version, AuthorizationStatus status, DrugAuthorization.Delivery delivery,
            Instant submittedAt) {
        boolean approved = status == AuthorizationStatus.APPROVED;
        return new DrugAuthorization(drugId, caseId, specialistOrgId, "PHARM-1", new Payer("PAYER-ABC", "COMMERCIAL"),
                "12", "J1569", null, new DrugAuthorization.Dose(new BigDecimal("28"), "g"), 56,
                LocalDate.parse("2026-12-01"), LocalDate.parse("2027-05-31"), status, approved ? "12345" : null,
                approved ? LocalDate.parse("2026-12-01") : null, approved ? LocalDate.parse("2027-05-31") : null,
                approved ? 56 : null, delivery, version, requestedAt, requestedAt.plusSeconds(version),
                submittedAt == null ? null : org.homeinfusion.contracts.Urgency.STANDARD, submittedAt);
    }

    private NursingAuthorization nursing(long version, NursingAuthorization.Visit visit) {
        return new NursingAuthorization(nursingId, caseId, specialistOrgId, "HHA-7", new Payer("PAYER-ABC", "COMMERCIAL"),
                "99601", "2w4", 8, LocalDate.parse("2026-12-01"), LocalDate.parse("2027-05-31"),
                AuthorizationStatus.APPROVED, "67890", LocalDate.parse("2026-12-01"), LocalDate.parse("2027-05-31"), 8, 0, 8,
                visit, version, requestedAt, requestedAt.plusSeconds(version), null, null);
    }

    private static String topicOf(ContractEvent event) {
        if (event instanceof DrugAuthEvent) {
            return Topics.DRUG_AUTH_EVENTS;
        }
        return event instanceof NursingAuthEvent ? Topics.NURSING_AUTH_EVENTS : Topics.SUPPLIES_AUTH_EVENTS;
    }

    @Override
    public void close() {
        producer.close();
    }
}

package org.homeinfusion.coordinator.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.homeinfusion.contracts.CloudEventHeaders;
import org.homeinfusion.coordinator.CoordinatorProperties;
import org.homeinfusion.coordinator.cases.CaseProcessor;
import org.homeinfusion.coordinator.cases.PillarUpdate;
import org.homeinfusion.coordinator.kafka.IncomingRecord;
import org.homeinfusion.coordinator.kafka.UntilStored;
import org.homeinfusion.support.tracing.TracePropagation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The coordinator's input: one Spring Cloud Stream batch consumer over the three pillar topics
 * (binding {@code pillarEvents-in-0}). A batch is processed in one transaction; records that cannot be
 * read go to the dead-letter topic; a record that makes the saga fail is isolated and parked too; a
 * database outage is waited out, never skipped, because a skipped record could be a lost decision.
 * <p>
 * Tracing: each readable record gets a consumer span continuing the trace its producer started (the pillar's
 * API call), and the batch a span of its own linking them all; the case's events then carry on its record's trace.
 */
@Configuration(proxyBeanMethods = false)
class PillarEventListener {

    private static final Logger log = LoggerFactory.getLogger(PillarEventListener.class);

    @Bean
    Consumer<Message<List<byte[]>>> pillarEvents(CaseProcessor processor, DeadLetters deadLetters,
            CoordinatorProperties properties, MeterRegistry meters, TracePropagation tracing) {
        PillarEventReader reader = new PillarEventReader();
        Counter received = Counter.builder("coordinator.intake.records").description("Pillar records consumed").register(meters);
        Counter parked = Counter.builder("coordinator.intake.dead.letters").description("Pillar records parked").register(meters);
        return batch -> {
            List<IncomingRecord> records = IncomingRecord.unpack(batch);
            received.increment(records.size());
            List<PillarUpdate> updates = new ArrayList<>(records.size());
            List<IncomingRecord> readable = new ArrayList<>(records.size());
            List<Span> recordSpans = new ArrayList<>(records.size());
            for (IncomingRecord record : records) {
                PillarEventReader.Outcome outcome = reader.read(record.topic(), record.key(),
                        record.header(CloudEventHeaders.TYPE), record.value());
                if (outcome.update() == null) {
                    deadLetters.park(record, outcome.deadLetterReason());
                    parked.increment();
                } else {
                    Span span = tracing.start("pillar event " + outcome.update().authorization().pillar(),
                            Span.Kind.CONSUMER, record::header)
                            .tag("messaging.destination.name", record.topic());
                    recordSpans.add(span);
                    updates.add(outcome.update().tracedAs(tracing.headersOf(span)));
                    readable.add(record);
                }
            }
            if (updates.isEmpty()) {
                return;
            }
            Span batchSpan = tracing.start("pillar batch", Span.Kind.CONSUMER, header -> null, recordSpans)
                    .tag("messaging.batch.message_count", updates.size());
            try (Tracer.SpanInScope inScope = tracing.inScope(batchSpan)) {
                processBatch(processor, updates, readable, deadLetters, parked, properties);
            } catch (RuntimeException failure) {
                batchSpan.error(failure);
                throw failure;
            } finally {
                batchSpan.end();
                recordSpans.forEach(Span::end);
            }
        };
    }

    private static void processBatch(CaseProcessor processor, List<PillarUpdate> updates,
            List<IncomingRecord> readable, DeadLetters deadLetters, Counter parked, CoordinatorProperties properties) {
        try {
            processUntilStored(processor, updates, properties);
        } catch (RuntimeException failure) {
            // Something in this batch breaks the saga itself: find the record, park it, keep the rest.
            log.error("A pillar batch failed; processing its {} records one by one", updates.size(), failure);
            for (int i = 0; i < updates.size(); i++) {
                try {
                    processUntilStored(processor, List.of(updates.get(i)), properties);
                } catch (RuntimeException poison) {
                    deadLetters.park(readable.get(i), "processing failed: " + poison);
                    parked.increment();
                }
            }
        }
    }

    /** Database failures are waited out; any other failure is the caller's to isolate. */
    private static void processUntilStored(CaseProcessor processor, List<PillarUpdate> updates,
            CoordinatorProperties properties) {
        UntilStored.run("Storing a pillar batch", properties.intakeRetryBackoff(), properties.intakeMaxBackoff(),
                () -> processor.process(updates));
    }
}

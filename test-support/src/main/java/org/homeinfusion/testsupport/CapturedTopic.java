package org.homeinfusion.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A topic watched for a whole test class: an {@link EventCapture} subscribed before the class's first test and closed
 * after its last, so a test class names the topic it asserts on in one declaration.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CapturedTopic events = CapturedTopic.of(Topics.DRUG_AUTH_EVENTS);
 * }</pre>
 *
 * <p>The capture lives as long as the class, not a test: tests tell their events apart by the case id they key them
 * with (see {@link CaseIds}), and a record claimed by one test is never handed to the next.
 */
public final class CapturedTopic implements BeforeAllCallback, AfterAllCallback {

    private final String topic;
    private EventCapture capture;

    private CapturedTopic(String topic) {
        this.topic = topic;
    }

    /** Watches {@code topic} on the shared {@link RealInfrastructure} broker once registered. */
    public static CapturedTopic of(String topic) {
        return new CapturedTopic(topic);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        capture = EventCapture.subscribe(topic);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        capture.close();
    }

    /** See {@link EventCapture#awaitRecord(Predicate)}. */
    public CapturedRecord awaitRecord(Predicate<CapturedRecord> matching) {
        return capture.awaitRecord(matching);
    }

    /** See {@link EventCapture#awaitRecord(Predicate, Duration)}. */
    public CapturedRecord awaitRecord(Predicate<CapturedRecord> matching, Duration timeout) {
        return capture.awaitRecord(matching, timeout);
    }

    /** See {@link EventCapture#awaitRecords(int, Predicate, Duration)}. */
    public List<CapturedRecord> awaitRecords(int count, Predicate<CapturedRecord> matching, Duration timeout) {
        return capture.awaitRecords(count, matching, timeout);
    }

    /** See {@link EventCapture#assertNoFurtherRecord(Predicate, Duration)}. */
    public void assertNoFurtherRecord(Predicate<CapturedRecord> matching, Duration during) {
        capture.assertNoFurtherRecord(matching, during);
    }
}

package org.homeinfusion.coordinator.notification;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.homeinfusion.contracts.EventJson;
import org.homeinfusion.coordinator.kafka.IncomingRecord;
import org.homeinfusion.support.problem.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This instance's open readiness streams. An event goes to a stream only if the stream's organization
 * takes part in the case. Writing to clients happens on sender threads, one client at a time in order,
 * through a bounded queue per client: a slow or stalled client is disconnected (it can reconnect)
 * instead of holding up the Kafka consumer or the other clients. The last events are kept for a while, so a
 * client reconnecting with {@code Last-Event-ID} gets what it missed before the live events that follow.
 */
@Component
public class ReadinessStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadinessStreams.class);

    private final CaseParticipants participants;
    private final ReadinessStreamProperties properties;
    private final Clock clock;
    /** Guards {@link #recent} and orders a replay before the live events that follow it. */
    private final Object replayLock = new Object();
    private final RecentEvents<IncomingRecord> recent;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private ScheduledExecutorService heartbeats;
    private ExecutorService senders;

    ReadinessStreams(CaseParticipants participants, ReadinessStreamProperties properties, Clock clock,
            MeterRegistry meters) {
        this.participants = participants;
        this.properties = properties;
        this.clock = clock;
        this.recent = new RecentEvents<>(properties.replayWindow(), properties.replayCapacity());
        Gauge.builder("readiness.stream.clients", clients, Set::size)
                .description("Open readiness streams on this instance").register(meters);
    }

    /**
     * Opens a stream of the caller's organization's events, from now on (the API's and the console's); after
     * {@code lastEventId} (null: none) when that event is still held, else with a comment saying what was missed is
     * unknown.
     */
    public SseEmitter open(String org, String lastEventId) {
        if (!running) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", "The service is shutting down", List.of());
        }
        long open = clients.stream().filter(client -> client.org.equals(org)).count();
        if (open >= properties.maxClientsPerOrganization()) {
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many streams", "Your organization already has "
                    + open + " readiness streams open here; close one first", List.of());
        }
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        synchronized (replayLock) {
            Optional<List<IncomingRecord>> missed = lastEventId == null ? Optional.of(List.of())
                    : recent.after(lastEventId, clock.instant());
            List<ReadinessRecord> replay = missed.orElse(List.of()).stream()
                    .flatMap(incoming -> ReadinessRecord.from(incoming).stream())
                    .filter(record -> organizationsOf(record).contains(org)).toList();
            Client client = new Client(org, emitter, replay.size());
            emitter.onCompletion(() -> clients.remove(client));
            emitter.onTimeout(client::close);
            emitter.onError(failure -> client.close());
            clients.add(client);
            // Sent at once, so the client sees the stream is open before the first event.
            client.enqueue(Outgoing.comment("connected"));
            if (missed.isEmpty()) {
                client.enqueue(Outgoing.comment("missed events unknown: " + lastEventId
                        + " is no longer held; read the current state from /api/cases"));
            }
            replay.forEach(record -> client.enqueue(Outgoing.event(record.eventType(), record.eventId(),
                    singleLine(record.json()))));
        }
        return emitter;
    }

    boolean hasClients() {
        return !clients.isEmpty();
    }

    /**
     * Keeps the record for reconnecting streams and hands it to the open streams of the organizations taking part in
     * its case. Called for every record; it is read only while a stream is open (or on a replay), so keeping it
     * costs the consumer no parsing while nobody watches.
     */
    void publish(IncomingRecord incoming) {
        Optional<ReadinessRecord> read = clients.isEmpty() ? null : ReadinessRecord.from(incoming);
        Set<String> organizations = read == null ? null : read.map(this::organizationsOf).orElse(Set.of());
        synchronized (replayLock) {
            recent.add(ReadinessRecord.eventIdOf(incoming), incoming, clock.instant());
            if (read == null) {
                if (clients.isEmpty()) {
                    return;
                }
                // A stream opened since the look above: it must not miss this event.
                read = ReadinessRecord.from(incoming);
                organizations = read.map(this::organizationsOf).orElse(Set.of());
            }
            if (read.isEmpty() || organizations.isEmpty()) {
                return;
            }
            ReadinessRecord record = read.get();
            String data = singleLine(record.json());
            for (Client client : clients) {
                if (organizations.contains(client.org)) {
                    client.enqueue(Outgoing.event(record.eventType(), record.eventId(), data));
                }
            }
        }
    }

    /** Who may see the event; nobody when that cannot be looked up (the stream is a view, the API has the state). */
    private Set<String> organizationsOf(ReadinessRecord record) {
        try {
            return record.audience() != null ? record.audience()
                    : participants.of(record.specialistOrgId(), record.caseId());
        } catch (RuntimeException failure) {
            log.warn("Could not look up who takes part in case {}; event {} not streamed: {}", record.caseId(),
                    record.eventId(), failure.toString());
            return Set.of();
        }
    }

    /** A data field ends at a line break, so an event must be sent on one line. */
    private static String singleLine(String json) {
        return json.indexOf('\n') < 0 && json.indexOf('\r') < 0 ? json
                : EventJson.mapper().writeValueAsString(EventJson.mapper().readTree(json));
    }

    private void heartbeat() {
        for (Client client : clients) {
            client.enqueue(Outgoing.comment("heartbeat"));
        }
    }

    /** An event or a comment waiting to be written. */
    private record Outgoing(String name, String id, String data, String comment) {

        static Outgoing event(String name, String id, String data) {
            return new Outgoing(name, id, data, null);
        }

        static Outgoing comment(String comment) {
            return new Outgoing(null, null, null, comment);
        }

        SseEmitter.SseEventBuilder build() {
            return comment != null ? SseEmitter.event().comment(comment) : SseEmitter.event().name(name).id(id).data(data);
        }
    }

    private final class Client {

        private final String org;
        private final SseEmitter emitter;
        private final BlockingQueue<Outgoing> queue;
        private final AtomicBoolean draining = new AtomicBoolean();
        private volatile boolean closed;

        /** @param replayed events queued for it at once, on top of the usual room for live ones */
        Client(String org, SseEmitter emitter, int replayed) {
            this.org = org;
            this.emitter = emitter;
            this.queue = new ArrayBlockingQueue<>(properties.queueCapacity() + replayed);
        }

        void enqueue(Outgoing outgoing) {
            if (closed) {
                return;
            }
            if (!queue.offer(outgoing)) {
                log.info("Closing a readiness stream of {}: it fell {} events behind", org, properties.queueCapacity());
                close();
                return;
            }
            scheduleDrain();
        }

        private void scheduleDrain() {
            if (!closed && !queue.isEmpty() && draining.compareAndSet(false, true)) {
                try {
                    senders.execute(this::drain);
                } catch (RejectedExecutionException shuttingDown) {
                    draining.set(false);
                }
            }
        }

        private void drain() {
            try {
                Outgoing next;
                while (!closed && (next = queue.poll()) != null) {
                    emitter.send(next.build());
                }
            } catch (IOException | IllegalStateException gone) {
                // The client went away (or the emitter completed); there is nobody left to tell.
                close();
            } finally {
                draining.set(false);
                // Whatever arrived while this pass was finishing would otherwise wait for the next event.
                scheduleDrain();
            }
        }

        void close() {
            closed = true;
            clients.remove(this);
            queue.clear();
            try {
                emitter.complete();
            } catch (RuntimeException alreadyDone) {
                // Completing twice, or after the connection failed, changes nothing.
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        AtomicInteger number = new AtomicInteger();
        senders = Executors.newFixedThreadPool(properties.senderThreads(), runnable -> {
            Thread thread = new Thread(runnable, "readiness-stream-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "readiness-stream-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.heartbeatInterval().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        heartbeats.shutdownNow();
        for (Client client : List.copyOf(clients)) {
            client.close();
        }
        senders.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package org.homeinfusion.coordinator.notification;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import org.homeinfusion.support.tracing.TracePropagation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the deliveries the queue holds. One pump thread claims due rows; each claimed delivery then runs
 * one retry cycle without holding a thread: the HTTP exchange is asynchronous, the pauses between
 * attempts are timers (Resilience4j {@link Retry} on a scheduler), and the blocking parts (DNS check,
 * database writes) run on a small pool of their own. Every endpoint has its own {@link CircuitBreaker}
 * and a cap on concurrent deliveries, so a dead or hanging endpoint fails fast and never takes the
 * capacity other subscribers need. A failed cycle is rescheduled for later until the delivery is too
 * old, then abandoned; a claim that is never resolved (crash) lapses and is taken over.
 *
 * <p>The breakers live in a registry of their own, not in the one exported to metrics: their names are
 * subscribers' hosts, which do not belong on the unauthenticated metrics endpoint.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final String USER_AGENT = "home-infusion-coordinator-webhooks";
    private static final int PURGE_BATCH = 1_000;

    private final DeliveryStore store;
    private final WebhookProperties properties;
    private final CallbackHostPolicy hostPolicy;
    private final Clock clock;
    private final MeterRegistry meters;
    private final TracePropagation tracing;
    private final HttpClient http;
    private final Retry retry;
    private final CircuitBreakerRegistry breakers;
    private final Semaphore slots;
    private final Map<String, Semaphore> endpointSlots = new ConcurrentHashMap<>();
    private final Semaphore wakeUp = new Semaphore(0);
    private final Map<DeliveryStatus, AtomicLong> backlog = new ConcurrentHashMap<>();

    private volatile boolean running;
    private Thread pump;
    private ScheduledExecutorService timers;
    private ExecutorService blocking;

    WebhookDispatcher(DeliveryStore store, WebhookProperties properties, Clock clock, MeterRegistry meters,
            TracePropagation tracing) {
        this.store = store;
        this.tracing = tracing;
        this.properties = properties;
        this.hostPolicy = CallbackHostPolicy.of(properties);
        this.clock = clock;
        this.meters = meters;
        // Never follow redirects: a redirect could lead to an address the host policy refuses.
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.retry = Retry.of("webhook-delivery", RetryConfig.custom()
                .maxAttempts(properties.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.initialBackoff(),
                        properties.backoffMultiplier(), properties.maxBackoff()))
                // An open breaker or a refused host will not change within seconds: leave those to the reschedule.
                .retryOnException(failure -> !(unwrap(failure) instanceof CallNotPermittedException
                        || unwrap(failure) instanceof CallbackHostPolicy.HostNotAllowed))
                .build());
        WebhookProperties.BreakerSettings breaker = properties.circuitBreaker();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.openDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                // Our own refusal says nothing about the endpoint's health.
                .ignoreException(failure -> unwrap(failure) instanceof CallbackHostPolicy.HostNotAllowed)
                .build());
        this.breakers.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher()
                .onStateTransition(event -> log.info("Webhook endpoint {}: circuit breaker {}", event.getCircuitBreakerName(),
                        event.getStateTransition())));
        this.slots = new Semaphore(properties.maxInFlight());
        for (DeliveryStatus status : List.of(DeliveryStatus.PENDING, DeliveryStatus.IN_FLIGHT)) {
            AtomicLong count = backlog.computeIfAbsent(status, s -> new AtomicLong());
            Gauge.builder("webhook.deliveries.backlog", count, AtomicLong::get)
                    .description("Deliveries not finished yet (refreshed periodically from the database)")
                    .tag("status", status.name()).register(meters);
        }
        Gauge.builder("webhook.endpoints.open", breakers, registry -> registry.getAllCircuitBreakers().stream()
                        .filter(b -> b.getState() == CircuitBreaker.State.OPEN).count())
                .description("Endpoints whose circuit breaker is open on this instance").register(meters);
    }

    /** New deliveries were scheduled here, or capacity freed up: look for due work now rather than at the next poll. */
    void wakeUp() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    private void pumpUntilStopped() {
        while (running) {
            int claimed = 0;
            int free = slots.availablePermits();
            try {
                if (free > 0) {
                    claimed = dispatchDue(free);
                }
            } catch (RuntimeException failure) {
                log.warn("Claiming webhook deliveries failed, retrying in {}: {}", properties.pollInterval(), failure.toString());
            }
            if (claimed < free || slots.availablePermits() == 0) {
                try {
                    wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private int dispatchDue(int free) {
        Instant now = clock.instant();
        List<DeliveryStore.Claimed> claimed = store.claimDue(free, now, now.plus(properties.claimTimeout()), UUID.randomUUID());
        for (DeliveryStore.Claimed delivery : claimed) {
            start(delivery);
        }
        return claimed.size();
    }

    private void start(DeliveryStore.Claimed delivery) {
        String endpoint = endpointOf(delivery.callbackUrl());
        Semaphore endpointSlot = endpointSlots.computeIfAbsent(endpoint, e -> new Semaphore(properties.maxInFlightPerEndpoint()));
        if (!endpointSlot.tryAcquire()) {
            // The endpoint already has its share in flight: back of the queue, so other endpoints go first.
            blocking.execute(() -> {
                try {
                    store.reschedule(delivery, clock.instant().plus(properties.pollInterval()), null);
                } catch (RuntimeException notReleased) {
                    // The claim lapses by itself; the delivery is only a little later.
                    log.warn("Could not release webhook delivery {}: {}", delivery.id(), notReleased.toString());
                }
            });
            return;
        }
        slots.acquireUninterruptibly();
        CircuitBreaker breaker = breakers.circuitBreaker(endpoint);
        CompletionStage<Integer> cycle;
        try {
            cycle = retry.executeCompletionStage(timers, () -> attempt(delivery, breaker));
        } catch (RuntimeException failure) {
            cycle = CompletableFuture.failedFuture(failure);
        }
        cycle.whenCompleteAsync((status, failure) -> finish(delivery, failure), blocking)
                .whenComplete((ignored, failure) -> {
                    endpointSlot.release();
                    slots.release();
                    wakeUp();
                });
    }

    /**
     * One HTTP attempt through the endpoint's breaker, logged before the retry decides what comes next. Each attempt
     * is a client span continuing the trace of the event it announces, and sends that span as {@code traceparent}.
     */
    private CompletionStage<Integer> attempt(DeliveryStore.Claimed delivery, CircuitBreaker breaker) {
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        Span span = tracing.start("webhook " + delivery.eventType(), Span.Kind.CLIENT,
                header -> TracePropagation.TRACEPARENT.equals(header) ? delivery.traceParent() : null);
        return breaker.executeCompletionStage(() -> send(delivery, tracing.headersOf(span)))
                .handleAsync((status, failure) -> {
                    Throwable cause = unwrap(failure);
                    endSpan(span, status, cause);
                    if (cause instanceof CallNotPermittedException) {
                        countAttempt("circuit_open");
                        throw new CompletionException(cause);
                    }
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    DeliveryStore.Attempt attempt = cause == null
                            ? new DeliveryStore.Attempt(startedAt, took.toMillis(), AttemptOutcome.DELIVERED, status, null)
                            : failedAttempt(startedAt, took, cause);
                    Timer.builder("webhook.delivery.latency").description("Duration of one webhook HTTP attempt, by outcome")
                            .publishPercentileHistogram().tag("outcome", tag(attempt.outcome())).register(meters).record(took);
                    countAttempt(tag(attempt.outcome()));
                    try {
                        store.recordAttempt(delivery.id(), attempt);
                    } catch (RuntimeException notLogged) {
                        log.warn("Could not log attempt of webhook delivery {}: {}", delivery.id(), notLogged.toString());
                    }
                    if (cause != null) {
                        throw new CompletionException(cause);
                    }
                    return status;
                }, blocking);
    }

    private static void endSpan(Span span, Integer status, Throwable cause) {
        if (status != null) {
            span.tag("http.response.status_code", status);
        }
        if (cause != null) {
            span.error(cause);
        }
        span.end();
    }

    private CompletableFuture<Integer> send(DeliveryStore.Claimed delivery, Map<String, String> trace) {
        return CompletableFuture.supplyAsync(() -> request(delivery, trace), blocking)
                .thenCompose(request -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .thenApply(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new CompletionException(new UnexpectedStatus(response.statusCode()));
                    }
                    return response.statusCode();
                });
    }

    /** Checks the host again (DNS may have changed) and signs with this attempt's timestamp, the Standard Webhooks way too. */
    private HttpRequest request(DeliveryStore.Claimed delivery, Map<String, String> trace) {
        try {
            hostPolicy.check(delivery.callbackUrl());
        } catch (UnknownHostException unresolved) {
            throw new CompletionException(unresolved);
        }
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        List<String> secrets = delivery.activeSecrets(now);
        HttpRequest.Builder request = HttpRequest.newBuilder(delivery.callbackUrl());
        trace.forEach(request::header);
        return request
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("X-Event-Id", delivery.eventId())
                .header("X-Event-Type", delivery.eventType())
                .header("X-Timestamp", Long.toString(timestamp))
                // One signature only: during a rotation the replaced secret's, so receivers not yet switched keep working.
                .header("X-Signature", WebhookSignature.sign(secrets.get(0), timestamp, delivery.payload()))
                .header("webhook-id", delivery.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", StandardWebhookSignature.sign(secrets, delivery.eventId(), timestamp,
                        delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.payload()))
                .build();
    }

    /** After a cycle: delivered, or due again later, or given up when it has been failing for too long. */
    private void finish(DeliveryStore.Claimed delivery, Throwable failure) {
        Instant now = clock.instant();
        Throwable cause = unwrap(failure);
        try {
            if (cause == null) {
                store.markDelivered(delivery, now);
                countCycle("delivered");
                return;
            }
            boolean circuitOpen = cause instanceof CallNotPermittedException;
            String note = circuitOpen ? "Circuit breaker open: the endpoint kept failing, attempts paused" : null;
            Instant giveUpAt = delivery.createdAt().plus(properties.maxAge());
            if (!now.isBefore(giveUpAt)) {
                store.abandon(delivery, now, note);
                countCycle("abandoned");
                log.warn("Abandoned webhook delivery {} of event {} after {}", delivery.id(), delivery.eventId(), properties.maxAge());
                return;
            }
            Instant next = now.plus(circuitOpen ? properties.circuitBreaker().openDuration() : properties.rescheduleDelay());
            // One last cycle exactly at the maximum age rather than none after the last regular one.
            store.reschedule(delivery, next.isAfter(giveUpAt) ? giveUpAt : next, note);
            countCycle("rescheduled");
        } catch (RuntimeException notStored) {
            // The claim lapses and another cycle runs: a receiver may see the event twice, never zero times.
            log.warn("Could not record the outcome of webhook delivery {}: {}", delivery.id(), notStored.toString());
        }
    }

    private static DeliveryStore.Attempt failedAttempt(Instant startedAt, Duration took, Throwable cause) {
        if (cause instanceof UnexpectedStatus status) {
            return new DeliveryStore.Attempt(startedAt, took.toMillis(), AttemptOutcome.HTTP_ERROR, status.status,
                    "HTTP " + status.status);
        }
        AttemptOutcome outcome = cause instanceof HttpTimeoutException ? AttemptOutcome.TIMEOUT
                : cause instanceof CallbackHostPolicy.HostNotAllowed ? AttemptOutcome.HOST_NOT_ALLOWED
                : AttemptOutcome.NETWORK_ERROR;
        String message = cause instanceof UnknownHostException ? "Host does not resolve"
                : cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause instanceof IOException || cause instanceof CallbackHostPolicy.HostNotAllowed ? cause.getMessage()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new DeliveryStore.Attempt(startedAt, took.toMillis(), outcome, null, message);
    }

    /** Deliveries to one scheme, host and port share fate: a refused connection refuses them all. */
    static String endpointOf(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void countAttempt(String outcome) {
        Counter.builder("webhook.delivery.attempts").description("Webhook HTTP attempts by outcome (circuit_open: not sent)")
                .tag("outcome", outcome).register(meters).increment();
    }

    private void countCycle(String outcome) {
        Counter.builder("webhook.deliveries").description("Webhook retry cycles by outcome: delivered, rescheduled, abandoned")
                .tag("outcome", outcome).register(meters).increment();
    }

    private static String tag(AttemptOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    /** Refreshes the backlog gauge and purges finished deliveries past retention; every instance may do it. */
    private void maintain() {
        try {
            store.backlog().forEach((status, count) -> backlog.computeIfAbsent(status, s -> new AtomicLong()).set(count));
            Instant before = clock.instant().minus(properties.retention());
            // Small batches keep each delete short.
            int purged;
            do {
                purged = store.purgeFinishedBefore(before, PURGE_BATCH);
            } while (running && purged == PURGE_BATCH);
        } catch (RuntimeException failure) {
            log.warn("Webhook delivery maintenance failed: {}", failure.toString());
        }
    }

    /** A response that arrived but was not 2xx. */
    static final class UnexpectedStatus extends RuntimeException {

        final int status;

        UnexpectedStatus(int status) {
            super("HTTP " + status, null, false, false);
            this.status = status;
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        timers = Executors.newSingleThreadScheduledExecutor(daemon("webhook-timer"));
        blocking = Executors.newFixedThreadPool(properties.dispatcherThreads(), daemon("webhook-dispatch"));
        timers.scheduleWithFixedDelay(() -> blocking.execute(this::maintain), 0,
                properties.maintenanceInterval().toMillis(), TimeUnit.MILLISECONDS);
        pump = daemon("webhook-pump").newThread(this::pumpUntilStopped);
        pump.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeUp();
        try {
            pump.join(properties.pollInterval().toMillis() * 2 + 1_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        // Cycles still running are cut short; their claims lapse and another instance (or the next start) resumes them.
        timers.shutdownNow();
        blocking.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

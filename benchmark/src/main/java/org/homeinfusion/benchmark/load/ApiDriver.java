package org.homeinfusion.benchmark.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.homeinfusion.benchmark.observe.HarnessClock;

/**
 * Sends calls with {@link HttpClient}'s asynchronous API, never blocking the caller: an open-loop schedule must not
 * wait for earlier responses. At most {@code maxInFlight} calls are on the wire; further calls queue here (FIFO) and
 * that wait counts in their latency, because it is measured from the time each call was due, not sent.
 */
public final class ApiDriver implements AutoCloseable {

    private final HttpClient http;
    private final ExecutorService executor;
    private final Semaphore permits;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final Duration timeout;
    private final AtomicInteger maxQueued = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();

    public ApiDriver(int maxInFlight, Duration timeout, int threads) {
        this.executor = Executors.newFixedThreadPool(threads, daemon("http-client"));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
        this.permits = new Semaphore(maxInFlight);
        this.timeout = timeout;
    }

    /** The threads on which responses complete; case logic continues there. */
    public ExecutorService executor() {
        return executor;
    }

    /** Most calls ever waiting for a connection slot at once (0 means the bound was never reached). */
    public int maxQueued() {
        return maxQueued.get();
    }

    public void resetMaxQueued() {
        maxQueued.set(0);
    }

    /** Never throws: failures come back as {@link ApiResult#IO_ERROR} or {@link ApiResult#TIMEOUT}. */
    public CompletableFuture<ApiResult> send(ApiCall call, long scheduledNanos, CallStats stats) {
        Pending pending = new Pending(call, scheduledNanos, stats, new CompletableFuture<>());
        queue.add(pending);
        maxQueued.accumulateAndGet(queued.incrementAndGet(), Math::max);
        drain();
        return pending.result();
    }

    private void drain() {
        while (!queue.isEmpty() && permits.tryAcquire()) {
            Pending next = queue.poll();
            if (next == null) {
                permits.release();
                return;
            }
            queued.decrementAndGet();
            dispatch(next);
        }
    }

    private void dispatch(Pending pending) {
        ApiCall call = pending.call();
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        if (call.bearer() != null) {
            request.header("Authorization", call.bearer());
        }
        if (call.idempotencyKey() != null) {
            request.header("Idempotency-Key", call.idempotencyKey());
        }
        if (call.body() != null) {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        long sent = HarnessClock.now();
        CompletableFuture<HttpResponse<String>> response;
        try {
            response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        response.whenComplete((answer, failure) -> {
            long completed = HarnessClock.now();
            ApiResult result;
            if (failure == null) {
                result = new ApiResult(call, answer.statusCode(), answer.body(), pending.scheduledNanos(), sent, completed);
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                int status = cause instanceof HttpTimeoutException ? ApiResult.TIMEOUT : ApiResult.IO_ERROR;
                result = new ApiResult(call, status, String.valueOf(cause), pending.scheduledNanos(), sent, completed);
            }
            permits.release();
            drain();
            pending.stats().record(result);
            pending.result().complete(result);
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Pending(ApiCall call, long scheduledNanos, CallStats stats, CompletableFuture<ApiResult> result) {
    }
}

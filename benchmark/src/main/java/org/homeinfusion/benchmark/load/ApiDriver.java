package org.homeinfusion.benchmark.load;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.homeinfusion.benchmark.observe.HarnessClock;

/**
 * Sends calls without ever blocking the caller: an open-loop schedule must not wait for earlier responses. At most
 * {@code maxInFlight} calls are on the wire, each exchanged on its own thread over a kept-alive socket
 * ({@link KeepAliveHttp}); further calls queue here (FIFO) and that wait counts in their latency, because it is
 * measured from the time each call was due, not sent.
 */
public final class ApiDriver implements AutoCloseable {

    private final KeepAliveHttp http;
    private final ExecutorService exchanges;
    private final ExecutorService executor;
    private final Semaphore permits;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger maxQueued = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();

    public ApiDriver(int maxInFlight, Duration timeout, int threads) {
        this.http = new KeepAliveHttp(timeout);
        // Threads are made as calls overlap and kept while busy: at most one per call on the wire.
        this.exchanges = Executors.newCachedThreadPool(daemon("http-call"));
        this.executor = Executors.newFixedThreadPool(threads, daemon("http-client"));
        this.permits = new Semaphore(maxInFlight);
    }

    /**
     * A few threads for case steps that wait on something other than a response (e.g. a readiness record) before
     * their next call; responses themselves complete on the thread that exchanged them, and case logic continues there.
     */
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
        exchanges.execute(() -> {
            ApiCall call = pending.call();
            long sent = HarnessClock.now();
            int status;
            String body;
            try {
                KeepAliveHttp.Response answer = http.exchange(call);
                status = answer.status();
                body = answer.body();
            } catch (SocketTimeoutException timeout) {
                status = ApiResult.TIMEOUT;
                body = String.valueOf(timeout);
            } catch (IOException | RuntimeException failure) {
                status = ApiResult.IO_ERROR;
                body = String.valueOf(failure);
            }
            ApiResult result = new ApiResult(call, status, body, pending.scheduledNanos(), sent, HarnessClock.now());
            permits.release();
            drain();
            pending.stats().record(result);
            pending.result().complete(result);
        });
    }

    @Override
    public void close() {
        http.close();
        exchanges.shutdownNow();
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

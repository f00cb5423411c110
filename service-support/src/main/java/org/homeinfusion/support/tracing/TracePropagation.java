package org.homeinfusion.support.tracing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Writes the current trace context into text headers and continues a trace from them. HTTP requests are traced
 * by Spring's own observations; this carries their context on through what is stored and sent later (an outbox
 * row, a Kafka record, a scheduled webhook), where no framework instrumentation can follow.
 */
public final class TracePropagation {

    /** The W3C header carrying a trace id, a parent span id and the sampling decision. */
    public static final String TRACEPARENT = "traceparent";

    /** Propagates nothing: for code run without a tracer (unit tests, tools). */
    public static final TracePropagation NONE = new TracePropagation(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    public TracePropagation(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's context as headers ({@code traceparent}, and {@code tracestate} when set); empty outside a span. */
    public Map<String, String> currentHeaders() {
        Span span = tracer.currentSpan();
        return span == null ? Map.of() : headersOf(span);
    }

    public Map<String, String> headersOf(Span span) {
        TraceContext context = span.context();
        if (context == null || context.traceId() == null || context.traceId().isEmpty()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>(2);
        propagator.inject(context, headers, Map::put);
        return headers;
    }

    /**
     * Starts a span continuing the trace whose context {@code headers} hold (a new trace when they hold none),
     * optionally linked to other spans: a batch's span links the spans of the records it processed.
     */
    public Span start(String name, Span.Kind kind, UnaryOperator<String> headers, List<Span> linked) {
        Span.Builder builder = propagator.extract(headers, (carrier, key) -> carrier.apply(key)).name(name).kind(kind);
        for (Span span : linked) {
            builder.addLink(new Link(span));
        }
        return builder.start();
    }

    public Span start(String name, Span.Kind kind, UnaryOperator<String> headers) {
        return start(name, kind, headers, List.of());
    }

    /** Makes {@code span} the current one until the returned scope closes (log lines then carry its ids). */
    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }
}

package org.modhub.moderation.kit.tracing;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.modhub.moderation.contracts.event.EventEnvelope;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C trace context as the suite's events carry it (CloudEvents {@code traceparent}, {@code tracestate}): taken
 * from the current span when an event is written, and turned back into a parent when it is applied or relayed. Only
 * the W3C fields travel, never baggage: an event outlives the request it was written in.
 */
public final class TraceContexts {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final JsonFactory JSON = new JsonFactory();

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContexts() {}

    /** The event carrying the current span's context, or unchanged when no span is current. */
    public static EventEnvelope stamp(EventEnvelope envelope) {
        Map<String, String> carrier = current();
        String traceparent = carrier.get("traceparent");
        if (traceparent == null) {
            return envelope;
        }
        String tracestate = carrier.get("tracestate");
        if (tracestate != null && tracestate.length() > EventEnvelope.MAX_TRACESTATE_LENGTH) {
            tracestate = null; // W3C allows dropping what does not fit; the trace itself still joins
        }
        return envelope.withTrace(traceparent, tracestate);
    }

    /** The current span's {@code traceparent}, or null when no valid span is current. */
    public static String currentTraceparent() {
        return current().get("traceparent");
    }

    /** The context an event was written in, when it carries a valid one. */
    public static Optional<Context> parentOf(EventEnvelope envelope) {
        return parentOf(envelope.traceparent(), envelope.tracestate());
    }

    /** The context a stored {@code traceparent} (and {@code tracestate}, may be null) names, when valid. */
    public static Optional<Context> parentOf(String traceparent, String tracestate) {
        if (traceparent == null) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>(2);
        carrier.put("traceparent", traceparent);
        if (tracestate != null) {
            carrier.put("tracestate", tracestate);
        }
        Context context = W3C.extract(Context.root(), carrier, FROM_MAP);
        return Span.fromContext(context).getSpanContext().isValid() ? Optional.of(context) : Optional.empty();
    }

    /**
     * The {@code traceparent} of an encoded event, read from its top-level attributes without parsing its data (the
     * relay reads every row it publishes); null when it has none or is not JSON.
     */
    public static String traceparentIn(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("traceparent".equals(name)) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, String> current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier;
    }
}

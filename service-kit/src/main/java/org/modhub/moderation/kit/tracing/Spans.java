package org.modhub.moderation.kit.tracing;

import java.util.function.Supplier;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs reactive work inside a span whose parent was stored earlier (an event's trace context, a queued mail's), not
 * the span current at the call. The span is made current for the whole {@code Uni}: Quarkus keeps the current
 * context in the Vert.x duplicated context's local data ({@code QuarkusContextStorage}), which every continuation of
 * the work (Hibernate Reactive included) runs on, so what the work writes to the outbox carries this trace.
 */
@ApplicationScoped
public class Spans {

    private final Tracer tracer;

    public Spans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Starts the span at subscription, ends it when the work ends; a failure marks it as an error. */
    public <T> Uni<T> run(String name, SpanKind kind, Context parent, Attributes attributes, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(name)
                    .setSpanKind(kind)
                    .setParent(parent)
                    .setAllAttributes(attributes)
                    .startSpan();
            // Off a duplicated context the storage is a thread local, which a later continuation on another thread
            // would not see and closing there would corrupt: the span is then only the explicit parent it names.
            Scope scope =
                    VertxContext.isOnDuplicatedContext() ? parent.with(span).makeCurrent() : Scope.noop();
            Uni<T> running;
            try {
                running = work.get();
            } catch (RuntimeException e) {
                running = Uni.createFrom().failure(e);
            }
            return running.onTermination().invoke((item, failure, cancelled) -> {
                if (failure != null) {
                    span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
                    span.recordException(failure);
                }
                span.end();
                scope.close();
            });
        });
    }
}

package org.modhub.moderation.kit.timer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs a reactive round every {@code period}, also below a second, which {@code @Scheduled} cannot: its
 * simple scheduler looks at triggers once a second, so a 100 ms relay would really tick every second and
 * add up to a second to every Kafka hop. Each round runs on its own safe duplicated Vert.x context (what
 * Hibernate Reactive needs); a round still running when the next is due is skipped, not queued.
 */
public final class Ticker implements AutoCloseable {

    private final Vertx vertx;
    private final String name;
    private final Supplier<Uni<?>> round;
    private final AtomicBoolean running = new AtomicBoolean();
    private final long timerId;
    private volatile boolean closed;

    private Ticker(Vertx vertx, String name, Duration period, Supplier<Uni<?>> round) {
        this.vertx = vertx;
        this.name = name;
        this.round = round;
        this.timerId = vertx.setPeriodic(Math.max(1, period.toMillis()), ignored -> fire());
    }

    /** Starts ticking now; {@link #close()} stops it. */
    public static Ticker start(Vertx vertx, String name, Duration period, Supplier<Uni<?>> round) {
        return new Ticker(vertx, name, period, round);
    }

    private void fire() {
        if (closed || !running.compareAndSet(false, true)) {
            return;
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> {
            Uni<?> next;
            try {
                next = round.get();
            } catch (RuntimeException e) {
                next = Uni.createFrom().failure(e);
            }
            next.subscribe().with(done -> running.set(false), failure -> {
                running.set(false);
                if (!closed) {
                    Log.errorf(failure, "%s: round failed", name);
                }
            });
        });
    }

    @Override
    public void close() {
        closed = true;
        vertx.cancelTimer(timerId);
    }
}

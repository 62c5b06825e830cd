package org.modhub.moderation.kit.timer;

import java.time.Duration;
import java.util.function.Supplier;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs a reactive round, then waits, then runs the next: also below a second, which {@code @Scheduled} cannot (its
 * simple scheduler looks at triggers once a second). The wait is asked anew after every round, so a loop can poll
 * fast while busy and slowly while idle; {@link #wake()} runs a round at once (after a commit that left work), and a
 * wake during a round runs another right after it. Each round runs on its own safe duplicated Vert.x context (what
 * Hibernate Reactive needs); rounds never overlap.
 *
 * <p>All state changes happen on one event loop, so a wake from any thread can neither start two rounds nor leave
 * two timers pending.
 */
public final class Ticker implements AutoCloseable {

    private final Vertx vertx;
    private final Context loop;
    private final String name;
    private final Supplier<Duration> pause;
    private final Supplier<Uni<?>> round;

    // Touched on the loop's thread only.
    private boolean running;
    private boolean again;
    private long timerId = -1;
    private volatile boolean closed;

    private Ticker(Vertx vertx, String name, Supplier<Duration> pause, Supplier<Uni<?>> round) {
        this.vertx = vertx;
        this.loop = vertx.getOrCreateContext();
        this.name = name;
        this.pause = pause;
        this.round = round;
        loop.runOnContext(ignored -> schedule());
    }

    /** Runs a round every {@code period}; {@link #close()} stops it. */
    public static Ticker start(Vertx vertx, String name, Duration period, Supplier<Uni<?>> round) {
        return new Ticker(vertx, name, () -> period, round);
    }

    /** Runs a round, then waits what {@code pause} says at that moment, and so on; {@link #close()} stops it. */
    public static Ticker start(Vertx vertx, String name, Supplier<Duration> pause, Supplier<Uni<?>> round) {
        return new Ticker(vertx, name, pause, round);
    }

    /** Runs a round now, or right after the one running (which may have looked before the caller's commit). */
    public void wake() {
        if (!closed) {
            loop.runOnContext(ignored -> {
                again = true;
                fire();
            });
        }
    }

    private void schedule() {
        if (!closed) {
            timerId = vertx.setTimer(Math.max(1, pause.get().toMillis()), ignored -> {
                timerId = -1;
                fire();
            });
        }
    }

    private void fire() {
        if (closed || running) {
            return;
        }
        running = true;
        again = false;
        if (timerId != -1) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
        Context context = VertxContext.createNewDuplicatedContext(loop);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> {
            Uni<?> next;
            try {
                next = round.get();
            } catch (RuntimeException e) {
                next = Uni.createFrom().failure(e);
            }
            next.subscribe().with(done -> loop.runOnContext(back -> finished()), failure -> {
                if (!closed) {
                    Log.errorf(failure, "%s: round failed", name);
                }
                loop.runOnContext(back -> finished());
            });
        });
    }

    private void finished() {
        running = false;
        if (again) {
            fire();
        } else {
            schedule();
        }
    }

    @Override
    public void close() {
        closed = true;
        loop.runOnContext(ignored -> {
            if (timerId != -1) {
                vertx.cancelTimer(timerId);
                timerId = -1;
            }
        });
    }
}

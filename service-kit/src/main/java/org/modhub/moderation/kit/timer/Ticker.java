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
 * wake during a round runs another after it. Woken rounds start at least {@code minGap} apart, so a stream of commits
 * under load is taken in batches rather than one round per commit. Each round runs on its own safe duplicated Vert.x
 * context (what Hibernate Reactive needs); rounds never overlap.
 *
 * <p>All state changes happen on one event loop, so a wake from any thread can neither start two rounds nor leave
 * two timers pending.
 */
public final class Ticker implements AutoCloseable {

    private final Vertx vertx;
    private final Context loop;
    private final String name;
    private final Supplier<Duration> pause;
    private final long minGapNanos;
    private final Supplier<Uni<?>> round;

    // Touched on the loop's thread only.
    private boolean running;
    private boolean again;
    private long timerId = -1;
    private long timerDue;
    private long lastStart = System.nanoTime();
    private volatile boolean closed;

    private Ticker(Vertx vertx, String name, Supplier<Duration> pause, Duration minGap, Supplier<Uni<?>> round) {
        this.vertx = vertx;
        this.loop = vertx.getOrCreateContext();
        this.name = name;
        this.pause = pause;
        this.minGapNanos = minGap.toNanos();
        this.round = round;
        loop.runOnContext(ignored -> schedule(pause.get().toNanos()));
    }

    /**
     * Runs a round, then waits what {@code pause} says at that moment, and so on; a {@link #wake()} runs one sooner,
     * but never sooner than {@code minGap} after the last one started. {@link #close()} stops it.
     */
    public static Ticker start(
            Vertx vertx, String name, Supplier<Duration> pause, Duration minGap, Supplier<Uni<?>> round) {
        return new Ticker(vertx, name, pause, minGap, round);
    }

    /** Runs a round soon, or after the one running (which may have looked before the caller's commit). */
    public void wake() {
        if (!closed) {
            loop.runOnContext(ignored -> {
                again = true;
                if (!running) {
                    schedule(lastStart + minGapNanos - System.nanoTime());
                }
            });
        }
    }

    /** Fires in {@code nanos} (at once if not positive), unless a timer already fires sooner. */
    private void schedule(long nanos) {
        if (closed) {
            return;
        }
        long due = System.nanoTime() + Math.max(0, nanos);
        if (timerId != -1) {
            if (timerDue - due <= 0) {
                return;
            }
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
        if (nanos <= 0) {
            fire();
            return;
        }
        timerDue = due;
        timerId = vertx.setTimer(Math.max(1, nanos / 1_000_000), ignored -> {
            timerId = -1;
            fire();
        });
    }

    private void fire() {
        if (closed || running) {
            return;
        }
        running = true;
        again = false;
        lastStart = System.nanoTime();
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
        schedule(
                again
                        ? lastStart + minGapNanos - System.nanoTime()
                        : pause.get().toNanos());
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

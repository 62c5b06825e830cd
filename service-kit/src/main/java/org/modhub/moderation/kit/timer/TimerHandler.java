package org.modhub.moderation.kit.timer;

import io.smallrye.mutiny.Uni;

/**
 * Fires the timers of one kind. A service implements it as an {@code @ApplicationScoped} bean.
 * {@link #fire} runs inside the transaction that marks the timer fired: its database writes (and
 * outbox rows) commit together with that mark, or not at all.
 */
public interface TimerHandler {

    /** The kind of timer this handler fires. */
    String kind();

    Uni<Void> fire(DueTimer timer);
}

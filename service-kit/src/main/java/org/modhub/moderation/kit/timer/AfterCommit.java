package org.modhub.moderation.kit.timer;

import java.util.concurrent.CompletableFuture;

import org.hibernate.reactive.engine.ReactiveAfterTransactionCompletionProcess;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.session.ReactiveSession;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Runs an action once the caller's transaction has committed, never on a rollback: how a loop that polls for work
 * (the outbox relay, the mail lanes) learns at once of work its own replica just committed, instead of finding it a
 * poll later. A wake-up only; the loops still poll (slowly) for work other replicas committed or a crash left.
 */
public final class AfterCommit {

    private static volatile boolean warned;

    private AfterCommit() {}

    /**
     * Registers {@code action} with the current session's transaction; call it inside that transaction. Should the
     * session be of another kind than Hibernate Reactive's own (no action queue to register with), nothing is
     * registered and the loop finds the work at its next poll.
     */
    public static Uni<Void> run(Runnable action) {
        return Panache.getSession()
                .invoke(session -> {
                    if (session instanceof MutinySessionImpl impl) {
                        impl.unwrap(ReactiveSession.class)
                                .getReactiveActionQueue()
                                .registerProcess((ReactiveAfterTransactionCompletionProcess) (committed, ignored) -> {
                                    if (committed) {
                                        action.run();
                                    }
                                    return CompletableFuture.<Void>completedFuture(null);
                                });
                    } else if (!warned) {
                        warned = true;
                        Log.warnf(
                                "A %s session has no after-commit hook: work is found at the next poll",
                                session.getClass().getName());
                    }
                })
                .replaceWithVoid();
    }
}

package org.modhub.moderation.devstack.test;

import java.util.function.Supplier;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * For tests that call a service's reactive code themselves, as its scheduler or consumer would:
 * Hibernate Reactive wants a Vert.x duplicated context, which a JUnit thread does not have.
 */
public final class OnVertx {

    private OnVertx() {}

    /** Subscribes to the call on a new duplicated context and waits for its item; its failure is rethrown. */
    public static <T> T await(Supplier<Uni<T>> call) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(call);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}

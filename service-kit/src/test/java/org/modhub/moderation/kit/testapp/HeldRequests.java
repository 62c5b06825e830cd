package org.modhub.moderation.kit.testapp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.smallrye.mutiny.Uni;

/** Requests that stay in flight until the test lets them go, to fill a replica's places. */
public final class HeldRequests {

    private static final AtomicInteger ARRIVED = new AtomicInteger();
    private static volatile CompletableFuture<String> gate = new CompletableFuture<>();

    private HeldRequests() {}

    static Uni<String> hold() {
        ARRIVED.incrementAndGet();
        // A copy: a client that hangs up cancels its request's future, which must not answer the others.
        return Uni.createFrom().completionStage(gate.copy());
    }

    /** Requests that reached the resource method since the last {@link #release()}. */
    public static int arrived() {
        return ARRIVED.get();
    }

    /** Answers every held request and starts over. */
    public static void release() {
        CompletableFuture<String> released = gate;
        gate = new CompletableFuture<>();
        ARRIVED.set(0);
        released.complete("released");
    }
}

package org.modhub.moderation.devstack;

import java.util.function.Function;

/**
 * What the servers share: one is either embedded (this JVM runs it), remote (the JVM-wide
 * stack runs it in another class loader and is asked through {@code control}) or external (ours
 * to use, not to start or stop). A subclass says only how it starts, stops and runs when embedded.
 * <p>
 * Public because callers in other class loaders reach these methods by reflection, which a
 * package-private declaring class would refuse.
 */
public abstract sealed class ManagedServer implements AutoCloseable
        permits HubStandIn, IdentityStandIn, KafkaServer, MailServer, PostgresServer {

    private final String kind;
    private final boolean embedded;
    private final Function<String, String> remote;

    /**
     * @param kind     the server in messages ({@code "Kafka"})
     * @param embedded whether this JVM runs the server
     * @param remote   the owning stack's control of it, null unless remote
     */
    ManagedServer(String kind, boolean embedded, Function<String, String> remote) {
        this.kind = kind;
        this.embedded = embedded;
        this.remote = remote;
    }

    /** Whether this JVM runs the server (false for an external one). */
    public final boolean isEmbedded() {
        return embedded;
    }

    /** Whether {@link #stop()} and {@link #start()} work (false for an external server). */
    public final boolean isControllable() {
        return embedded || remote != null;
    }

    /** Starts the server again on the same ports and data; no-op if it runs. */
    public final synchronized void start() {
        run("start", this::startEmbedded);
    }

    /** Stops the server; its data stay for {@link #start()}. */
    public final synchronized void stop() {
        run("stop", this::stopEmbedded);
    }

    public final void restart() {
        stop();
        start();
    }

    /** Whether the server runs (always true for an external one: it is not ours to know). */
    public final synchronized boolean isRunning() {
        if (remote != null) {
            return Boolean.parseBoolean(remote.apply("running"));
        }
        return !embedded || runsEmbedded();
    }

    @Override
    public void close() {
        if (embedded) {
            stop();
        }
    }

    /** Runs an action sent by a copy of this server in another class loader; queries answer in the result. */
    final String control(String action) {
        switch (action) {
            case "start" -> start();
            case "stop" -> stop();
            case "running" -> {
                return String.valueOf(isRunning());
            }
            default -> {
                return otherAction(action);
            }
        }
        return "";
    }

    /** An action of this kind of server beyond start, stop and running, with its answer; none by default. */
    String otherAction(String action) {
        throw new IllegalArgumentException("unknown " + kind + " action " + action);
    }

    /** Asks the owning stack to run {@code action} if the server is remote; whether it did. */
    final boolean ranRemotely(String action) {
        if (remote == null) {
            return false;
        }
        remote.apply(action);
        return true;
    }

    /** Runs {@code action} remotely or on the embedded server; an external one refuses it. */
    final void run(String action, Runnable onEmbedded) {
        if (ranRemotely(action)) {
            return;
        }
        if (!embedded) {
            throw new UnsupportedOperationException("cannot " + action + " an external " + kind + " at " + location());
        }
        onEmbedded.run();
    }

    /** Where the server is, for messages. */
    abstract String location();

    /** Starts the embedded server; no-op if it runs. Called holding this object's lock. */
    abstract void startEmbedded();

    /** Stops the embedded server; no-op if it is stopped. Called holding this object's lock. */
    abstract void stopEmbedded();

    /** Whether the embedded server runs. */
    abstract boolean runsEmbedded();
}

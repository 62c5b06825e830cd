package org.modhub.moderation.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.modhub.moderation.devstack.internal.FileTrees;
import org.modhub.moderation.devstack.internal.Ports;

/**
 * Kafka as the stack runs it: one {@link KafkaServer}, or a KRaft cluster of N of them, each node broker and
 * controller, so that a test can kill one while the others go on serving. A cluster keeps {@code min(N, 3)} replicas
 * of every topic (internal ones too) and takes acks=all writes while a majority of them is in sync: with three
 * nodes, any one may be down.
 * <p>
 * The nodes start together: a node is ready only once a majority of the quorum runs, so one started alone
 * would wait for the others. {@link #stop()} stops them together too, and kills one left without a quorum (it
 * would wait minutes for its controlled shutdown); {@link #restart()} restarts them one at a time.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaCluster.class.getName());
    private static final Duration IN_SYNC_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration LEFT_BEHIND_GRACE = Duration.ofSeconds(10);
    private static final Executor NODE_THREADS =
            task -> Thread.ofPlatform().name("kafka-node").daemon().start(task);

    private final List<KafkaServer> nodes;
    /** Where admin and topic calls go: the node itself, or a client of every node. */
    private final KafkaServer clients;

    private KafkaCluster(List<KafkaServer> nodes, KafkaServer clients) {
        this.nodes = List.copyOf(nodes);
        this.clients = clients;
    }

    /** One broker (embedded, remote or external) as a cluster of one. */
    static KafkaCluster of(KafkaServer node) {
        return new KafkaCluster(List.of(node), node);
    }

    /**
     * Starts {@code size} nodes on free ports and waits until each is serving.
     *
     * @param workDir node {@code i} lives in {@code workDir/node-i}; {@code workDir/cluster.id} holds the cluster id
     * @param logDir  node {@code i} writes {@code kafka-i.log} here
     */
    public static KafkaCluster startEmbedded(int size, Path workDir, Path logDir) {
        if (size < 1) {
            throw new IllegalArgumentException("a Kafka cluster needs a node at least, not " + size);
        }
        Path dir = workDir.toAbsolutePath();
        boolean fresh = !Files.exists(dir);
        int replicas = Math.min(size, 3);
        for (int attempt = 1; ; attempt++) {
            List<Integer> ports = freePorts(2 * size);
            String voters = IntStream.rangeClosed(1, size)
                    .mapToObj(id -> id + "@" + DevStackDefaults.HOST + ":" + ports.get(size + id - 1))
                    .collect(Collectors.joining(","));
            String clusterId;
            try {
                clusterId = KafkaServer.clusterId(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the Kafka cluster id in " + dir, e);
            }
            List<KafkaServer> nodes = new ArrayList<>();
            for (int id = 1; id <= size; id++) {
                nodes.add(KafkaServer.node(
                        ports.get(id - 1),
                        ports.get(size + id - 1),
                        dir.resolve("node-" + id),
                        logDir.toAbsolutePath().resolve("kafka-" + id + ".log"),
                        new KafkaServer.Membership(id, voters, replicas, clusterId)));
            }
            KafkaCluster cluster = new KafkaCluster(
                    nodes,
                    KafkaServer.external(
                            nodes.stream().map(KafkaServer::bootstrapServers).collect(Collectors.joining(","))));
            try {
                cluster.start();
                return cluster;
            } catch (IllegalStateException e) {
                cluster.stop();
                // As for one broker: a port picked as free may be taken before the node binds it.
                boolean pickedTaken = nodes.stream()
                        .anyMatch(node -> node.couldNotBind(node.port()) || node.couldNotBind(node.controllerPort()));
                if (!pickedTaken || attempt == 3) {
                    throw e;
                }
                LOG.warning("a Kafka node could not bind its port (taken meanwhile); starting the cluster again");
                if (fresh) {
                    FileTrees.deleteQuietly(dir);
                }
            }
        }
    }

    /** Number of nodes. */
    public int size() {
        return nodes.size();
    }

    /** Node {@code id} (1 to {@link #size()}), to stop, kill or start on its own. */
    public KafkaServer node(int id) {
        if (id < 1 || id > nodes.size()) {
            throw new IllegalArgumentException("no Kafka node " + id + " in a cluster of " + nodes.size());
        }
        return nodes.get(id - 1);
    }

    public List<KafkaServer> nodes() {
        return nodes;
    }

    /** Every node: what clients put in {@code bootstrap.servers}, so that any one node may be down. */
    public String bootstrapServers() {
        return clients.bootstrapServers();
    }

    /** Minimal client configuration: {@code bootstrap.servers}. */
    public Map<String, Object> clientConfig() {
        return clients.clientConfig();
    }

    /** A new admin client of the whole cluster; the caller closes it. */
    public Admin admin() {
        return clients.admin();
    }

    /** As {@link KafkaServer#ensureTopics()}, each topic with the cluster's replicas. */
    public void ensureTopics() {
        clients.ensureTopics();
    }

    /** As {@link KafkaServer#createTopics(Map)}, each topic with the cluster's replicas. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        clients.createTopics(partitionsByTopic);
    }

    public Set<String> topics() {
        return clients.topics();
    }

    public boolean isEmbedded() {
        return nodes.getFirst().isEmbedded();
    }

    /** Whether {@link #stop()} and {@link #start()} work (false for external Kafka). */
    public boolean isControllable() {
        return nodes.getFirst().isControllable();
    }

    /** Whether every node runs. */
    public boolean isRunning() {
        return nodes.stream().allMatch(KafkaServer::isRunning);
    }

    /** Starts the nodes that are stopped, together, and waits until each is serving. */
    public void start() {
        forEachNode(KafkaServer::start);
    }

    /** Stops every node; their data stay for {@link #start()}. */
    public void stop() {
        if (nodes.size() == 1) {
            nodes.getFirst().stop();
            return;
        }
        // All at once, so that each broker hands its partitions over while the controller quorum is still there. The
        // last node takes 5 s more (its controller waits to hand over, in vain); one whose broker was not done when
        // a majority went would wait minutes for a quorum: it gets 10 s, then SIGKILL.
        nodes.forEach(KafkaServer::terminate);
        int majority = nodes.size() / 2 + 1;
        awaitRunning(running -> running < majority, STOP_GRACE);
        awaitRunning(running -> running == 0, LEFT_BEHIND_GRACE);
        forEachNode(node -> {
            if (node.isRunning()) {
                LOG.warning(() -> node + " did not stop without a quorum; killing it");
                node.kill();
            }
            node.stop();
        });
    }

    /**
     * A rolling restart: one node after the other, each once the previous one is back in sync, so a cluster
     * never stops serving. A single broker is down while it restarts.
     */
    public void restart() {
        if (nodes.size() == 1) {
            nodes.getFirst().restart();
            return;
        }
        for (KafkaServer node : nodes) {
            node.restart();
            awaitInSync(IN_SYNC_TIMEOUT);
        }
    }

    /** Waits until every replica of every partition (of internal topics too) is in sync. */
    public void awaitInSync(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                Exception failure = null;
                try {
                    Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true))
                            .names()
                            .get(10, TimeUnit.SECONDS);
                    boolean inSync =
                            admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                                    .flatMap(topic -> topic.partitions().stream())
                                    .allMatch(partition -> partition.isr().size()
                                            == partition.replicas().size());
                    if (inSync) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka's replicas", e);
                } catch (Exception e) {
                    failure = e;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Kafka's replicas on " + bootstrapServers() + " are not all in sync after " + timeout,
                            failure);
                }
                KafkaServer.sleep(200);
            }
        }
    }

    @Override
    public void close() {
        if (isEmbedded()) {
            stop();
        }
    }

    /** An action sent by a copy of {@link KafkaServer} in another class loader (see {@link ManagedServer}). */
    String control(String action) {
        if (nodes.size() == 1) {
            return nodes.getFirst().control(action);
        }
        switch (action) {
            case "start" -> start();
            case "stop" -> stop();
            case "running" -> {
                return String.valueOf(isRunning());
            }
            default -> throw new IllegalArgumentException("unknown action " + action + " on a Kafka cluster");
        }
        return "";
    }

    private void awaitRunning(IntPredicate done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test((int) nodes.stream().filter(KafkaServer::isRunning).count())
                && System.nanoTime() < deadline) {
            KafkaServer.sleep(100);
        }
    }

    /** Runs {@code action} on every node at once; the first failure is thrown once all have finished. */
    private void forEachNode(Consumer<KafkaServer> action) {
        if (nodes.size() == 1) {
            action.accept(nodes.getFirst());
            return;
        }
        List<CompletableFuture<Void>> runs = nodes.stream()
                .map(node -> CompletableFuture.runAsync(() -> action.accept(node), NODE_THREADS))
                .toList();
        RuntimeException failure = null;
        for (CompletableFuture<Void> run : runs) {
            try {
                run.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static List<Integer> freePorts(int count) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < count) {
            ports.add(Ports.freePort());
        }
        return List.copyOf(ports);
    }

    @Override
    public String toString() {
        if (nodes.size() == 1) {
            return nodes.getFirst().toString();
        }
        return "Kafka cluster of " + nodes.size() + " nodes " + bootstrapServers() + " (embedded)";
    }
}

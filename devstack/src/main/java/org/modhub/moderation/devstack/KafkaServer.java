package org.modhub.moderation.devstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.JarURLConnection;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.devstack.internal.ChildProcesses;
import org.modhub.moderation.devstack.internal.ContextClassLoader;
import org.modhub.moderation.devstack.internal.FileTrees;
import org.modhub.moderation.devstack.internal.Ports;

/**
 * Apache Kafka in KRaft mode (one node, broker and controller) as a child JVM built from the
 * {@code kafka-runtime} artifact, or an external cluster where only topics are created. A node of a
 * {@link KafkaCluster} is one of these too, with a {@link Membership} of its own.
 * <p>
 * The child runs {@code BrokerMain}, which formats the storage on first start and exits when its
 * stdin reaches EOF, so the broker never outlives this JVM. {@link #stop()} (SIGTERM, then SIGKILL
 * after 30 s) / {@link #start()} reuse the port and log directory: committed records and offsets
 * survive, as in a real outage.
 */
public final class KafkaServer extends ManagedServer {

    private static final Logger LOG = Logger.getLogger(KafkaServer.class.getName());
    private static final String CLASSPATH_RESOURCE = "kafka-runtime.classpath";
    private static final String MAIN_CLASS = "org.modhub.moderation.devstack.kafka.BrokerMain";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String host;
    private final int port;
    private final int controllerPort;
    private final Path workDir;
    private final Path logFile;
    private final String bootstrapServers;
    private final Membership membership;

    private Process process;
    private boolean logStarted;

    private KafkaServer(
            String host,
            int port,
            int controllerPort,
            Path workDir,
            Path logFile,
            String bootstrapServers,
            Membership membership,
            Function<String, String> remote) {
        super("Kafka", workDir != null, remote);
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
        this.workDir = workDir;
        this.logFile = logFile;
        this.bootstrapServers = bootstrapServers;
        this.membership = membership;
    }

    /**
     * A node's place in its cluster: its id, the controller quorum ({@code 1@host:port,2@host:port,...}), the
     * replicas of every topic and the cluster id all nodes share (null: one generated for the work directory).
     */
    record Membership(int nodeId, String voters, int replicas, String clusterId) {

        /** The only node: its own quorum, one replica. */
        static Membership alone(String host, int controllerPort) {
            return new Membership(1, "1@" + host + ":" + controllerPort, 1, null);
        }

        /** A majority of the replicas: acks=all writes go on while the others are down. */
        int minInsyncReplicas() {
            return replicas / 2 + 1;
        }
    }

    /**
     * Starts a broker and waits until it answers an admin request.
     *
     * @param port           client port, 0 for a free one
     * @param controllerPort KRaft controller port, 0 for a free one
     * @param workDir        holds {@code server.properties}, the cluster id and the log directory
     *                       {@code data/}; reused as is when it exists (the launcher's state)
     * @param logFile        broker output; null for {@code workDir/kafka.log}
     */
    public static KafkaServer startEmbedded(int port, int controllerPort, Path workDir, Path logFile) {
        Path dir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath();
        boolean fresh = !Files.exists(dir);
        Path log = logFile != null ? logFile : dir.resolve("kafka.log");
        for (int attempt = 1; ; attempt++) {
            int clientPort = Ports.orFree(port);
            int quorumPort = controllerPort > 0 ? controllerPort : Ports.freePortOtherThan(clientPort);
            KafkaServer server = new KafkaServer(
                    DevStackDefaults.HOST,
                    clientPort,
                    quorumPort,
                    dir,
                    log,
                    DevStackDefaults.HOST + ":" + clientPort,
                    Membership.alone(DevStackDefaults.HOST, quorumPort),
                    null);
            try {
                server.start();
                return server;
            } catch (IllegalStateException e) {
                // A port picked as free can be taken before the broker binds it: an outgoing connection gets it as its
                // local port (both come from the same range). Only a picked port that was taken is picked again.
                boolean pickedTaken = (port <= 0 && server.couldNotBind(clientPort))
                        || (controllerPort <= 0 && server.couldNotBind(quorumPort));
                if (!pickedTaken || attempt == 3) {
                    throw e;
                }
                LOG.warning(() -> "Kafka could not bind port " + clientPort + " or " + quorumPort
                        + " (taken meanwhile); starting it again on other ports");
                if (fresh) {
                    FileTrees.deleteQuietly(dir);
                }
            }
        }
    }

    /** A node of a {@link KafkaCluster}, not started: the cluster starts its nodes together. */
    static KafkaServer node(int port, int controllerPort, Path workDir, Path logFile, Membership membership) {
        return new KafkaServer(
                DevStackDefaults.HOST,
                port,
                controllerPort,
                workDir,
                logFile,
                DevStackDefaults.HOST + ":" + port,
                membership,
                null);
    }

    /** An external cluster: nothing is started; {@link #ensureTopics()} creates topics there. */
    public static KafkaServer external(String bootstrapServers) {
        return new KafkaServer(null, 0, 0, null, null, bootstrapServers, null, null);
    }

    /** A broker run by the JVM-wide stack in another class loader, controlled through it. */
    static KafkaServer remote(String bootstrapServers, Function<String, String> control) {
        return new KafkaServer(null, 0, 0, null, null, bootstrapServers, null, control);
    }

    /** What clients put in {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Minimal client configuration: {@code bootstrap.servers}. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /** A new admin client; the caller closes it. */
    public Admin admin() {
        Map<String, Object> config = clientConfig();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        return ContextClassLoader.with(KafkaServer.class.getClassLoader(), () -> Admin.create(config));
    }

    /**
     * Creates every topic of {@link Topics#EVENT_TOPICS} ({@value DevStackDefaults#EVENT_TOPIC_PARTITIONS}
     * partitions) and {@link Topics#DEAD_LETTER_TOPICS} ({@value DevStackDefaults#DEAD_LETTER_TOPIC_PARTITIONS}),
     * keeping those that exist.
     */
    public void ensureTopics() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        Topics.EVENT_TOPICS.forEach(topic -> topics.put(topic, DevStackDefaults.EVENT_TOPIC_PARTITIONS));
        Topics.DEAD_LETTER_TOPICS.forEach(topic -> topics.put(topic, DevStackDefaults.DEAD_LETTER_TOPIC_PARTITIONS));
        createTopics(topics);
    }

    /**
     * Creates the topics that do not exist (replication: the cluster's default) and waits until
     * every partition has a leader, so the first send does not race the metadata.
     */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin()) {
            List<NewTopic> newTopics = new ArrayList<>();
            partitionsByTopic.forEach((name, partitions) ->
                    newTopics.add(new NewTopic(name, java.util.Optional.of(partitions), java.util.Optional.empty())));
            admin.createTopics(newTopics).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(
                                "cannot create topic " + name + " on " + bootstrapServers, e.getCause());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("cannot create topic " + name + " on " + bootstrapServers, e);
                }
            });
            awaitLeaders(admin, partitionsByTopic.keySet());
        }
    }

    /** Names of the (non-internal) topics. */
    public Set<String> topics() {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot list topics on " + bootstrapServers, e);
        }
    }

    @Override
    void startEmbedded() {
        if (process != null && process.isAlive()) {
            return;
        }
        long startedAt = System.nanoTime();
        try {
            Files.createDirectories(workDir.resolve("data"));
            Files.createDirectories(logFile.getParent());
            Path config = writeServerProperties();
            List<String> command = new ArrayList<>();
            command.add(ChildProcesses.javaExecutable());
            String classpath = brokerClasspath();
            command.addAll(DevStackDefaults.KAFKA_JVM_OPTIONS);
            command.addAll(startupOptions(classpath));
            command.addAll(List.of(
                    "-Djava.awt.headless=true",
                    "-Dorg.slf4j.simpleLogger.showDateTime=true",
                    "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
                    "-cp",
                    classpath,
                    MAIN_CLASS,
                    config.toString(),
                    membership.clusterId() != null ? membership.clusterId() : clusterId(workDir)));
            ProcessBuilder builder = new ProcessBuilder(ChildProcesses.detached(command))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            logStarted
                                    ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                                    : ProcessBuilder.Redirect.to(logFile.toFile()));
            logStarted = true;
            // stdin stays a pipe that we never write to: its EOF tells the broker we are gone.
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker in " + workDir, e);
        }
        try {
            awaitReady();
        } catch (RuntimeException e) {
            stopEmbedded();
            throw e;
        }
        LOG.info(() -> String.format(
                "Kafka started on %s (pid %d) in %d ms",
                bootstrapServers, process.pid(), (System.nanoTime() - startedAt) / 1_000_000));
    }

    @Override
    void stopEmbedded() {
        if (process == null) {
            return;
        }
        ChildProcesses.stop(process.toHandle(), STOP_GRACE);
        closeQuietly(process);
        process = null;
        LOG.info(() -> "Kafka on " + bootstrapServers + " stopped");
    }

    /** Asks the broker to stop (SIGTERM) without waiting: a {@link KafkaCluster} stops its nodes together. */
    synchronized void terminate() {
        if (process != null) {
            process.destroy();
        }
    }

    /** Kills the broker (SIGKILL), as a crash would; {@link #start()} recovers its logs. */
    public synchronized void kill() {
        run("kill", this::killEmbedded);
    }

    private void killEmbedded() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        ChildProcesses.await(process.toHandle(), Duration.ofSeconds(10));
        closeQuietly(process);
        process = null;
    }

    @Override
    boolean runsEmbedded() {
        return process != null && process.isAlive();
    }

    /** Pid of the broker JVM. */
    public synchronized OptionalLong pid() {
        return process != null && process.isAlive() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    /** Broker output. */
    public Path logFile() {
        return logFile;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** {@code node.id}: 1 for a broker of its own, 1 to N in a cluster of N. */
    public int nodeId() {
        return membership != null ? membership.nodeId() : 1;
    }

    /** Whether the last start failed because {@code port} was taken. */
    boolean couldNotBind(int port) {
        return ChildProcesses.tail(logFile, 200).contains(":" + port + ": Address already in use");
    }

    @Override
    String otherAction(String action) {
        if (!action.equals("kill")) {
            return super.otherAction(action);
        }
        kill();
        return "";
    }

    @Override
    String location() {
        return bootstrapServers;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        // A TCP probe first: the admin client logs a warning for every refused connection.
        while (!acceptsConnections()) {
            checkAlive();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka did not open port " + port + " within " + STARTUP_TIMEOUT
                        + "; last lines of " + logFile + ":\n" + ChildProcesses.tail(logFile, 30));
            }
            sleep(100);
        }
        try (Admin admin = admin()) {
            while (true) {
                checkAlive();
                Exception failure = null;
                try {
                    // Listed once registered and unfenced: caught up and serving (in a cluster, once a quorum formed).
                    boolean listed = admin
                            .describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                            .nodes()
                            .get(3, TimeUnit.SECONDS)
                            .stream()
                            .anyMatch(node -> node.id() == nodeId());
                    if (listed) {
                        return;
                    }
                } catch (Exception e) {
                    failure = e;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Kafka did not answer within " + STARTUP_TIMEOUT + "; last lines of " + logFile + ":\n"
                                    + ChildProcesses.tail(logFile, 30),
                            failure);
                }
                sleep(200);
            }
        }
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the Kafka broker exited with code " + process.exitValue()
                    + " during startup; last lines of " + logFile + ":\n" + ChildProcesses.tail(logFile, 30));
        }
    }

    private void awaitLeaders(Admin admin, Set<String> topics) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> descriptions =
                        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
                boolean ready = descriptions.values().stream()
                        .flatMap(d -> d.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (ready) {
                    return;
                }
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics " + topics + " have no leaders on " + bootstrapServers, e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + topics + " have no leaders on " + bootstrapServers);
            }
            sleep(100);
        }
    }

    private Path writeServerProperties() throws IOException {
        String properties = """
                # Written by devstack on every start; edits are overwritten.
                process.roles=broker,controller
                node.id=%5$d
                controller.quorum.voters=%6$s
                listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                advertised.listeners=PLAINTEXT://%1$s:%2$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%4$s
                num.partitions=1
                default.replication.factor=%7$d
                %9$soffsets.topic.replication.factor=%7$d
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=%7$d
                transaction.state.log.min.isr=%8$d
                transaction.state.log.num.partitions=3
                share.coordinator.state.topic.replication.factor=%7$d
                share.coordinator.state.topic.min.isr=%8$d
                # Consumers join without the 3 s wait meant for a cluster of many members.
                group.initial.rebalance.delay.ms=0
                # Topics exist because devstack created them, never because a client misspelt one.
                auto.create.topics.enable=false
                # Light on a small machine.
                num.network.threads=2
                num.io.threads=4
                num.recovery.threads.per.data.dir=1
                background.threads=4
                """.formatted(
                        host,
                        port,
                        controllerPort,
                        workDir.resolve("data"),
                        membership.nodeId(),
                        membership.voters(),
                        membership.replicas(),
                        membership.minInsyncReplicas(),
                        replicationLines());
        Path file = workDir.resolve("server.properties");
        Files.writeString(file, properties, StandardCharsets.UTF_8);
        return file;
    }

    /** What {@code server.properties} says about replication before the internal topics' settings. */
    private String replicationLines() {
        if (membership.replicas() == 1) {
            return "# One node: every internal topic has a single replica.\n";
        }
        // Writes need a majority of the replicas, so one node may be down; none that fell behind becomes a leader.
        return "# %1$d replicas of every topic, internal ones too; acks=all writes need %2$d in sync.\n"
                        .formatted(membership.replicas(), membership.minInsyncReplicas())
                + "min.insync.replicas=%d\nunclean.leader.election.enable=false\n"
                        .formatted(membership.minInsyncReplicas());
    }

    /** The cluster id, generated once per directory: the formatted storage records it. */
    static String clusterId(Path dir) throws IOException {
        Path file = dir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        Files.createDirectories(dir);
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    /**
     * The broker's class path: the kafka-runtime artifact itself (it holds {@code BrokerMain})
     * followed by the broker's dependencies, which the artifact lists in a resource.
     */
    static String brokerClasspath() {
        URL resource = KafkaServer.class.getClassLoader().getResource(CLASSPATH_RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(CLASSPATH_RESOURCE + " is not on the class path: depend on "
                    + "org.modhub.moderation:kafka-runtime (build it with ./mvnw -pl devstack -am install)");
        }
        try (InputStream in = resource.openStream()) {
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String entry : dependencies.split(File.pathSeparator)) {
                if (!entry.isBlank() && !Files.exists(Path.of(entry))) {
                    throw new IllegalStateException("the Kafka runtime lists " + entry + ", which does not exist; "
                            + "rebuild it with ./mvnw -pl devstack -am install");
                }
            }
            return artifactLocation(resource) + File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Path artifactLocation(URL resource) throws IOException {
        try {
            return switch (resource.getProtocol()) {
                case "jar" ->
                    Path.of(((JarURLConnection) resource.openConnection())
                            .getJarFileURL()
                            .toURI());
                // target/classes during a reactor build: the resource sits at its root.
                case "file" -> Path.of(resource.toURI()).getParent();
                default -> throw new IllegalStateException("cannot locate the kafka-runtime artifact from " + resource);
            };
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the kafka-runtime artifact from " + resource, e);
        }
    }

    /**
     * Halves the broker's start time (4 s to 2 s here), which every test JVM and every restart
     * pays: C1 only (a development broker is never CPU-bound), and a class-data archive that the
     * JVM creates on its first exit and reuses after. The archive lives in a per-user cache keyed
     * by JDK and class path; the JVM ignores and rebuilds an archive that does not match.
     */
    private static List<String> startupOptions(String classpath) {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
        if (Runtime.version().feature() >= 19) {
            String key = System.getProperty("java.home") + "|" + Runtime.version() + "|" + classpath;
            Path cache =
                    Path.of(System.getProperty("java.io.tmpdir"), "devstack-cds-" + System.getProperty("user.name"));
            try {
                Files.createDirectories(cache);
                Path archive = cache.resolve("kafka-" + Integer.toHexString(key.hashCode()) + ".jsa");
                options.add("-XX:+AutoCreateSharedArchive");
                options.add("-XX:SharedArchiveFile=" + archive);
            } catch (IOException e) {
                LOG.fine(() -> "no class-data archive for the broker: " + e);
            }
        }
        return options;
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // The process is gone already.
        }
    }

    /** A pause while waiting for a broker or a cluster; an interrupt ends the wait. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    @Override
    public String toString() {
        String node = membership != null && membership.replicas() > 1 ? "node " + nodeId() + " " : "";
        return "Kafka " + node + bootstrapServers + (isEmbedded() ? " (embedded, " + workDir + ")" : " (external)");
    }
}

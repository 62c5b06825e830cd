package org.modhub.moderation.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.DevStackDefaults;
import org.modhub.moderation.devstack.DevStackEnv;
import org.modhub.moderation.devstack.DevStackOptions;
import org.modhub.moderation.devstack.internal.ChildProcesses;
import org.modhub.moderation.devstack.internal.Ports;
import org.modhub.moderation.devstack.launcher.LocalSuite;
import org.modhub.moderation.devstack.launcher.RepoLayout;
import org.modhub.moderation.devstack.launcher.ServiceProcess;

/**
 * The whole suite as {@code bin/run} starts it: PostgreSQL, Kafka, the mail server and the hub stand-in from
 * devstack, and the services as separate processes from their packaged
 * {@code target/quarkus-app}, configured through the environment by devstack's launcher code.
 * Unlike {@code bin/run} it uses free ports and temporary state (so it never meets a running
 * {@code bin/run}), and gives each service an adjustable clock ({@code kit.clock.offset-file}).
 * With {@code -De2e.replicas=N} each service runs N times on one database, as pods behind a Kubernetes Service:
 * {@link #url} hands out the replicas in turn, skipping those not running. {@code -De2e.brokers=3} runs Kafka as a
 * cluster of three brokers. One suite per test JVM, shared by the test classes, stopped by a shutdown hook.
 */
final class Suite {

    static final List<String> SERVICES = DevStackDefaults.SERVICES;
    /** Processes per service; the full fault test runs two, as the chart does. */
    static final int REPLICAS = Integer.getInteger("e2e.replicas", 1);
    /** Kafka brokers; the full fault test runs a cluster of three (replication factor 3, two in sync). */
    static final int BROKERS = Integer.getInteger("e2e.brokers", 1);

    private static final Duration READY_BUDGET = Duration.ofMinutes(3);
    /** Longest wait before starting an exited service again (the wait doubles from 1 s, as a kubelet's back-off). */
    private static final Duration MAX_RESTART_BACKOFF = Duration.ofSeconds(8);

    /** How often the readiness of each replica is probed (with replicas only), and how long a probe may take. */
    private static final Duration PROBE_EVERY = Duration.ofSeconds(2);

    private static final HttpClient PROBE =
            HttpClient.newBuilder().connectTimeout(PROBE_EVERY).build();

    private static Suite instance;

    final DevStack stack;
    /** Each service's replicas, in the order they were started (the first is replica 1). */
    final Map<String, List<ServiceProcess>> services = new LinkedHashMap<>();

    private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();
    /** Replicas whose last readiness probe failed: {@link #url} passes them by. */
    private final Set<ServiceProcess> notReady = ConcurrentHashMap.newKeySet();

    private List<String> javaOptions = List.of();
    final Path clockOffsetFile;
    final Path logDir;
    /** Where every service exports the spans of sampled traces (TracingIT). */
    final OtlpReceiver traces;

    private Duration clockOffset = Duration.ZERO;
    private volatile boolean supervising = true;
    /** The staff console, started on first use: only the browser tests need it. */
    private ServiceProcess console;
    /** Prometheus with the chart's alert rules, started on first use: only the fault test needs it. */
    private Prometheus prometheus;

    private Suite(DevStack stack, Path logDir, Path clockOffsetFile, OtlpReceiver traces) {
        this.stack = stack;
        this.logDir = logDir;
        this.clockOffsetFile = clockOffsetFile;
        this.traces = traces;
    }

    static synchronized Suite get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static Suite start() {
        long startedAt = System.nanoTime();
        RepoLayout repo = RepoLayout.locate();
        Path target = repo.root().resolve("e2e/target/e2e");
        Path logDir = target.resolve("logs");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String service : SERVICES) {
            if (!Files.isRegularFile(repo.serviceJar(service))) {
                throw new IllegalStateException("not packaged: " + repo.serviceJar(service)
                        + "; run ./mvnw -B install -DskipTests first (or ./mvnw verify -pl e2e -am)");
            }
        }
        DevStack stack = DevStack.start(DevStackOptions.builder()
                .env(Map.of()) // always our own infrastructure: the faults stop and start it
                .mailDomain(DevStackDefaults.MAIL_DOMAIN)
                .kafkaBrokers(BROKERS)
                .logDir(logDir)
                .build());
        Path offsetFile = target.resolve("clock-offset");
        try {
            Files.writeString(offsetFile, "PT0S");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Suite suite = new Suite(stack, logDir, offsetFile, OtlpReceiver.start());
        Runtime.getRuntime().addShutdownHook(new Thread(suite::stopAll, "e2e-stop"));
        List<String> javaOptions = new ArrayList<>(Arrays.asList(System.getenv()
                .getOrDefault(DevStackEnv.SERVICE_JAVA_OPTS, LocalSuite.DEFAULT_SERVICE_JAVA_OPTS)
                .trim()
                .split("\\s+")));
        if (REPLICAS > 1) {
            // Twelve service JVMs on two cores, each restarted once or more by the faults: C1 only, as the broker
            // runs, spares the optimising compiler's work at every start. The e2e checks what happens, not speed.
            javaOptions.add("-XX:TieredStopAtLevel=1");
        }
        suite.javaOptions = List.copyOf(javaOptions);
        for (String service : SERVICES) {
            List<ServiceProcess> replicas = new ArrayList<>();
            for (int replica = 1; replica <= REPLICAS; replica++) {
                replicas.add(suite.startReplica(repo, target, service, replica));
            }
            suite.services.put(service, List.copyOf(replicas));
        }
        Thread.ofPlatform().daemon().name("e2e-supervisor").start(suite::supervise);
        if (REPLICAS > 1) {
            Thread.ofPlatform().daemon().name("e2e-readiness").start(suite::probeReadiness);
        }
        suite.awaitAllReady();
        System.out.printf("e2e: suite up in %.1f s (%s)%n", (System.nanoTime() - startedAt) / 1e9, suite.describe());
        return suite;
    }

    private ServiceProcess startReplica(RepoLayout repo, Path target, String service, int replica) {
        int port = Ports.freePort();
        String name = REPLICAS == 1 ? service : service + "-" + replica;
        ServiceProcess process = new ServiceProcess(
                service, port, repo.serviceJar(service), logDir.resolve(name + ".log"), target.resolve(name + ".pid"));
        Map<String, String> env = new LinkedHashMap<>(LocalSuite.serviceEnvironment(stack, service, port));
        env.put("KIT_CLOCK_OFFSET_FILE", clockOffsetFile.toString());
        // Test pace, not production: the gateway looks at the inboxes every second, not every 10 s.
        env.put("NOTIFICATION_INBOUND_POLL_EVERY", "1s");
        // The hub directory's answers live 1 s, not 5 min: a journey stops the hub stand-in mid-flow and must meet
        // what a service meets once its cache has run out, not an answer kept from the step before.
        env.put("KIT_HUB_CACHE_TTL", "1s");
        // Gauges read from the database every 2 s, not 15 s: the fault test reads the alerts right after it
        // settles.
        env.put("KIT_METRICS_SAMPLE_EVERY", "2s");
        // Spans go to the in-process receiver, but only of traces a test starts sampled (a traceparent ending -01):
        // no new trace is kept (ratio 0), so the other tests' requests cost no export.
        env.put("KIT_TRACING_EXPORT", "true");
        env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint());
        env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
        env.put("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0");
        env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
        if (REPLICAS > 1) {
            // Twelve JVMs on two cores: event loops stall for seconds while one of them starts, so a hub call's 2 s
            // budget measured the machine, and the circuit opened against a hub that was answering. 10 s here.
            env.put("KIT_HUB_TIMEOUT", "10s");
        }
        process.start(javaOptions, env, repo.serviceDir(service));
        return process;
    }

    String describe() {
        List<String> parts = new ArrayList<>();
        services.values().stream().flatMap(List::stream).forEach(s -> parts.add(s.service() + " " + s.url()));
        parts.add(stack.postgres().toString());
        parts.add(stack.kafkaCluster().toString());
        parts.add(stack.mail().toString());
        return String.join(", ", parts);
    }

    /**
     * Where the next request to {@code service} goes: its replicas in turn, as a Kubernetes Service spreads requests
     * over its pods, skipping a replica that is not running or whose last readiness probe failed (a Service's
     * endpoints are its ready pods); if none is, the next in turn.
     */
    String url(String service) {
        List<ServiceProcess> replicas = services.get(service);
        if (replicas.size() == 1) {
            return replicas.getFirst().url();
        }
        int first = Math.floorMod(
                turns.computeIfAbsent(service, s -> new AtomicInteger()).getAndIncrement(), replicas.size());
        for (int i = 0; i < replicas.size(); i++) {
            ServiceProcess replica = replicas.get((first + i) % replicas.size());
            Process process = replica.process();
            if (process != null && process.isAlive() && !notReady.contains(replica)) {
                return replica.url();
            }
        }
        return replicas.get(first).url();
    }

    /**
     * As the kubelet's readiness probe: every {@link #PROBE_EVERY} each replica's {@code /q/health/ready} is asked,
     * and one that fails or does not answer leaves {@link #url}'s turns until it answers 200 again.
     */
    private void probeReadiness() {
        while (supervising) {
            for (ServiceProcess replica : all()) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(replica.url() + "/q/health/ready"))
                        .timeout(PROBE_EVERY)
                        .GET()
                        .build();
                boolean ready;
                try {
                    ready = PROBE.send(request, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                } catch (IOException e) {
                    ready = false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (ready) {
                    notReady.remove(replica);
                } else {
                    notReady.add(replica);
                }
            }
            sleep(PROBE_EVERY);
        }
    }

    /** The replicas of {@code service}, the first being replica 1. */
    List<ServiceProcess> replicas(String service) {
        return services.get(service);
    }

    /** A token the services accept, with the {@code email} claim the hub's tokens carry. */
    String token(String subject, String... roles) {
        return stack.tokens()
                .mint(
                        subject,
                        Arrays.asList(roles),
                        Duration.ofHours(2),
                        Map.<String, Object>of("email", Hub.address(subject)));
    }

    /** Waits until every service answers 200 on readiness; fails with the log tail of one that does not. */
    void awaitAllReady() {
        long deadline = System.nanoTime() + READY_BUDGET.toNanos();
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (ServiceProcess service : all()) {
            waits.add(CompletableFuture.runAsync(() -> awaitReady(service, deadline)));
        }
        CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
    }

    private static void awaitReady(ServiceProcess service, long deadline) {
        ServiceProcess.Readiness readiness = service.awaitReady(deadline);
        // An exited service is started again by the supervisor; wait for that run.
        while (readiness == ServiceProcess.Readiness.EXITED && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(500));
            readiness = service.awaitReady(deadline);
        }
        if (readiness != ServiceProcess.Readiness.READY) {
            throw new IllegalStateException(service.service() + " " + readiness + "; last lines of " + service.log()
                    + ":\n" + ChildProcesses.tail(service.log(), 60));
        }
    }

    /**
     * As a kubelet does for a pod: a service that exits (e.g. it was restarted while PostgreSQL was down and gave up
     * waiting for its migration) is started again, after a back-off that doubles up to {@link #MAX_RESTART_BACKOFF}
     * and resets once the service has run for a minute. Runs for the life of the suite.
     */
    private void supervise() {
        Map<String, Integer> failures = new HashMap<>();
        Map<String, Long> exitedAt = new HashMap<>();
        Map<String, Long> startedAt = new HashMap<>();
        while (supervising) {
            long now = System.nanoTime();
            for (ServiceProcess service : all()) {
                synchronized (service) {
                    Process process = service.process();
                    String name = service.log().getFileName().toString().replace(".log", "");
                    if (process != null && process.isAlive()) {
                        exitedAt.remove(name);
                        if (now - startedAt.getOrDefault(name, now)
                                > Duration.ofMinutes(1).toNanos()) {
                            failures.remove(name);
                        }
                        continue;
                    }
                    long since = exitedAt.computeIfAbsent(name, ignored -> now);
                    int failed = failures.getOrDefault(name, 0);
                    Duration backoff = Duration.ofSeconds(1L << Math.min(failed, 3));
                    if (backoff.compareTo(MAX_RESTART_BACKOFF) > 0) {
                        backoff = MAX_RESTART_BACKOFF;
                    }
                    if (supervising && now - since >= backoff.toNanos()) {
                        System.out.printf(
                                "e2e: %s had exited (exit code %s); starting it again (restart %d)%n",
                                name, process == null ? "?" : process.exitValue(), failed + 1);
                        service.restart();
                        failures.put(name, failed + 1);
                        startedAt.put(name, now);
                        exitedAt.remove(name);
                    }
                }
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<ServiceProcess> all() {
        return services.values().stream().flatMap(List::stream).toList();
    }

    /** Every replica of {@code service}: SIGKILL, then start again at once (not waiting for readiness). */
    void killAndRestart(String service) {
        services.get(service).forEach(Suite::killAndRestart);
    }

    /** SIGKILL, then start it again at once (not waiting for readiness), before the supervisor sees it gone. */
    static void killAndRestart(ServiceProcess replica) {
        synchronized (replica) {
            replica.kill();
            replica.restart();
        }
    }

    /**
     * One step of a rolling upgrade: the replica is stopped as Kubernetes stops a pod (SIGTERM, then SIGKILL after
     * the grace period), started from {@code nextJar} on the same port and configuration, and awaited ready.
     */
    void replace(ServiceProcess replica, Path nextJar) {
        synchronized (replica) {
            replica.stop(Duration.ofSeconds(30));
            replica.restartFrom(nextJar);
        }
        awaitReady(replica, System.nanoTime() + READY_BUDGET.toNanos());
    }

    /** SIGKILL of one broker of the Kafka cluster ({@code broker} from 1), as a crash. */
    void killBroker(int broker) {
        stack.kafkaCluster().node(broker).kill();
    }

    /** Starts a killed broker again on its port and log directory; it catches up with the others. */
    void startBroker(int broker) {
        stack.kafkaCluster().node(broker).start();
    }

    /** Waits until one replica is ready. */
    void awaitReady(ServiceProcess replica) {
        awaitReady(replica, System.nanoTime() + READY_BUDGET.toNanos());
    }

    /** Waits until every replica of {@code service} is ready. */
    void awaitReady(String service) {
        long deadline = System.nanoTime() + READY_BUDGET.toNanos();
        services.get(service).forEach(replica -> awaitReady(replica, deadline));
    }

    /** Moves every service's clock forward to {@code offset} from real time. */
    synchronized void travelTo(Duration offset) {
        if (offset.compareTo(clockOffset) < 0) {
            throw new IllegalArgumentException("time only moves forward: " + clockOffset + " → " + offset);
        }
        try {
            Path temp = Files.createTempFile(clockOffsetFile.getParent(), "clock", ".tmp");
            Files.writeString(temp, offset.toString());
            Files.move(
                    temp,
                    clockOffsetFile,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        clockOffset = offset;
    }

    synchronized Duration clockOffset() {
        return clockOffset;
    }

    /**
     * The staff console's base URL. It starts on the first call, as {@code bin/run} starts it: signed in through the
     * stack's identity stand-in, calling these services with the signed-in person's token.
     */
    synchronized String consoleUrl() {
        if (console == null) {
            RepoLayout repo = RepoLayout.locate();
            if (!Files.isRegularFile(repo.serviceJar(RepoLayout.CONSOLE))) {
                throw new IllegalStateException("not packaged: " + repo.serviceJar(RepoLayout.CONSOLE)
                        + "; run ./mvnw -B install -DskipTests first (or ./mvnw verify -pl e2e -am)");
            }
            int port = Ports.freePort();
            Map<String, String> serviceUrls = new LinkedHashMap<>();
            services.forEach((name, replicas) ->
                    serviceUrls.put(name, replicas.getFirst().url()));
            ServiceProcess process = new ServiceProcess(
                    RepoLayout.CONSOLE,
                    port,
                    repo.serviceJar(RepoLayout.CONSOLE),
                    logDir.resolve("console.log"),
                    logDir.resolveSibling("console.pid"));
            List<String> javaOptions = Arrays.asList(LocalSuite.DEFAULT_SERVICE_JAVA_OPTS.split("\\s+"));
            process.start(
                    javaOptions,
                    LocalSuite.consoleEnvironment(stack, serviceUrls, port),
                    repo.serviceDir(RepoLayout.CONSOLE));
            ServiceProcess.Readiness readiness = process.awaitReady(System.nanoTime() + READY_BUDGET.toNanos());
            if (readiness != ServiceProcess.Readiness.READY) {
                process.stop(Duration.ofSeconds(5));
                throw new IllegalStateException("console " + readiness + "; last lines of " + process.log() + ":\n"
                        + ChildProcesses.tail(process.log(), 60));
            }
            console = process;
        }
        return console.url();
    }

    /**
     * A Prometheus scraping every service (job = the service's name) and evaluating the chart's alert rules. It
     * starts on the first call; the services' ports stay the same across the restarts of the faults.
     */
    synchronized Prometheus prometheus() {
        if (prometheus == null) {
            Map<String, List<String>> targets = new LinkedHashMap<>();
            services.forEach((name, replicas) -> targets.put(
                    job(name),
                    replicas.stream()
                            .map(replica -> DevStackDefaults.HOST + ":" + replica.port())
                            .toList()));
            prometheus = Prometheus.start(
                    RepoLayout.locate().root(),
                    logDir.resolveSibling("prometheus"),
                    logDir.resolve("prometheus.log"),
                    targets);
        }
        return prometheus;
    }

    /** A service's job as Prometheus knows it in a cluster: its Service's name ({@code reporting-service}). */
    static String job(String service) {
        return service + "-service";
    }

    private void stopAll() {
        supervising = false;
        if (prometheus != null) {
            prometheus.close();
        }
        List<Thread> stoppers = new ArrayList<>();
        if (console != null) {
            stoppers.add(Thread.ofPlatform().start(() -> console.stop(Duration.ofSeconds(10))));
        }
        for (ServiceProcess service : all()) {
            stoppers.add(Thread.ofPlatform().start(() -> service.stop(Duration.ofSeconds(10))));
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stack.close();
    }
}

package org.modhub.moderation.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
 * The whole suite as {@code bin/run} starts it: PostgreSQL, Kafka and the mail server from
 * devstack, and the five services as separate processes from their packaged
 * {@code target/quarkus-app}, configured through the environment by devstack's launcher code.
 * Unlike {@code bin/run} it uses free ports and temporary state (so it never meets a running
 * {@code bin/run}), and gives each service an adjustable clock ({@code kit.clock.offset-file}).
 * One suite per test JVM, shared by the test classes, stopped by a shutdown hook.
 */
final class Suite {

    static final List<String> SERVICES = DevStackDefaults.SERVICES;
    private static final Duration READY_BUDGET = Duration.ofMinutes(3);
    /** Restarts of a service that exits while it should come up, like a crash-looping pod. */
    private static final int MAX_RESTARTS = 5;
    private static Suite instance;

    final DevStack stack;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    final Path clockOffsetFile;
    final Path logDir;
    private Duration clockOffset = Duration.ZERO;

    private Suite(DevStack stack, Path logDir, Path clockOffsetFile) {
        this.stack = stack;
        this.logDir = logDir;
        this.clockOffsetFile = clockOffsetFile;
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
                .logDir(logDir)
                .build());
        Path offsetFile = target.resolve("clock-offset");
        try {
            Files.writeString(offsetFile, "PT0S");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Suite suite = new Suite(stack, logDir, offsetFile);
        Runtime.getRuntime().addShutdownHook(new Thread(suite::stopAll, "e2e-stop"));
        List<String> javaOptions = Arrays.asList(System.getenv().getOrDefault(DevStackEnv.SERVICE_JAVA_OPTS,
                LocalSuite.DEFAULT_SERVICE_JAVA_OPTS).trim().split("\\s+"));
        for (String service : SERVICES) {
            int port = Ports.freePort();
            ServiceProcess process = new ServiceProcess(service, port, repo.serviceJar(service),
                    logDir.resolve(service + ".log"), target.resolve(service + ".pid"));
            Map<String, String> env = new LinkedHashMap<>(LocalSuite.serviceEnvironment(stack, service, port));
            env.put("KIT_CLOCK_OFFSET_FILE", offsetFile.toString());
            // Test pace, not production: the gateway looks at the inboxes every second, not every 10 s.
            env.put("NOTIFICATION_INBOUND_POLL_EVERY", "1s");
            process.start(javaOptions, env, repo.serviceDir(service));
            suite.services.put(service, process);
        }
        suite.awaitAllReady();
        System.out.printf("e2e: suite up in %.1f s (%s)%n", (System.nanoTime() - startedAt) / 1e9, suite.describe());
        return suite;
    }

    String describe() {
        List<String> parts = new ArrayList<>();
        services.values().forEach(s -> parts.add(s.service() + " " + s.url()));
        parts.add(stack.postgres().toString());
        parts.add(stack.kafka().toString());
        parts.add(stack.mail().toString());
        return String.join(", ", parts);
    }

    String url(String service) {
        return services.get(service).url();
    }

    /** A token the services accept, with the {@code email} claim the hub's tokens carry. */
    String token(String subject, String... roles) {
        return stack.tokens().mint(subject, Arrays.asList(roles), Duration.ofHours(2),
                Map.<String, Object>of("email", Hub.address(subject)));
    }

    /** Waits until every service answers 200 on readiness; fails with the log tail of one that does not. */
    void awaitAllReady() {
        long deadline = System.nanoTime() + READY_BUDGET.toNanos();
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
            waits.add(CompletableFuture.runAsync(() -> awaitReady(service, deadline)));
        }
        CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
    }

    private static void awaitReady(ServiceProcess service, long deadline) {
        ServiceProcess.Readiness readiness = service.awaitReady(deadline);
        // As a kubelet would: a service that exited (e.g. restarted while PostgreSQL was down, so its
        // migration could not connect and it stopped) is started again until the budget runs out.
        int restarts = 0;
        while (readiness == ServiceProcess.Readiness.EXITED && restarts < MAX_RESTARTS && System.nanoTime() < deadline) {
            restarts++;
            try {
                Thread.sleep(Duration.ofSeconds(restarts).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            System.out.println("e2e: " + service.service() + " had exited; starting it again (" + restarts + ")");
            service.restart();
            readiness = service.awaitReady(deadline);
        }
        if (readiness != ServiceProcess.Readiness.READY) {
            throw new IllegalStateException(service.service() + " " + readiness + "; last lines of " + service.log() + ":\n"
                    + ChildProcesses.tail(service.log(), 60));
        }
    }

    /** SIGKILL, then start it again (not waiting for readiness). */
    void killAndRestart(String service) {
        ServiceProcess process = services.get(service);
        process.kill();
        process.restart();
    }

    void awaitReady(String service) {
        awaitReady(services.get(service), System.nanoTime() + READY_BUDGET.toNanos());
    }

    /** Moves every service's clock forward to {@code offset} from real time. */
    synchronized void travelTo(Duration offset) {
        if (offset.compareTo(clockOffset) < 0) {
            throw new IllegalArgumentException("time only moves forward: " + clockOffset + " → " + offset);
        }
        try {
            Path temp = Files.createTempFile(clockOffsetFile.getParent(), "clock", ".tmp");
            Files.writeString(temp, offset.toString());
            Files.move(temp, clockOffsetFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        clockOffset = offset;
    }

    synchronized Duration clockOffset() {
        return clockOffset;
    }

    private void stopAll() {
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
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

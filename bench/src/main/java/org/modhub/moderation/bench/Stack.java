package org.modhub.moderation.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.DevStackDefaults;
import org.modhub.moderation.devstack.DevStackEnv;
import org.modhub.moderation.devstack.internal.ChildProcesses;
import org.modhub.moderation.devstack.internal.OrphanGuard;
import org.modhub.moderation.devstack.launcher.LocalSuite;
import org.modhub.moderation.devstack.launcher.RepoLayout;

/**
 * The suite as {@code bin/run} runs it, on ephemeral infrastructure (free ports, temporary
 * state: a run never touches {@code .devstack/} or a running {@code bin/run}): devstack's
 * {@link LocalSuite} starts PostgreSQL, Kafka and mail, and each service runs from its packaged
 * {@code quarkus-run.jar} with the launcher's configuration and JVM options. Also samples each
 * service's resident memory.
 */
final class Stack implements AutoCloseable {

    /** The launcher's JVM options for the services; DEVSTACK_SERVICE_JAVA_OPTS replaces them. */
    static final String SERVICE_JAVA_OPTS = LocalSuite.DEFAULT_SERVICE_JAVA_OPTS;

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A service process. */
    record Service(String name, int port, Process process, OrphanGuard guard, Path log) {
        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    /** How a start went: wall time from spawning the JVM to the first 200 on /q/health/ready, and Quarkus' own "started in". */
    record Start(String service, double readyMillis, double quarkusMillis) {}

    /** How a stop went: wall time from SIGTERM to exit, and whether the service exited by itself (false: killed). */
    record Stop(String service, double millis, boolean exited) {}

    private final RepoLayout repo;
    private final DevStack dev;
    private final Path logDir;
    private final Map<String, String> extraEnv;
    private final Map<String, Service> services = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Map<String, Long>> peakRss = new ConcurrentHashMap<>();
    private volatile String phase = "start";
    private final Thread sampler;

    private Stack(RepoLayout repo, DevStack dev, Path logDir, Map<String, String> extraEnv) {
        this.repo = repo;
        this.dev = dev;
        this.logDir = logDir;
        this.extraEnv = extraEnv;
        this.sampler = Thread.ofPlatform().daemon().name("rss-sampler").start(this::sample);
    }

    static Stack start(RepoLayout repo, Path logDir, Map<String, String> extraEnv) {
        DevStack dev = new LocalSuite(null, System.getenv()).startInfrastructure();
        if (dev == null) {
            throw new IllegalStateException("the infrastructure did not start");
        }
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Stack(repo, dev, logDir, extraEnv);
    }

    DevStack dev() {
        return dev;
    }

    Service service(String name) {
        return services.get(name);
    }

    String url(String name) {
        return services.get(name).url();
    }

    Connection db(String database) throws SQLException {
        return dev.postgres().connect(database);
    }

    /**
     * Starts a service with the launcher's JVM options (with its own added, as matching's bigger heap) and waits
     * until it is ready.
     */
    Start startService(String name) {
        return startService(name, LocalSuite.serviceJavaOptions(name, System.getenv()));
    }

    /** Starts a service with these JVM options ({@code {service}} = its name) and waits until it is ready; polls readiness every 20 ms. */
    Start startService(String name, String javaOptions) {
        int port = freePort();
        return start(name, javaOptions, port, LocalSuite.serviceEnvironment(dev, name, port));
    }

    /**
     * Starts the staff console as {@code bin/run} does, after the services: signing in at this stack's identity
     * stand-in and calling the five services where they answer now.
     */
    Start startConsole() {
        Map<String, String> serviceUrls = new LinkedHashMap<>();
        for (String service : DevStackDefaults.SERVICES) {
            serviceUrls.put(service, url(service));
        }
        int port = freePort();
        return start(
                RepoLayout.CONSOLE,
                System.getenv().getOrDefault(DevStackEnv.SERVICE_JAVA_OPTS, SERVICE_JAVA_OPTS),
                port,
                LocalSuite.consoleEnvironment(dev, serviceUrls, port));
    }

    /** The name of the plain JVM ({@link IdleJvm}) while it runs as a part of this stack. */
    static final String PLAIN_JVM = "plain JVM";

    /**
     * Starts {@link IdleJvm} (the bench module's classes) with the services' JVM options and waits for its first
     * answer, polled as a service's readiness is: the baseline of a service's start, idle CPU and idle RSS. It counts
     * as its own part ({@link #PLAIN_JVM}) until {@link #stopService} stops it.
     */
    Start startPlainJvm() {
        int port = freePort();
        String options = System.getenv().getOrDefault(DevStackEnv.SERVICE_JAVA_OPTS, SERVICE_JAVA_OPTS);
        Path classes = repo.root().resolve("bench/target/classes");
        return start(
                PLAIN_JVM,
                options,
                List.of("-cp", classes.toString(), IdleJvm.class.getName(), Integer.toString(port)),
                classes.getParent(),
                port,
                Map.of());
    }

    private Start start(String name, String javaOptions, int port, Map<String, String> environment) {
        return start(
                name,
                javaOptions,
                List.of("-jar", repo.serviceJar(name).toString()),
                repo.serviceDir(name),
                port,
                environment);
    }

    private synchronized Start start(
            String name,
            String javaOptions,
            List<String> main,
            Path directory,
            int port,
            Map<String, String> environment) {
        Path log = logDir.resolve(name.replace(' ', '-') + ".log");
        List<String> command = new ArrayList<>();
        command.add(ChildProcesses.javaExecutable());
        command.addAll(List.of(javaOptions.replace("{service}", name).trim().split("\\s+")));
        command.addAll(main);
        ProcessBuilder builder = new ProcessBuilder(ChildProcesses.detached(command))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().putAll(extraEnv);
        long logOffset = log.toFile().length();
        long startedAt = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        Service service = new Service(name, port, process, OrphanGuard.watch(process.pid(), "TERM"), log);
        services.put(name, service);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        long deadline = startedAt + Duration.ofMinutes(2).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited; last lines of " + log + ":\n" + ChildProcesses.tail(log, 40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready in 2 minutes; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(20);
        }
        double readyMillis = (System.nanoTime() - startedAt) / 1e6;
        return new Start(name, readyMillis, quarkusStartedIn(log, logOffset));
    }

    /** SIGTERM, SIGKILL after 30 s (a service's own shutdown timeout is 25 s). */
    Stop stopService(String name) {
        return stopService(name, Duration.ofSeconds(30));
    }

    /** Stops a service, waiting up to {@code patience} after SIGTERM before killing it. */
    Stop stopService(String name, Duration patience) {
        Service service = services.remove(name);
        if (service == null) {
            return new Stop(name, 0, true);
        }
        service.guard().close();
        long sent = System.nanoTime();
        boolean exited = ChildProcesses.stop(service.process().toHandle(), patience);
        return new Stop(name, (System.nanoTime() - sent) / 1e6, exited);
    }

    /** Resident set size of a service now, in MiB (from /proc). */
    double rssMiB(String name) {
        Service service = services.get(name);
        return service == null ? Double.NaN : rssKiB(service.process().pid()) / 1024.0;
    }

    /** Names the phase that the memory sampler attributes its samples to. */
    void phase(String name) {
        phase = name;
    }

    /** Highest resident set size of each service seen during {@code phase}, in MiB. */
    Map<String, Double> peakRssMiB(String phase) {
        Map<String, Double> result = new LinkedHashMap<>();
        peakRss.getOrDefault(phase, Map.of()).forEach((service, kib) -> result.put(service, kib / 1024.0));
        return result;
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            for (Service service : List.copyOf(services.values())) {
                long kib = rssKiB(service.process().pid());
                if (kib > 0) {
                    peakRss.computeIfAbsent(phase, p -> new ConcurrentHashMap<>())
                            .merge(service.name(), kib, Math::max);
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** CPU time a service used so far (user + system), in clock ticks (from /proc; -1 if gone). */
    long cpuTicks(String name) {
        Service service = services.get(name);
        if (service == null) {
            return -1;
        }
        try {
            return ticksOf(Files.readString(
                    Path.of("/proc", Long.toString(service.process().pid()), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime of a {@code /proc/<pid>/stat} line (fields 14 and 15; the command name may hold spaces). */
    private static long ticksOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** cutime + cstime of a {@code /proc/<pid>/stat} line (fields 16 and 17): children that ended and were waited for. */
    private static long reapedChildrenTicksOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    /**
     * CPU time used so far (user + system, clock ticks) by every process on the machine, summed by part of the suite:
     * each service, PostgreSQL (this stack's postmaster and its children), the Kafka broker (this stack's, by its
     * pid), this driver (which also runs the mail server and the hub stand-in), the load generator (its child processes
     * Gatling, pgbench and psql) and the rest of the machine ("other": on a shared machine, other people's processes,
     * including their PostgreSQL and Kafka). A PostgreSQL backend that ended (a bulk load's connection) still counts:
     * the postmaster reaped it, which adds its time to the postmaster's own children's time; likewise this driver's
     * children that ended count as the load generator; other processes that ended are not counted.
     */
    Map<String, Long> cpuTicksByPart() {
        Map<Long, String> servicePids = new java.util.HashMap<>();
        services.forEach((name, service) -> servicePids.put(service.process().pid(), name));
        long self = ProcessHandle.current().pid();
        long postmaster = dev.postgres().postmasterPid().orElse(-1);
        long kafka = dev.kafka().pid().orElse(-1);
        Map<String, Long> ticks = new java.util.TreeMap<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(name);
                    String stat = Files.readString(proc.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    long parent = parentOf(stat);
                    String part;
                    long used = ticksOf(stat);
                    if (servicePids.containsKey(pid)) {
                        part = servicePids.get(pid);
                    } else if (pid == self) {
                        part = "driver and mail server";
                        // This driver's children that ended and were waited for: Gatling's JVMs, pgbench and psql runs.
                        ticks.merge(LOAD_GENERATOR, reapedChildrenTicksOf(stat), Long::sum);
                    } else if (postmaster > 0
                            ? pid == postmaster || parent == postmaster
                            : comm.startsWith("postgres")) {
                        part = "PostgreSQL";
                        used += pid == postmaster || postmaster <= 0 ? reapedChildrenTicksOf(stat) : 0;
                    } else if (kafka > 0 ? pid == kafka || parent == kafka : isKafka(proc)) {
                        part = "Kafka";
                    } else if (parent == self) {
                        part = LOAD_GENERATOR;
                    } else {
                        part = "other";
                    }
                    ticks.merge(part, used, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // The process ended while we looked.
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return ticks;
    }

    /** The parent pid in a {@code /proc/<pid>/stat} line (field 4). */
    private static long parentOf(String stat) {
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    }

    private static boolean isKafka(Path proc) throws IOException {
        return new String(Files.readAllBytes(proc.resolve("cmdline"))).contains("kafka");
    }

    /**
     * The part {@link #cpuTicksByPart} counts Gatling's JVM, pgbench and psql in: this driver's children other than
     * the services and the infrastructure, running or ended (its reaped children's time).
     */
    static final String LOAD_GENERATOR = "load generator (Gatling, pgbench, psql)";

    /** CPU seconds each part used between two readings of {@link #cpuTicksByPart} (clock ticks are 1/100 s). */
    static Map<String, Double> cpuSecondsSince(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        after.forEach((part, ticks) -> seconds.put(part, (ticks - before.getOrDefault(part, 0L)) / 100.0));
        return seconds;
    }

    /** The whole machine's busy and total CPU time so far, in clock ticks (from /proc/stat). */
    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // user nice system idle iowait irq softirq steal; guest time is already inside user and nice.
            long total = 0;
            for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    private static double quarkusStartedIn(Path log, long offset) {
        try {
            String text = Files.readString(log);
            Matcher m = STARTED_IN.matcher(text.substring((int) Math.min(offset, text.length())));
            return m.find() ? Double.parseDouble(m.group(1)) * 1000 : Double.NaN;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sampler.interrupt();
        List<Thread> stoppers = new ArrayList<>();
        for (String name : List.copyOf(services.keySet())) {
            stoppers.add(Thread.ofPlatform().start(() -> stopService(name)));
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // The infrastructure stops in LocalSuite's shutdown hook when the JVM exits.
    }
}

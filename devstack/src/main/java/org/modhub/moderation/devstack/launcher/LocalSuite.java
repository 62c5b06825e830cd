package org.modhub.moderation.devstack.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.DevStackDefaults;
import org.modhub.moderation.devstack.DevStackEnv;
import org.modhub.moderation.devstack.DevStackOptions;
import org.modhub.moderation.devstack.HubStandIn;
import org.modhub.moderation.devstack.IdentityStandIn;
import org.modhub.moderation.devstack.MailServer;
import org.modhub.moderation.devstack.internal.ChildProcesses;
import org.modhub.moderation.devstack.internal.Ports;

/**
 * The launcher's work: infrastructure on fixed ports with state under {@code .devstack/} (or,
 * without a repository, ephemeral), the services as child processes, and stopping all of it
 * from a shutdown hook so that Ctrl-C leaves no process behind.
 */
public final class LocalSuite {

    private static final Duration READY_BUDGET = Duration.ofMinutes(2);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(10);
    /**
     * JVM options of each service unless {@code DEVSTACK_SERVICE_JAVA_OPTS} says otherwise. A small initial heap
     * and Serial GC keep idle memory down; trimming the C heap every 5 s hands back what the JIT compilers freed
     * after the start (idle RSS 12–22 MiB lower; experimental in JDK 21.0.1+, a product option from JDK 22).
     * Not a compile-time constant on purpose: the bench and e2e read it when they run, so a build of theirs that
     * is older than this class cannot start the services with stale options.
     */
    public static final String DEFAULT_SERVICE_JAVA_OPTS = String.join(
            " ",
            "-Xms16m",
            "-Xmx384m",
            "-XX:+UseSerialGC",
            "-XX:+UnlockExperimentalVMOptions",
            "-XX:TrimNativeHeapInterval=5000");

    /**
     * JVM options added after {@link #DEFAULT_SERVICE_JAVA_OPTS} (or {@code DEVSTACK_SERVICE_JAVA_OPTS}) for one
     * service; the JVM takes the last {@code -Xmx}. matching-service holds its hash bank in the heap: 10 M hashes
     * are 360 MB of arrays, more than 384m; loaded, about 400 MB of its heap were live in the bench (issue 25), so
     * 768m. Under sustained load the serial collector lets the heap grow to that cap; the free ratios and {@code
     * -ShrinkHeapInSteps} let it give memory back at once after a full collection (see bench/HISTORY.md).
     * {@code DEVSTACK_<SERVICE>_JAVA_OPTS} replaces a service's entry.
     */
    private static final String MATCHING_EXTRA_JAVA_OPTS =
            "-Xmx768m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps";

    public static final Map<String, String> DEFAULT_SERVICE_EXTRA_JAVA_OPTS =
            Map.of("matching", MATCHING_EXTRA_JAVA_OPTS);

    private final RepoLayout repo;
    private final Map<String, String> env;
    private final PrintStream out = System.out;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private LauncherState state;
    private volatile DevStack stack;
    private volatile boolean stopping;

    /** @param repo null for ephemeral infrastructure (free ports, temporary state) */
    public LocalSuite(RepoLayout repo, Map<String, String> env) {
        this.repo = repo;
        this.env = Map.copyOf(env);
    }

    /** Infrastructure, then the services; false (after saying why) if anything failed. */
    public boolean start(List<String> serviceNames) {
        if (!claimState()) {
            return false;
        }
        List<String> missing = serviceNames.stream()
                .filter(service -> !Files.isRegularFile(repo.serviceJar(service)))
                .toList();
        if (!missing.isEmpty()) {
            out.println("Not built yet: "
                    + missing.stream()
                            .map(repo::serviceJar)
                            .map(repo.root()::relativize)
                            .toList());
            out.println("Build first: ./mvnw -B package -DskipTests");
            return false;
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : serviceNames) {
            ports.put(service, port(service, DevStackDefaults.SERVICE_PORTS.get(service)));
        }
        if (!portsFree(ports)) {
            return false;
        }
        if (startInfrastructure() == null) {
            return false;
        }
        long startedAt = System.nanoTime();
        out.println("Starting " + String.join(", ", serviceNames) + "...");
        List<String> javaOptions = List.of(env.getOrDefault(DevStackEnv.SERVICE_JAVA_OPTS, DEFAULT_SERVICE_JAVA_OPTS)
                .trim()
                .split("\\s+"));
        for (String service : serviceNames) {
            ServiceProcess process = new ServiceProcess(
                    service,
                    ports.get(service),
                    repo.serviceJar(service),
                    repo.serviceLog(service),
                    repo.runDir().resolve(service + ".pid"));
            services.add(process);
            process.start(
                    List.of(serviceJavaOptions(service, env).split("\\s+")),
                    serviceEnvironment(stack, service, process.port()),
                    repo.serviceDir(service));
        }
        if (!awaitServices(List.copyOf(services), System.nanoTime() + READY_BUDGET.toNanos())) {
            out.println();
            out.println("Not every service became ready; stopping everything.");
            return false;
        }
        if (!startConsole(javaOptions)) {
            out.println();
            out.println("The staff console did not become ready; stopping everything.");
            return false;
        }
        for (ServiceProcess service : services) {
            service.process().onExit().thenAccept(process -> {
                if (!stopping) {
                    out.println(
                            service.service() + " exited with code " + process.exitValue() + "; see " + service.log());
                }
            });
        }
        printSummary(Duration.ofNanos(System.nanoTime() - startedAt));
        return true;
    }

    /**
     * The staff console, once the services answer: it signs people in at the identity stand-in and calls the
     * services with their tokens. Skipped (with a word) when the console is not built.
     */
    private boolean startConsole(List<String> javaOptions) {
        if (!Files.isRegularFile(repo.serviceJar(RepoLayout.CONSOLE))) {
            out.println("The staff console is not built (" + repo.root().relativize(repo.serviceJar(RepoLayout.CONSOLE))
                    + "); starting without it.");
            return true;
        }
        int port = port(RepoLayout.CONSOLE, DevStackDefaults.CONSOLE_PORT);
        if (!portsFree(Map.of(RepoLayout.CONSOLE, port))) {
            return false;
        }
        Map<String, String> serviceUrls = new LinkedHashMap<>();
        services.forEach(service -> serviceUrls.put(service.service(), service.url()));
        ServiceProcess console = new ServiceProcess(
                RepoLayout.CONSOLE,
                port,
                repo.serviceJar(RepoLayout.CONSOLE),
                repo.serviceLog(RepoLayout.CONSOLE),
                repo.runDir().resolve(RepoLayout.CONSOLE + ".pid"));
        services.add(console);
        console.start(javaOptions, consoleEnvironment(stack, serviceUrls, port), repo.serviceDir(RepoLayout.CONSOLE));
        return awaitServices(List.of(console), System.nanoTime() + READY_BUDGET.toNanos());
    }

    /**
     * A service's JVM options under the launcher: {@code DEVSTACK_SERVICE_JAVA_OPTS} (default {@link
     * #DEFAULT_SERVICE_JAVA_OPTS}), then {@code DEVSTACK_<SERVICE>_JAVA_OPTS} (default its entry in {@link
     * #DEFAULT_SERVICE_EXTRA_JAVA_OPTS}), space-separated.
     */
    public static String serviceJavaOptions(String service, Map<String, String> env) {
        String base = env.getOrDefault(DevStackEnv.SERVICE_JAVA_OPTS, DEFAULT_SERVICE_JAVA_OPTS);
        String extra = env.getOrDefault(
                DevStackEnv.serviceJavaOpts(service), DEFAULT_SERVICE_EXTRA_JAVA_OPTS.getOrDefault(service, ""));
        return (base.trim() + " " + extra.trim()).trim();
    }

    /**
     * What a service process gets on top of the launcher's environment: its configuration for
     * this stack as environment variables, and its HTTP port.
     */
    public static Map<String, String> serviceEnvironment(DevStack stack, String service, int port) {
        Map<String, String> serviceEnv = new LinkedHashMap<>();
        stack.serviceConfig(service).forEach((key, value) -> serviceEnv.put(DevStackEnv.toEnvName(key), value));
        serviceEnv.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return serviceEnv;
    }

    /**
     * What the staff console gets: how to sign people in at this stack's identity stand-in, where each service
     * answers ({@code serviceUrls}: service name to base URL) and its HTTP port.
     */
    public static Map<String, String> consoleEnvironment(DevStack stack, Map<String, String> serviceUrls, int port) {
        Map<String, String> consoleEnv = new LinkedHashMap<>();
        stack.consoleConfig().forEach((key, value) -> consoleEnv.put(DevStackEnv.toEnvName(key), value));
        serviceUrls.forEach((service, url) ->
                consoleEnv.put("QUARKUS_REST_CLIENT_" + service.toUpperCase(java.util.Locale.ROOT) + "_URL", url));
        consoleEnv.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return consoleEnv;
    }

    /** Starts the infrastructure and arms the shutdown hook; null (after saying why) on failure. */
    public DevStack startInfrastructure() {
        DevStackOptions options;
        if (repo != null) {
            if (!claimState()) {
                return null;
            }
            if (!present(DevStackEnv.HUB_URL) && HubStandIn.copyDefaultFixtures(repo.hubFixtures())) {
                out.println("Wrote the default hub fixtures to " + repo.root().relativize(repo.hubFixtures())
                        + " (edit it: the hub stand-in re-reads it on change)");
            }
            options = persistentOptions();
            if (!infrastructurePortsFree(options)) {
                return null;
            }
        } else {
            options = DevStackOptions.builder()
                    .env(env)
                    .mailDomain(env.getOrDefault(DevStackEnv.MAIL_DOMAIN, DevStackDefaults.MAIL_DOMAIN))
                    .build();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "devstack-stop"));
        out.println("Starting PostgreSQL, Kafka, mail, the hub stand-in and the identity provider...");
        long startedAt = System.nanoTime();
        stack = DevStack.start(options);
        if (state != null) {
            stack.kafka().pid().ifPresent(pid -> state.recordPid("kafka", pid, "BrokerMain"));
        }
        out.printf("Infrastructure ready in %.1f s%n", (System.nanoTime() - startedAt) / 1e9);
        return stack;
    }

    /**
     * Locks {@code .devstack/} for this launcher (before anything else, so a second launcher
     * says so instead of complaining about ports) and stops what a killed launcher left behind.
     */
    private boolean claimState() {
        if (state != null) {
            return true;
        }
        repo.prepare();
        LauncherState claimed = new LauncherState(repo);
        if (!claimed.tryLock()) {
            out.println("Another launcher is using " + repo.stateDir() + "; stop it first (Ctrl-C in its terminal).");
            return false;
        }
        claimed.stopLeftovers();
        state = claimed;
        return true;
    }

    /** PostgreSQL, Kafka, SMTP, IMAP, the hub stand-in, the identity provider and the mailboxes. */
    public void printInfrastructure(PrintStream out) {
        printInfrastructure(out, stack, repo);
    }

    static void printInfrastructure(PrintStream out, DevStack current, RepoLayout repo) {
        out.println("Infrastructure");
        out.printf(
                "  PostgreSQL  %s:%d   user %s, password %s; databases %s%n",
                current.postgres().host(),
                current.postgres().port(),
                current.postgres().username(),
                current.postgres().password(),
                String.join(", ", DevStackDefaults.SERVICES));
        out.printf(
                "  Kafka       %s   topics %s%n",
                current.kafkaCluster().bootstrapServers(),
                String.join(", ", concat(Topics.EVENT_TOPICS, Topics.DEAD_LETTER_TOPICS)));
        out.printf(
                "  SMTP        %s:%d%n",
                current.mail().smtpHost(), current.mail().smtpPort());
        out.printf(
                "  IMAP        %s:%d%n",
                current.mail().imapHost(), current.mail().imapPort());
        out.printf(
                "  Hub         %s   token %s%s%n",
                current.hub().url(),
                current.hub().token(),
                current.hub().fixturesFile().isPresent()
                        ? "; edit " + shown(repo, current.hub().fixturesFile().get()) + " (re-read on change)"
                        : current.hub().isEmbedded() ? "; default fixtures" : " (external)");
        out.printf(
                "  Sign-in     %s   client %s, secret %s%s%n",
                current.identity().authServerUrl(),
                DevStackDefaults.CONSOLE_CLIENT_ID,
                DevStackDefaults.CONSOLE_CLIENT_SECRET,
                current.identity().isEmbedded()
                        ? "; local sign-in form (development only), presets "
                                + String.join(
                                        ", ",
                                        IdentityStandIn.PRESETS.stream()
                                                .map(IdentityStandIn.Preset::username)
                                                .toList())
                        : " (external)");
        out.println("Mailboxes (IMAP login = the address)");
        for (String mailbox : MailServer.MAILBOXES) {
            out.printf(
                    "  %-24s password %s%n",
                    current.mail().address(mailbox), current.mail().password(mailbox));
        }
        if (repo != null) {
            out.println("State and logs: " + repo.stateDir() + " (pg, kafka, jwt, mail, logs)");
        }
    }

    /** A path under the repository relative to it, as a developer would type it there. */
    private static String shown(RepoLayout repo, java.nio.file.Path path) {
        return repo != null && path.startsWith(repo.root())
                ? repo.root().relativize(path).toString()
                : path.toString();
    }

    private void printSummary(Duration servicesTook) {
        out.println();
        out.printf(
                "Moderation suite is up (services ready in %.1f s). Ctrl-C stops everything.%n",
                servicesTook.toMillis() / 1000.0);
        out.println();
        out.println("Services");
        for (ServiceProcess service : services) {
            if (service.service().equals(RepoLayout.CONSOLE)) {
                continue; // no API of its own: printed below with how to sign in
            }
            out.printf(
                    "  %-13s %-23s swagger %s/q/swagger-ui   log %s%n",
                    service.service(), service.url(), service.url(), repo.root().relativize(service.log()));
        }
        services.stream()
                .filter(service -> service.service().equals(RepoLayout.CONSOLE))
                .findFirst()
                .ifPresent(console -> {
                    out.println();
                    out.println("Staff console  " + console.url().replace("127.0.0.1", "localhost")
                            + "   sign in with any user and roles (local sign-in form: development only)   log "
                            + repo.root().relativize(console.log()));
                });
        out.println();
        printInfrastructure(out);
        out.println();
        out.println("Tokens (RS256, issuer " + DevStackDefaults.JWT_ISSUER + ", audience "
                + DevStackDefaults.JWT_AUDIENCE + ")");
        // With an e-mail: receipts and outcomes go to the token's address; without one a report gets no receipt.
        out.println("  bin/token --sub alice --email alice@example.org --roles user,moderator");
        out.println(
                "  curl -H \"Authorization: Bearer $(bin/token --sub alice --email alice@example.org --roles user)\" "
                        + (services.isEmpty()
                                ? "http://localhost:8081"
                                : services.get(0).url()) + "/api/v1/...");
    }

    private boolean awaitServices(List<ServiceProcess> starting, long deadline) {
        List<CompletableFuture<ServiceProcess.Readiness>> waits = new ArrayList<>();
        for (ServiceProcess service : starting) {
            waits.add(CompletableFuture.supplyAsync(
                    () -> service.awaitReady(deadline),
                    task -> Thread.ofPlatform()
                            .daemon()
                            .name("ready-" + service.service())
                            .start(task)));
        }
        boolean allReady = true;
        for (int i = 0; i < starting.size(); i++) {
            ServiceProcess service = starting.get(i);
            ServiceProcess.Readiness readiness = waits.get(i).join();
            if (readiness == ServiceProcess.Readiness.READY) {
                out.println("  " + service.service() + " ready on " + service.url());
                continue;
            }
            allReady = false;
            String why = readiness == ServiceProcess.Readiness.EXITED
                    ? "exited with code " + service.process().exitValue()
                    : "did not answer 200 on /q/health/ready within " + READY_BUDGET.toSeconds() + " s";
            out.println();
            out.println(service.service() + " " + why + ". Last lines of " + service.log() + ":");
            out.println(ChildProcesses.tail(service.log(), 40));
        }
        return allReady;
    }

    /** Shutdown hook: services first (they still flush to Kafka and PostgreSQL), then the infrastructure. */
    private void stopAll() {
        stopping = true;
        if (!services.isEmpty()) {
            out.println("Stopping services...");
            List<Thread> stoppers = new ArrayList<>();
            for (ServiceProcess service : services) {
                stoppers.add(Thread.ofPlatform()
                        .name("stop-" + service.service())
                        .start(() -> service.stop(SERVICE_STOP_GRACE)));
            }
            for (Thread stopper : stoppers) {
                try {
                    stopper.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        DevStack current = stack;
        if (current != null) {
            out.println("Stopping the identity provider, the hub stand-in, Kafka, mail and PostgreSQL...");
            current.close();
        }
        if (state != null) {
            state.forgetPid("kafka");
        }
        out.println("Stopped.");
    }

    private DevStackOptions persistentOptions() {
        return DevStackOptions.builder()
                .env(env)
                .postgresPort(port("pg", DevStackDefaults.POSTGRES_PORT))
                .postgresDataDir(repo.postgresData())
                .kafkaPort(port("kafka", DevStackDefaults.KAFKA_PORT))
                .kafkaControllerPort(port("kafka_controller", DevStackDefaults.KAFKA_CONTROLLER_PORT))
                .kafkaDir(repo.kafkaDir())
                .smtpPort(port("smtp", DevStackDefaults.SMTP_PORT))
                .imapPort(port("imap", DevStackDefaults.IMAP_PORT))
                .hubPort(port("hub", DevStackDefaults.HUB_PORT))
                .hubFixtures(repo.hubFixtures())
                .hubToken(env.getOrDefault(DevStackEnv.HUB_TOKEN, DevStackDefaults.HUB_TOKEN))
                .identityPort(port("idp", DevStackDefaults.IDP_PORT))
                .mailDomain(env.getOrDefault(DevStackEnv.MAIL_DOMAIN, DevStackDefaults.MAIL_DOMAIN))
                .mailPasswords(state.mailPasswords())
                .jwtDir(repo.jwtDir())
                .logDir(repo.logDir())
                .build();
    }

    private boolean infrastructurePortsFree(DevStackOptions options) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (!present(DevStackEnv.PG_HOST)) {
            ports.put("pg", options.postgresPort());
        }
        if (!present(DevStackEnv.KAFKA_BOOTSTRAP)) {
            ports.put("kafka", options.kafkaPort());
            ports.put("kafka_controller", options.kafkaControllerPort());
        }
        if (!present(DevStackEnv.SMTP_HOST) && !present(DevStackEnv.IMAP_HOST)) {
            ports.put("smtp", options.smtpPort());
            ports.put("imap", options.imapPort());
        }
        if (!present(DevStackEnv.HUB_URL)) {
            ports.put("hub", options.hubPort());
        }
        if (!present(DevStackEnv.IDP_URL)) {
            ports.put("idp", options.identityPort());
        }
        return portsFree(ports);
    }

    private boolean portsFree(Map<String, Integer> ports) {
        boolean free = true;
        for (Map.Entry<String, Integer> entry : ports.entrySet()) {
            if (!Ports.isFree(entry.getValue())) {
                out.println("Port " + entry.getValue() + " (" + entry.getKey() + ") is in use; set "
                        + DevStackEnv.port(entry.getKey()) + " to use another.");
                free = false;
            }
        }
        return free;
    }

    private int port(String name, int fallback) {
        String value = env.get(DevStackEnv.port(name));
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(DevStackEnv.port(name) + " is not a port number: " + value);
        }
    }

    private boolean present(String key) {
        String value = env.get(key);
        return value != null && !value.isBlank();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}

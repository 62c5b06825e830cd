package org.modhub.moderation.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.modhub.moderation.devstack.internal.FileTrees;
import org.modhub.moderation.devstack.internal.RemoteControl;

/**
 * PostgreSQL, Kafka, SMTP/IMAP and the hub stand-in for the services, the identity stand-in for the console,
 * started together, plus the development key pair; {@link #config(String)} is what a service needs to use them,
 * {@link #consoleConfig()} what the console needs to sign people in.
 * <p>
 * Tests use {@link #shared()}: one stack per JVM, started on first use and stopped by a
 * shutdown hook. The launcher uses {@link #start(DevStackOptions)} with fixed ports and
 * persistent state.
 */
public final class DevStack implements AutoCloseable {

    /** Prefix of the mail keys in {@link #config(String)}: {@code devstack.mail.<mailbox>.user} etc. */
    public static final String MAIL_CONFIG_PREFIX = "devstack.mail.";

    private static final Logger LOG = Logger.getLogger(DevStack.class.getName());
    /** Coordinates handed across class loaders only, never read from the environment. */
    static final String CONTROLLABLE_KEY = "devstack.internal.controllable";

    static final String PRIVATE_KEY_KEY = "devstack.internal.jwt-private-key";

    private static DevStack shared;

    private final PostgresServer postgres;
    private final KafkaCluster kafka;
    private final MailServer mail;
    private final HubStandIn hub;
    private final IdentityStandIn identity;
    private final JwtKeys jwtKeys;
    private final TokenMinter tokens;
    private final Path tempDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DevStack(
            PostgresServer postgres,
            KafkaCluster kafka,
            MailServer mail,
            HubStandIn hub,
            IdentityStandIn identity,
            JwtKeys jwtKeys,
            Path tempDir) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.mail = mail;
        this.hub = hub;
        this.identity = identity;
        this.jwtKeys = jwtKeys;
        this.tokens = new TokenMinter(jwtKeys);
        this.tempDir = tempDir;
    }

    /**
     * The stack of this JVM, started on first use with {@link DevStackOptions#forTests()} and
     * stopped by a shutdown hook. Quarkus runs tests in class loaders of their own, and restarts
     * the application (with a new class loader) per test profile; all of them get a view of the
     * single stack owned by the copy of this class in the system class loader, so one JVM never
     * runs two brokers.
     */
    public static synchronized DevStack shared() {
        if (shared == null) {
            Class<?> owner = ownerBridge();
            shared = owner == SharedStackBridge.class ? startShared() : attach(owner);
        }
        return shared;
    }

    /** Starts a stack; the caller closes it. */
    public static DevStack start(DevStackOptions options) {
        long startedAt = System.nanoTime();
        Map<String, String> env = options.env();
        RemoteControl control = options.control();
        Set<String> controllable = Set.of(env.getOrDefault(CONTROLLABLE_KEY, "").split(","));
        boolean externalPostgres = present(env, DevStackEnv.PG_HOST);
        boolean externalKafka = present(env, DevStackEnv.KAFKA_BOOTSTRAP);
        boolean externalMail = present(env, DevStackEnv.SMTP_HOST) || present(env, DevStackEnv.IMAP_HOST);
        boolean externalHub = present(env, DevStackEnv.HUB_URL);
        boolean externalIdentity = present(env, DevStackEnv.IDP_URL);

        Path tempDir = null;
        boolean embeddedServer = !externalPostgres || !externalKafka;
        if ((!externalPostgres && options.postgresDataDir() == null)
                || (!externalKafka && options.kafkaDir() == null)
                || (embeddedServer && options.logDir() == null)) {
            try {
                tempDir = Files.createTempDirectory("devstack-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary directory", e);
            }
        }
        Path logDir = options.logDir() != null ? options.logDir() : tempDir == null ? null : tempDir.resolve("logs");
        Path temp = tempDir;

        CompletableFuture<PostgresServer> postgres = async("postgres", () -> {
            if (!externalPostgres && Boolean.parseBoolean(env.get(DevStackEnv.TESTCONTAINERS))) {
                Optional<PostgresServer> container = ContainerPostgres.startIfDockerWorks(LOG::info);
                if (container.isPresent()) {
                    return container.get();
                }
            }
            if (!externalPostgres) {
                Path data = options.postgresDataDir() != null ? options.postgresDataDir() : temp.resolve("pg");
                return PostgresServer.startEmbedded(options.postgresPort(), data, logDir.resolve("postgres.log"));
            }
            String host = env.get(DevStackEnv.PG_HOST);
            int port = intOf(env, DevStackEnv.PG_PORT, 5432);
            String user = env.getOrDefault(DevStackEnv.PG_USER, DevStackDefaults.POSTGRES_USER);
            String password = env.getOrDefault(DevStackEnv.PG_PASSWORD, DevStackDefaults.POSTGRES_PASSWORD);
            return control != null && controllable.contains("postgres")
                    ? PostgresServer.remote(host, port, user, password, action -> control.invoke("postgres", action))
                    : PostgresServer.external(host, port, user, password);
        });
        CompletableFuture<KafkaCluster> kafka = async("kafka", () -> {
            if (!externalKafka) {
                Path dir = options.kafkaDir() != null ? options.kafkaDir() : temp.resolve("kafka");
                return options.kafkaBrokers() > 1
                        ? KafkaCluster.startEmbedded(options.kafkaBrokers(), dir, logDir)
                        : KafkaCluster.of(KafkaServer.startEmbedded(
                                options.kafkaPort(), options.kafkaControllerPort(), dir, logDir.resolve("kafka.log")));
            }
            String bootstrap = env.get(DevStackEnv.KAFKA_BOOTSTRAP);
            return KafkaCluster.of(
                    control != null && controllable.contains("kafka")
                            ? KafkaServer.remote(bootstrap, action -> control.invoke("kafka", action))
                            : KafkaServer.external(bootstrap));
        });
        CompletableFuture<MailServer> mail = async("mail", () -> {
            if (!externalMail) {
                Map<String, String> passwords =
                        options.mailPasswords() != null ? options.mailPasswords() : MailServer.randomPasswords();
                return MailServer.startEmbedded(
                        options.smtpPort(), options.imapPort(), options.mailDomain(), passwords);
            }
            String smtpHost = env.getOrDefault(DevStackEnv.SMTP_HOST, env.get(DevStackEnv.IMAP_HOST));
            String imapHost = env.getOrDefault(DevStackEnv.IMAP_HOST, smtpHost);
            int smtpPort = intOf(env, DevStackEnv.SMTP_PORT, DevStackDefaults.SMTP_PORT);
            int imapPort = intOf(env, DevStackEnv.IMAP_PORT, DevStackDefaults.IMAP_PORT);
            String domain = options.mailDomain();
            Map<String, String> passwords = new LinkedHashMap<>();
            for (String mailbox : MailServer.MAILBOXES) {
                // Default: the address itself, the password GreenMail gives users it creates.
                passwords.put(mailbox, env.getOrDefault(DevStackEnv.mailPassword(mailbox), mailbox + "@" + domain));
            }
            return control != null && controllable.contains("mail")
                    ? MailServer.remote(
                            smtpHost,
                            smtpPort,
                            imapHost,
                            imapPort,
                            domain,
                            passwords,
                            action -> control.invoke("mail", action))
                    : MailServer.external(smtpHost, smtpPort, imapHost, imapPort, domain, passwords);
        });
        CompletableFuture<HubStandIn> hub = async("hub", () -> {
            if (!externalHub) {
                String token = options.hubToken() != null ? options.hubToken() : randomToken();
                return HubStandIn.startEmbedded(options.hubPort(), options.hubFixtures(), token, options.mailDomain());
            }
            String url = env.get(DevStackEnv.HUB_URL).trim();
            String token = env.getOrDefault(DevStackEnv.HUB_TOKEN, DevStackDefaults.HUB_TOKEN);
            return control != null && controllable.contains("hub")
                    ? HubStandIn.remote(url, token, action -> control.invoke("hub", action))
                    : HubStandIn.external(url, token);
        });
        CompletableFuture<JwtKeys> keys = async(
                "jwt",
                () -> options.jwtKeys() != null
                        ? options.jwtKeys()
                        : options.jwtDir() != null ? JwtKeys.loadOrCreate(options.jwtDir()) : JwtKeys.generate());

        // It signs with the stack's keys, so it starts when they are there.
        CompletableFuture<IdentityStandIn> identity = keys.thenCompose(jwtKeys -> async("identity", () -> {
            if (!externalIdentity) {
                return IdentityStandIn.startEmbedded(options.identityPort(), jwtKeys, options.identityClients());
            }
            String url = env.get(DevStackEnv.IDP_URL).trim();
            return control != null && controllable.contains("identity")
                    ? IdentityStandIn.remote(url, action -> control.invoke("identity", action))
                    : IdentityStandIn.external(url);
        }));

        List<CompletableFuture<?>> all = List.of(postgres, kafka, mail, hub, keys, identity);
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            // Stop whatever did start before reporting the failure.
            all.forEach(future -> future.thenAccept(DevStack::closeQuietly));
            FileTrees.deleteQuietly(tempDir);
            throw failure("the development stack did not start", all);
        }

        DevStack stack = new DevStack(
                postgres.join(), kafka.join(), mail.join(), hub.join(), identity.join(), keys.join(), tempDir);
        if (options.createResources()) {
            try {
                List<CompletableFuture<?>> resources = new ArrayList<>();
                for (String database : options.databases()) {
                    resources.add(async("db-" + database, () -> {
                        stack.postgres.ensureDatabase(database);
                        return database;
                    }));
                }
                resources.add(async("topics", () -> {
                    stack.kafka.ensureTopics();
                    return "topics";
                }));
                try {
                    CompletableFuture.allOf(resources.toArray(CompletableFuture[]::new))
                            .join();
                } catch (CompletionException e) {
                    throw failure(
                            "the development stack started but databases or topics could not be created", resources);
                }
            } catch (RuntimeException e) {
                stack.close();
                throw e;
            }
        }
        LOG.info(() -> String.format(
                "devstack ready in %d ms: %s; %s; %s; %s; %s",
                (System.nanoTime() - startedAt) / 1_000_000,
                stack.postgres,
                stack.kafka,
                stack.mail,
                stack.hub,
                stack.identity));
        return stack;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /**
     * The broker. A stack started with {@link DevStackOptions.Builder#kafkaBrokers(int) several brokers} has no
     * single one and says so: use {@link #kafkaCluster()}.
     */
    public KafkaServer kafka() {
        if (kafka.size() > 1) {
            throw new IllegalStateException(
                    "Kafka runs as a cluster of " + kafka.size() + " nodes here: use DevStack.kafkaCluster()");
        }
        return kafka.node(1);
    }

    /** Kafka whether one broker or several: clients, topics, a rolling {@code restart()} and each {@code node(i)}. */
    public KafkaCluster kafkaCluster() {
        return kafka;
    }

    public MailServer mail() {
        return mail;
    }

    /**
     * The hub the services ask ({@code kit.hub.url}): the stand-in this stack started, or the one
     * {@code DEVSTACK_HUB_URL} names.
     */
    public HubStandIn hub() {
        return hub;
    }

    /**
     * The console's identity provider ({@code quarkus.oidc.auth-server-url} = {@link IdentityStandIn#authServerUrl()}):
     * the stand-in this stack started, or the one {@code DEVSTACK_IDP_URL} names.
     */
    public IdentityStandIn identity() {
        return identity;
    }

    /**
     * What the staff console needs to sign people in at {@link #identity()}: {@code quarkus.oidc.auth-server-url},
     * {@code quarkus.oidc.client-id} ({@link DevStackDefaults#CONSOLE_CLIENT_ID}), {@code
     * quarkus.oidc.credentials.secret} ({@link DevStackDefaults#CONSOLE_CLIENT_SECRET}) and {@code
     * console.local-sign-in=true} (every page says it is a development sign-in).
     */
    public Map<String, String> consoleConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.auth-server-url", identity.authServerUrl());
        config.put("quarkus.oidc.client-id", DevStackDefaults.CONSOLE_CLIENT_ID);
        config.put("quarkus.oidc.credentials.secret", DevStackDefaults.CONSOLE_CLIENT_SECRET);
        config.put("console.local-sign-in", "true");
        return java.util.Collections.unmodifiableMap(config);
    }

    public JwtKeys jwtKeys() {
        return jwtKeys;
    }

    public TokenMinter tokens() {
        return tokens;
    }

    /** A token for {@code subject} with these roles ({@code groups}), valid for an hour. */
    public String token(String subject, String... groups) {
        return tokens.mint(subject, Arrays.asList(groups));
    }

    /**
     * The configuration a service's tests need (its database is created if missing):
     * <ul>
     * <li>{@code quarkus.datasource.username}, {@code .password}, {@code .reactive.url}
     * ({@code postgresql://host:port/<service>}), {@code .jdbc.url}</li>
     * <li>{@code kafka.bootstrap.servers}</li>
     * <li>{@code quarkus.mailer.host}, {@code .port}, {@code .from}, {@code .username}, {@code .password},
     * {@code .start-tls=DISABLED}, {@code .mock=false}</li>
     * <li>{@code devstack.mail.domain}, {@code devstack.mail.smtp.host/port}, {@code devstack.mail.imap.host/port},
     * and per mailbox (safety, dmca, legal, feedback, noreply) {@code devstack.mail.<mailbox>.address/user/password}</li>
     * <li>{@code kit.hub.url}, {@code kit.hub.token}: the hub stand-in</li>
     * <li>{@code mp.jwt.verify.publickey} (PEM), {@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.audiences}</li>
     * <li>{@code smallrye.jwt.sign.key} (private PEM), {@code smallrye.jwt.new-token.issuer},
     * {@code smallrye.jwt.new-token.audience}: {@code Jwt.upn(..).groups(..).sign()} works in tests</li>
     * </ul>
     */
    public Map<String, String> config(String service) {
        Map<String, String> config = commonConfig(service);
        config.put("mp.jwt.verify.publickey", jwtKeys.publicKeyPem());
        config.put("smallrye.jwt.sign.key", jwtKeys.privateKeyPem());
        config.put("smallrye.jwt.new-token.issuer", tokens.issuer());
        config.put("smallrye.jwt.new-token.audience", tokens.audience());
        return java.util.Collections.unmodifiableMap(config);
    }

    /**
     * The configuration of a running service (the launcher's): as {@link #config(String)} without
     * the signing key, and with {@code mp.jwt.verify.publickey.location} (a file) where the keys
     * live on disk.
     */
    public Map<String, String> serviceConfig(String service) {
        Map<String, String> config = commonConfig(service);
        Optional<Path> publicKeyFile = jwtKeys.publicKeyFile();
        if (publicKeyFile.isPresent()) {
            config.put("mp.jwt.verify.publickey.location", publicKeyFile.get().toString());
        } else {
            config.put("mp.jwt.verify.publickey", jwtKeys.publicKeyPem());
        }
        return java.util.Collections.unmodifiableMap(config);
    }

    /**
     * The {@code DEVSTACK_*} variables that make another JVM use this stack as external
     * infrastructure (what {@code Launcher infra --env-file} writes).
     */
    public Map<String, String> externalEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(DevStackEnv.PG_HOST, postgres.host());
        env.put(DevStackEnv.PG_PORT, Integer.toString(postgres.port()));
        env.put(DevStackEnv.PG_USER, postgres.username());
        env.put(DevStackEnv.PG_PASSWORD, postgres.password());
        env.put(DevStackEnv.KAFKA_BOOTSTRAP, kafka.bootstrapServers());
        env.put(DevStackEnv.SMTP_HOST, mail.smtpHost());
        env.put(DevStackEnv.SMTP_PORT, Integer.toString(mail.smtpPort()));
        env.put(DevStackEnv.IMAP_HOST, mail.imapHost());
        env.put(DevStackEnv.IMAP_PORT, Integer.toString(mail.imapPort()));
        env.put(DevStackEnv.MAIL_DOMAIN, mail.domain());
        for (String mailbox : MailServer.MAILBOXES) {
            env.put(DevStackEnv.mailPassword(mailbox), mail.password(mailbox));
        }
        env.put(DevStackEnv.HUB_URL, hub.url());
        env.put(DevStackEnv.HUB_TOKEN, hub.token());
        env.put(DevStackEnv.IDP_URL, identity.url());
        return env;
    }

    /**
     * Stops what this stack started (identity and hub stand-ins, mail, Kafka, PostgreSQL) and deletes its temporary
     * files.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        closeQuietly(identity);
        closeQuietly(hub);
        closeQuietly(mail);
        closeQuietly(kafka);
        closeQuietly(postgres);
        FileTrees.deleteQuietly(tempDir);
    }

    private Map<String, String> commonConfig(String service) {
        postgres.ensureDatabase(service);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(service));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(service));
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.mailer.host", mail.smtpHost());
        config.put("quarkus.mailer.port", Integer.toString(mail.smtpPort()));
        config.put("quarkus.mailer.from", mail.sender());
        config.put("quarkus.mailer.username", mail.sender());
        config.put("quarkus.mailer.password", mail.password(DevStackDefaults.SENDER_MAILBOX));
        config.put("quarkus.mailer.start-tls", "DISABLED");
        config.put("quarkus.mailer.mock", "false");
        config.put(MAIL_CONFIG_PREFIX + "domain", mail.domain());
        config.put(MAIL_CONFIG_PREFIX + "smtp.host", mail.smtpHost());
        config.put(MAIL_CONFIG_PREFIX + "smtp.port", Integer.toString(mail.smtpPort()));
        config.put(MAIL_CONFIG_PREFIX + "imap.host", mail.imapHost());
        config.put(MAIL_CONFIG_PREFIX + "imap.port", Integer.toString(mail.imapPort()));
        for (String mailbox : MailServer.MAILBOXES) {
            config.put(MAIL_CONFIG_PREFIX + mailbox + ".address", mail.address(mailbox));
            config.put(MAIL_CONFIG_PREFIX + mailbox + ".user", mail.address(mailbox));
            config.put(MAIL_CONFIG_PREFIX + mailbox + ".password", mail.password(mailbox));
        }
        config.put("kit.hub.url", hub.url());
        config.put("kit.hub.token", hub.token());
        config.put("mp.jwt.verify.issuer", tokens.issuer());
        config.put("mp.jwt.verify.audiences", tokens.audience());
        return config;
    }

    /** What another class loader's copy of this class needs to attach to this stack. */
    Map<String, String> coordinates() {
        Map<String, String> coordinates = new LinkedHashMap<>(externalEnvironment());
        List<String> controllable = new ArrayList<>();
        if (postgres.isControllable()) {
            controllable.add("postgres");
        }
        if (kafka.isControllable()) {
            controllable.add("kafka");
        }
        if (mail.isControllable()) {
            controllable.add("mail");
        }
        if (hub.isControllable()) {
            controllable.add("hub");
        }
        if (identity.isControllable()) {
            controllable.add("identity");
        }
        coordinates.put(CONTROLLABLE_KEY, String.join(",", controllable));
        coordinates.put(PRIVATE_KEY_KEY, jwtKeys.privateKeyPem());
        return coordinates;
    }

    String control(String component, String action) {
        return switch (component) {
            case "postgres" -> postgres.control(action);
            case "kafka" -> kafka.control(action);
            case "mail" -> mail.control(action);
            case "hub" -> hub.control(action);
            case "identity" -> identity.control(action);
            default -> throw new IllegalArgumentException("unknown component " + component);
        };
    }

    private static DevStack startShared() {
        DevStack stack = start(DevStackOptions.forTests());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-shutdown"));
        return stack;
    }

    /** The bridge class in the system class loader, or ours if that is the same or unreachable. */
    private static Class<?> ownerBridge() {
        try {
            return Class.forName(SharedStackBridge.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return SharedStackBridge.class;
        }
    }

    @SuppressWarnings("unchecked")
    private static DevStack attach(Class<?> owner) {
        try {
            Method coordinatesMethod = owner.getMethod("coordinates");
            Method controlMethod = owner.getMethod("control", String.class, String.class);
            Map<String, String> coordinates = (Map<String, String>) invoke(coordinatesMethod);
            RemoteControl control = (component, action) -> (String) invoke(controlMethod, component, action);
            LOG.fine(() -> "attaching to the stack owned by " + owner.getClassLoader());
            return start(DevStackOptions.builder()
                    .env(coordinates)
                    .mailDomain(coordinates.get(DevStackEnv.MAIL_DOMAIN))
                    .jwtKeys(JwtKeys.fromPrivateKeyPem(coordinates.get(PRIVATE_KEY_KEY)))
                    .createResources(false)
                    .control(control)
                    .build());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("incompatible devstack versions on the class path", e);
        }
    }

    private static Object invoke(Method method, Object... args) {
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Executor STARTER =
            task -> Thread.ofPlatform().name("devstack-start").daemon().start(task);

    private static <T> CompletableFuture<T> async(String name, Supplier<T> task) {
        return CompletableFuture.supplyAsync(
                () -> {
                    Thread.currentThread().setName("devstack-start-" + name);
                    // Threads started from here (GreenMail's, Kafka clients') inherit this one.
                    Thread.currentThread().setContextClassLoader(DevStack.class.getClassLoader());
                    return task.get();
                },
                STARTER);
    }

    private static RuntimeException failure(String message, Collection<CompletableFuture<?>> futures) {
        IllegalStateException failure = new IllegalStateException(message);
        for (CompletableFuture<?> future : futures) {
            if (future.isCompletedExceptionally()) {
                future.exceptionally(error -> {
                    failure.addSuppressed(
                            error instanceof CompletionException && error.getCause() != null
                                    ? error.getCause()
                                    : error);
                    return null;
                });
            }
        }
        if (failure.getSuppressed().length > 0) {
            Throwable first = failure.getSuppressed()[0];
            return new IllegalStateException(message + ": " + first.getMessage(), first);
        }
        return failure;
    }

    private static void closeQuietly(Object component) {
        if (component instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "stopping " + component + " failed", e);
            }
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[18];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean present(Map<String, String> env, String key) {
        String value = env.get(key);
        return value != null && !value.isBlank();
    }

    private static int intOf(Map<String, String> env, String key, int fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a port number: " + value);
        }
    }
}

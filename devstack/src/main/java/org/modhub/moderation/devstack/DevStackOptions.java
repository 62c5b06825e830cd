package org.modhub.moderation.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.modhub.moderation.devstack.internal.RemoteControl;

/**
 * How {@link DevStack#start(DevStackOptions)} starts the stack. Ports 0 mean free ports; a null
 * directory means a temporary one that {@link DevStack#close()} deletes. The environment decides
 * which components are external (see {@link DevStackEnv}).
 */
public final class DevStackOptions {

    private final int postgresPort;
    private final Path postgresDataDir;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final Path kafkaDir;
    private final int kafkaBrokers;
    private final int smtpPort;
    private final int imapPort;
    private final String mailDomain;
    private final Map<String, String> mailPasswords;
    private final int hubPort;
    private final Path hubFixtures;
    private final String hubToken;
    private final int identityPort;
    private final List<OidcClient> identityClients;
    private final Path jwtDir;
    private final JwtKeys jwtKeys;
    private final Path logDir;
    private final List<String> databases;
    private final boolean createResources;
    private final Map<String, String> env;
    private final RemoteControl control;

    private DevStackOptions(Builder builder) {
        this.postgresPort = builder.postgresPort;
        this.postgresDataDir = builder.postgresDataDir;
        this.kafkaPort = builder.kafkaPort;
        this.kafkaControllerPort = builder.kafkaControllerPort;
        this.kafkaDir = builder.kafkaDir;
        this.kafkaBrokers = builder.kafkaBrokers;
        this.smtpPort = builder.smtpPort;
        this.imapPort = builder.imapPort;
        this.mailDomain = builder.mailDomain;
        this.mailPasswords = builder.mailPasswords == null ? null : Map.copyOf(builder.mailPasswords);
        this.hubPort = builder.hubPort;
        this.hubFixtures = builder.hubFixtures;
        this.hubToken = builder.hubToken;
        this.identityPort = builder.identityPort;
        this.identityClients = List.copyOf(builder.identityClients);
        this.jwtDir = builder.jwtDir;
        this.jwtKeys = builder.jwtKeys;
        this.logDir = builder.logDir;
        this.databases = List.copyOf(builder.databases);
        this.createResources = builder.createResources;
        this.env = Map.copyOf(builder.env);
        this.control = builder.control;
    }

    /**
     * For tests: free ports, temporary data, an in-memory key pair, logs under
     * {@code target/devstack/} when run from a Maven module, external components per the process
     * environment.
     */
    public static DevStackOptions forTests() {
        Map<String, String> env = System.getenv();
        Path target = Path.of("target");
        return builder()
                .env(env)
                .mailDomain(env.getOrDefault(DevStackEnv.MAIL_DOMAIN, DevStackDefaults.MAIL_DOMAIN))
                .logDir(Files.isDirectory(target) ? target.resolve("devstack").toAbsolutePath() : null)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int postgresPort() {
        return postgresPort;
    }

    public Path postgresDataDir() {
        return postgresDataDir;
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    public Path kafkaDir() {
        return kafkaDir;
    }

    public int kafkaBrokers() {
        return kafkaBrokers;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public String mailDomain() {
        return mailDomain;
    }

    /** Null: random passwords. */
    public Map<String, String> mailPasswords() {
        return mailPasswords;
    }

    public int hubPort() {
        return hubPort;
    }

    /** Null: the default fixtures ({@link HubStandIn#defaultFixtures()}), not watched. */
    public Path hubFixtures() {
        return hubFixtures;
    }

    /** Null: a random token. */
    public String hubToken() {
        return hubToken;
    }

    public int identityPort() {
        return identityPort;
    }

    /** The clients the identity stand-in knows (default: the console, {@link OidcClient#console()}). */
    public List<OidcClient> identityClients() {
        return identityClients;
    }

    public Path jwtDir() {
        return jwtDir;
    }

    public JwtKeys jwtKeys() {
        return jwtKeys;
    }

    public Path logDir() {
        return logDir;
    }

    public List<String> databases() {
        return databases;
    }

    public boolean createResources() {
        return createResources;
    }

    public Map<String, String> env() {
        return env;
    }

    RemoteControl control() {
        return control;
    }

    public static final class Builder {

        private int postgresPort;
        private Path postgresDataDir;
        private int kafkaPort;
        private int kafkaControllerPort;
        private Path kafkaDir;
        private int kafkaBrokers = 1;
        private int smtpPort;
        private int imapPort;
        private String mailDomain = DevStackDefaults.MAIL_DOMAIN;
        private Map<String, String> mailPasswords;
        private int hubPort;
        private Path hubFixtures;
        private String hubToken;
        private int identityPort;
        private List<OidcClient> identityClients = List.of(OidcClient.console());
        private Path jwtDir;
        private JwtKeys jwtKeys;
        private Path logDir;
        private List<String> databases = DevStackDefaults.SERVICES;
        private boolean createResources = true;
        private Map<String, String> env = Map.of();
        private RemoteControl control;

        private Builder() {}

        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        /** Kept across runs when it already holds a cluster. */
        public Builder postgresDataDir(Path dir) {
            this.postgresDataDir = dir;
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder kafkaControllerPort(int port) {
            this.kafkaControllerPort = port;
            return this;
        }

        /** Holds the broker's configuration, cluster id and log directory (a cluster's: one per node). */
        public Builder kafkaDir(Path dir) {
            this.kafkaDir = dir;
            return this;
        }

        /**
         * How many Kafka brokers (default 1). More make a {@link KafkaCluster} on free ports, each node broker and
         * controller, in which one may be down: {@link DevStack#kafkaCluster()}; it logs to {@code kafka-<id>.log}.
         */
        public Builder kafkaBrokers(int brokers) {
            if (brokers < 1) {
                throw new IllegalArgumentException("Kafka needs a broker at least, not " + brokers);
            }
            this.kafkaBrokers = brokers;
            return this;
        }

        public Builder smtpPort(int port) {
            this.smtpPort = port;
            return this;
        }

        public Builder imapPort(int port) {
            this.imapPort = port;
            return this;
        }

        public Builder mailDomain(String domain) {
            this.mailDomain = Objects.requireNonNull(domain);
            return this;
        }

        /** Mailbox ({@link MailServer#MAILBOXES}) to password; null for random ones. */
        public Builder mailPasswords(Map<String, String> passwords) {
            this.mailPasswords = passwords;
            return this;
        }

        public Builder hubPort(int port) {
            this.hubPort = port;
            return this;
        }

        /** The fixtures file the hub stand-in serves and re-reads when it changes; null for the default fixtures. */
        public Builder hubFixtures(Path file) {
            this.hubFixtures = file;
            return this;
        }

        /** The bearer token the hub stand-in requires; null for a random one. */
        public Builder hubToken(String token) {
            this.hubToken = token;
            return this;
        }

        public Builder identityPort(int port) {
            this.identityPort = port;
            return this;
        }

        /** The clients the identity stand-in registers (replacing the default, the console). */
        public Builder identityClients(List<OidcClient> clients) {
            this.identityClients = List.copyOf(clients);
            return this;
        }

        /** Where the key pair lives ({@link JwtKeys#loadOrCreate}); null with no {@link #jwtKeys}: in memory. */
        public Builder jwtDir(Path dir) {
            this.jwtDir = dir;
            return this;
        }

        public Builder jwtKeys(JwtKeys keys) {
            this.jwtKeys = keys;
            return this;
        }

        /** Where {@code postgres.log} and {@code kafka.log} (a cluster's {@code kafka-<id>.log}) go. */
        public Builder logDir(Path dir) {
            this.logDir = dir;
            return this;
        }

        /** Databases created at start (default: one per service). */
        public Builder databases(List<String> databases) {
            this.databases = List.copyOf(databases);
            return this;
        }

        /** Whether start creates the databases and topics (default true). */
        public Builder createResources(boolean create) {
            this.createResources = create;
            return this;
        }

        /** Where {@code DEVSTACK_*} variables are read (default: none, i.e. everything embedded). */
        public Builder env(Map<String, String> env) {
            this.env = Map.copyOf(env);
            return this;
        }

        Builder control(RemoteControl control) {
            this.control = control;
            return this;
        }

        public DevStackOptions build() {
            if (kafkaBrokers > 1 && (kafkaPort > 0 || kafkaControllerPort > 0)) {
                throw new IllegalArgumentException("a Kafka cluster takes free ports; kafkaPort is for one broker");
            }
            return new DevStackOptions(this);
        }
    }
}

package org.modhub.moderation.devstack;

import java.util.Locale;

/**
 * Environment variables the stack reads. The {@code DEVSTACK_PG_*}, {@code DEVSTACK_KAFKA_*},
 * {@code DEVSTACK_SMTP_*}, {@code DEVSTACK_IMAP_*}, {@code DEVSTACK_MAIL_*}, {@code DEVSTACK_HUB_*} and {@code DEVSTACK_IDP_URL} variables point at
 * EXTERNAL infrastructure: when a group is set, that component is not started, only its databases,
 * topics or nothing are created. The {@code DEVSTACK_PORT_*} variables only move the launcher's
 * own servers and services to other ports.
 */
public final class DevStackEnv {

    /** Host of an external PostgreSQL; its presence switches PostgreSQL to external. */
    public static final String PG_HOST = "DEVSTACK_PG_HOST";
    /** Port of the external PostgreSQL (default 5432). */
    public static final String PG_PORT = "DEVSTACK_PG_PORT";
    /** User that may create databases (default postgres). */
    public static final String PG_USER = "DEVSTACK_PG_USER";
    /** Its password (default postgres). */
    public static final String PG_PASSWORD = "DEVSTACK_PG_PASSWORD";

    /**
     * {@code true}: run PostgreSQL in a Testcontainers container where a Docker engine answers;
     * without one, the embedded PostgreSQL starts as usual (with a line saying so).
     */
    public static final String TESTCONTAINERS = "DEVSTACK_TESTCONTAINERS";

    /** Bootstrap servers of an external Kafka; its presence switches Kafka to external. */
    public static final String KAFKA_BOOTSTRAP = "DEVSTACK_KAFKA_BOOTSTRAP";

    /** Host of an external SMTP server; this or {@link #IMAP_HOST} switches mail to external. */
    public static final String SMTP_HOST = "DEVSTACK_SMTP_HOST";
    /** Its port (default 3025). */
    public static final String SMTP_PORT = "DEVSTACK_SMTP_PORT";
    /** Host of the external IMAP server (default: the SMTP host). */
    public static final String IMAP_HOST = "DEVSTACK_IMAP_HOST";
    /** Its port (default 3143). */
    public static final String IMAP_PORT = "DEVSTACK_IMAP_PORT";
    /** Mail domain of the mailboxes (default hub.localhost). */
    public static final String MAIL_DOMAIN = "DEVSTACK_MAIL_DOMAIN";

    /** Base URL of an external hub (or hub stand-in); its presence switches the stand-in to external. */
    public static final String HUB_URL = "DEVSTACK_HUB_URL";
    /** Bearer token for it. */
    public static final String HUB_TOKEN = "DEVSTACK_HUB_TOKEN";

    /**
     * Base URL of an identity provider stand-in run elsewhere (another JVM's stack); its presence switches the
     * stand-in to external. It signs with its own stack's keys.
     */
    public static final String IDP_URL = "DEVSTACK_IDP_URL";

    /**
     * JVM options of each service under the launcher (default
     * {@link org.modhub.moderation.devstack.launcher.LocalSuite#DEFAULT_SERVICE_JAVA_OPTS}).
     */
    public static final String SERVICE_JAVA_OPTS = "DEVSTACK_SERVICE_JAVA_OPTS";

    /**
     * JVM options added after those for one service, e.g. {@code DEVSTACK_MATCHING_JAVA_OPTS} (default {@link
     * org.modhub.moderation.devstack.launcher.LocalSuite#DEFAULT_SERVICE_EXTRA_JAVA_OPTS}).
     */
    public static String serviceJavaOpts(String service) {
        return "DEVSTACK_" + service.toUpperCase(Locale.ROOT) + "_JAVA_OPTS";
    }

    private DevStackEnv() {}

    /**
     * Password of a mailbox on the external mail server, e.g. {@code DEVSTACK_MAIL_SAFETY_PASSWORD}
     * (default: the address itself, GreenMail's convention). The same names are the environment
     * form of the {@code devstack.mail.<mailbox>.password} keys the services receive.
     */
    public static String mailPassword(String mailbox) {
        return "DEVSTACK_MAIL_" + mailbox.toUpperCase(Locale.ROOT) + "_PASSWORD";
    }

    /**
     * Launcher port override, e.g. {@code DEVSTACK_PORT_PG}, {@code DEVSTACK_PORT_KAFKA},
     * {@code DEVSTACK_PORT_KAFKA_CONTROLLER}, {@code DEVSTACK_PORT_SMTP}, {@code DEVSTACK_PORT_IMAP}, {@code DEVSTACK_PORT_HUB},
     * {@code DEVSTACK_PORT_IDP},
     * {@code DEVSTACK_PORT_REPORTING}.
     */
    public static String port(String name) {
        return "DEVSTACK_PORT_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Environment-variable form of a configuration key, as SmallRye Config maps it back. */
    public static String toEnvName(String configKey) {
        return configKey.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}

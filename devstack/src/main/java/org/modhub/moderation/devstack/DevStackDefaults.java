package org.modhub.moderation.devstack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every fixed name and number of the development stack, in one place. */
public final class DevStackDefaults {

    /** {@code iss} of every development token; what {@code mp.jwt.verify.issuer} expects. */
    public static final String JWT_ISSUER = "https://hub.localhost/auth";
    /** {@code aud} of every development token; what {@code mp.jwt.verify.audiences} expects. */
    public static final String JWT_AUDIENCE = "moderation-suite";
    /** Lifetime of a minted token unless told otherwise. */
    public static final Duration TOKEN_TTL = Duration.ofHours(1);

    /** Mail domain of the safety@, dmca@, legal@, feedback@ and noreply@ mailboxes. */
    public static final String MAIL_DOMAIN = "hub.localhost";
    /** Mailbox the services send from. */
    public static final String SENDER_MAILBOX = "noreply";

    /** The services, in the order the architecture lists them; each owns the database of its name. */
    public static final List<String> SERVICES =
            List.of("reporting", "review", "dmca", "appeals", "notification", "matching");

    /** HTTP port of each service under the launcher: 8081 upwards in that order, stepping over the console's. */
    public static final Map<String, Integer> SERVICE_PORTS = servicePorts();

    /** Address every server binds and every client uses. */
    public static final String HOST = "127.0.0.1";

    /** Fixed launcher ports (tests use free ports). */
    public static final int POSTGRES_PORT = 15432;

    public static final int KAFKA_PORT = 19092;
    public static final int KAFKA_CONTROLLER_PORT = 19093;
    public static final int SMTP_PORT = 3025;
    public static final int IMAP_PORT = 3143;
    public static final int HUB_PORT = 8090;
    /** The identity provider stand-in ({@link IdentityStandIn}) under the launcher. */
    public static final int IDP_PORT = 8091;
    /** The staff console under the launcher; its sign-in redirects come back here. */
    public static final int CONSOLE_PORT = 8086;

    /** The console's OIDC client id ({@code quarkus.oidc.client-id}). */
    public static final String CONSOLE_CLIENT_ID = "console";
    /**
     * The console's client secret at the local identity provider. A development value like {@link #HUB_TOKEN}:
     * the provider only ever runs on the loopback interface and signs anyone in as anyone.
     */
    public static final String CONSOLE_CLIENT_SECRET = "devstack-console-secret";
    /** Where the identity provider may send the console's sign-ins back (and its sign-outs): any local port. */
    public static final List<String> CONSOLE_REDIRECT_PREFIXES = List.of("http://127.0.0.1:", "http://localhost:");

    /** Bearer token of the hub stand-in under the launcher (tests get a random one per stack). */
    public static final String HUB_TOKEN = "devstack-hub-token";

    /** Class-path resource of the default hub fixtures. */
    public static final String HUB_FIXTURES_RESOURCE = "org/modhub/moderation/devstack/hub-fixtures.json";

    /** The embedded PostgreSQL trusts local connections; these are what clients send. */
    public static final String POSTGRES_USER = "postgres";

    public static final String POSTGRES_PASSWORD = "postgres";

    /** Partitions of each event topic (enough to exercise per-key ordering and rebalancing). */
    public static final int EVENT_TOPIC_PARTITIONS = 3;
    /** Partitions of each dead-letter topic. */
    public static final int DEAD_LETTER_TOPIC_PARTITIONS = 1;

    /** Heap and collector of the broker JVM: ~315 MB RSS, fine on a 2-core machine (start-up flags come on top). */
    public static final List<String> KAFKA_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

    private DevStackDefaults() {}

    /** The module directory of a service, relative to the repository root. */
    public static String serviceModule(String service) {
        return service + "-service";
    }

    private static Map<String, Integer> servicePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        int port = 8081;
        for (String service : SERVICES) {
            if (port == CONSOLE_PORT) {
                port++;
            }
            ports.put(service, port++);
        }
        return java.util.Collections.unmodifiableMap(ports);
    }
}

package org.modhub.moderation.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.logging.Logger;

import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.devstack.internal.Ports;

import com.sun.net.httpserver.HttpServer;

/**
 * The identity provider of the staff console in tests and under {@code bin/run}: a real OpenID Connect provider for
 * the authorization-code flow (with PKCE), whose sign-in page lets anyone be anyone with any role, and whose access
 * tokens every service accepts: they are {@link TokenMinter}'s, signed with the stack's {@link JwtKeys}.
 * <p>
 * Under {@code /auth}: {@code .well-known/openid-configuration}, {@code authorize} (the form and its presets),
 * {@code token}, {@code jwks}, {@code userinfo} and {@code logout}. The issuer is {@link DevStackDefaults#JWT_ISSUER}
 * whatever address it listens on, as the services expect. Clients are registered when it starts
 * ({@link OidcClient}); codes live in memory, so a restart forgets sign-ins in progress.
 * <p>
 * Embedded (this JVM serves), remote (the JVM's shared stack serves it from another class loader) or external
 * ({@code DEVSTACK_IDP_URL}: it cannot be stopped from here).
 */
public final class IdentityStandIn extends ManagedServer {

    private static final Logger LOG = Logger.getLogger(IdentityStandIn.class.getName());

    static {
        // As for the hub stand-in: without it each answer waits for the client's delayed ACK.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** A one-click sign-in on the form. */
    public record Preset(String username, String email, List<String> roles) {
        public Preset {
            roles = List.copyOf(roles);
        }
    }

    /** The presets on the sign-in page: one person per staff role, and a second moderator for four-eyes rules. */
    public static final List<Preset> PRESETS = List.of(
            preset("alice", Roles.MODERATOR),
            preset("mo2", Roles.MODERATOR),
            preset("sam", Roles.SENIOR_MODERATOR),
            preset("lee", Roles.LEGAL),
            preset("aud", Roles.AUDITOR),
            preset("ada", Roles.ADMIN));

    private final String host;
    private final int port;

    // Embedded only.
    private final JwtKeys keys;
    private final Map<String, OidcClient> clients;
    private final AuthorizationCodes codes = new AuthorizationCodes(Clock.systemUTC());
    private HttpServer server;
    private ExecutorService handlers;

    private IdentityStandIn(
            String host,
            int port,
            boolean embedded,
            Function<String, String> remote,
            JwtKeys keys,
            Map<String, OidcClient> clients) {
        super("identity stand-in", embedded, remote);
        this.host = host;
        this.port = port;
        this.keys = keys;
        this.clients = clients;
    }

    /** Starts a provider on {@code port} (0: a free one) signing with {@code keys}, for these clients. */
    public static IdentityStandIn startEmbedded(int port, JwtKeys keys, List<OidcClient> clients) {
        Map<String, OidcClient> byId = new LinkedHashMap<>();
        for (OidcClient client : clients) {
            if (byId.put(client.id(), client) != null) {
                throw new IllegalArgumentException("client " + client.id() + " is registered twice");
            }
        }
        IdentityStandIn standIn =
                new IdentityStandIn(DevStackDefaults.HOST, Ports.orFree(port), true, null, keys, Map.copyOf(byId));
        standIn.start();
        return standIn;
    }

    /** A provider someone else runs (its base URL, without {@code /auth}). */
    public static IdentityStandIn external(String url) {
        URI uri = URI.create(url);
        return new IdentityStandIn(uri.getHost(), uri.getPort(), false, null, null, Map.of());
    }

    static IdentityStandIn remote(String url, Function<String, String> control) {
        URI uri = URI.create(url);
        return new IdentityStandIn(uri.getHost(), uri.getPort(), false, control, null, Map.of());
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8091}. */
    public String url() {
        return "http://" + host + ":" + port;
    }

    /** What a client's {@code quarkus.oidc.auth-server-url} is: {@code url() + "/auth"}. */
    public String authServerUrl() {
        return url() + "/auth";
    }

    /** The {@code iss} of its tokens, {@link DevStackDefaults#JWT_ISSUER}. */
    public String issuer() {
        return DevStackDefaults.JWT_ISSUER;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Whether it accepts connections (for an external one: assumed). */
    public boolean running() {
        return isRunning();
    }

    private static Preset preset(String username, String role) {
        return new Preset(username, username + "@example.org", List.of(role));
    }

    @Override
    void startEmbedded() {
        if (server != null) {
            return;
        }
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(host, port), 64);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            created.setExecutor(executor);
            created.createContext("/", new IdentityApi(this, clients, codes, keys));
            created.start();
            server = created;
            handlers = executor;
        } catch (IOException e) {
            throw new UncheckedIOException("the identity stand-in cannot listen on " + host + ":" + port, e);
        }
        LOG.info(() -> "identity stand-in serving " + authServerUrl() + " for " + clients.keySet());
    }

    @Override
    void stopEmbedded() {
        if (server == null) {
            return;
        }
        server.stop(0);
        handlers.shutdownNow();
        server = null;
        handlers = null;
    }

    @Override
    boolean runsEmbedded() {
        return server != null;
    }

    @Override
    String location() {
        return url();
    }

    @Override
    public String toString() {
        return "identity stand-in " + authServerUrl() + (isEmbedded() ? "" : " (external)");
    }
}

package org.modhub.moderation.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.modhub.moderation.devstack.internal.Ports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

/**
 * The hub as the services see it in tests and under {@code bin/run}: a small HTTP server serving
 * {@code service-kit/hub-api/openapi.yaml} (the public Hugging Face shapes and the internal
 * moderation endpoints) from a fixtures file, with the open-namespace rules that make any
 * {@code model:<fresh-namespace>/<name>} exist. Every request needs {@code Authorization: Bearer <token()>}.
 * <p>
 * Tests change what it knows with {@link #putAccount}, {@link #putOrganization},
 * {@link #putRepository} and {@link #merge} (visible to the next request), read what the services
 * asked with {@link #requests()}, and take it away with {@link #stop()} (connections refused) and
 * {@link #start()} (same port, same fixtures). Under {@code bin/run} it re-reads the fixtures file
 * when a developer edits it; what was merged at run time stays merged on top.
 * <p>
 * Embedded (this JVM serves), remote (the JVM's shared stack serves it from another class loader;
 * everything goes through the stack's remote control) or external ({@code DEVSTACK_HUB_URL}; the
 * test-side calls go to its {@code /_standin/} endpoints, and it cannot be stopped from here).
 */
public final class HubStandIn extends ManagedServer {

    private static final Logger LOG = Logger.getLogger(HubStandIn.class.getName());

    static {
        // The JDK server writes headers and body apart; with Nagle's algorithm on, each answer waited for the
        // client's delayed ACK (a directory miss took ~40 ms at p50 in the bench, ~9 ms with this set). Read once,
        // when the JDK server is first used, so it is set here, before any is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Requests kept for {@link #requests()}; older ones are dropped (load tests ask a lot). */
    static final int MAX_LOGGED_REQUESTS = 10_000;

    private static final Duration RELOAD_EVERY = Duration.ofMillis(500);

    private final String host;
    private final int port;
    private final String token;
    private final Function<String, String> remote;

    // Embedded only.
    private final String mailDomain;
    private final Path fixturesFile;
    private final Object fixturesLock = new Object();
    private final List<String> overlays = new ArrayList<>();
    private final Deque<String> requestLog = new ArrayDeque<>();
    private volatile HubFixtures fixtures;
    private String baseJson;
    private FileStamp loadedStamp;
    private HttpServer server;
    private ExecutorService handlers;
    private Thread watcher;
    private volatile boolean closed;

    private HubStandIn(
            String host,
            int port,
            String token,
            boolean embedded,
            Function<String, String> remote,
            String mailDomain,
            Path fixturesFile) {
        super("hub stand-in", embedded, remote);
        this.host = host;
        this.port = port;
        this.token = Objects.requireNonNull(token, "token");
        this.remote = remote;
        this.mailDomain = mailDomain;
        this.fixturesFile = fixturesFile;
    }

    /**
     * Starts a stand-in on {@code port} (0: a free one) serving {@code fixturesFile}, which it reads
     * again whenever it changes; null serves the default fixtures ({@link #defaultFixtures()}).
     * Synthetic accounts get addresses under {@code mailDomain}.
     */
    public static HubStandIn startEmbedded(int port, Path fixturesFile, String token, String mailDomain) {
        HubStandIn standIn =
                new HubStandIn(DevStackDefaults.HOST, Ports.orFree(port), token, true, null, mailDomain, fixturesFile);
        standIn.load();
        standIn.start();
        if (fixturesFile != null) {
            standIn.watch();
        }
        return standIn;
    }

    /** A stand-in someone else runs (its URL and token); test-side calls go to its {@code /_standin/} endpoints. */
    public static HubStandIn external(String url, String token) {
        URI uri = URI.create(url);
        return new HubStandIn(uri.getHost(), uri.getPort(), token, false, null, null, null);
    }

    static HubStandIn remote(String url, String token, Function<String, String> control) {
        URI uri = URI.create(url);
        return new HubStandIn(uri.getHost(), uri.getPort(), token, false, control, null, null);
    }

    /** The fixtures every stack starts with, and bin/run copies to {@code .devstack/hub-fixtures.json}. */
    public static String defaultFixtures() {
        try (InputStream in = HubStandIn.class.getResourceAsStream("/" + DevStackDefaults.HUB_FIXTURES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DevStackDefaults.HUB_FIXTURES_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@link #defaultFixtures()} to {@code file} unless it exists (a developer's edits stay); whether it wrote. */
    public static boolean copyDefaultFixtures(Path file) {
        if (Files.exists(file)) {
            return false;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, defaultFixtures());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The base URL the services use ({@code kit.hub.url}), e.g. {@code http://127.0.0.1:8090}. */
    public String url() {
        return "http://" + host + ":" + port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The bearer token it requires ({@code kit.hub.token}). */
    public String token() {
        return token;
    }

    /** The file it serves and watches; empty when it serves the default fixtures or is not ours. */
    public java.util.Optional<Path> fixturesFile() {
        return java.util.Optional.ofNullable(fixturesFile);
    }

    /** Whether it accepts connections (for an external one: assumed). */
    public boolean running() {
        return isRunning();
    }

    /** A user account {@code name} with that id (the JWT {@code sub}), replacing one of that name. */
    public void putAccount(String name, String id, String email, String language, String country) {
        ObjectNode account = HubFixtures.JSON.createObjectNode();
        account.put("name", name).put("id", id).put("type", "user");
        account.put("email", email).put("language", language).put("country", country);
        mergeEntry("accounts", account);
    }

    /** An organisation whose admins are these account names (listed or open), replacing one of that name. */
    public void putOrganization(String name, String id, String email, List<String> adminNames) {
        ObjectNode org = HubFixtures.JSON.createObjectNode();
        org.put("name", name).put("id", id).put("type", "org").put("email", email);
        ArrayNode admins = org.putArray("admins");
        adminNames.forEach(admins::add);
        mergeEntry("accounts", org);
    }

    /** A public repository without files ({@code type} model, dataset or space), replacing one of that id. */
    public void putRepository(String type, String namespace, String name, Instant createdAt) {
        ObjectNode repo = HubFixtures.JSON.createObjectNode();
        repo.put("type", type).put("id", namespace + "/" + name);
        repo.put("createdAt", createdAt.toString()).put("lastModified", createdAt.toString());
        mergeEntry("repositories", repo);
    }

    /**
     * Merges a fixtures document (the file's format): accounts replace those of their name,
     * repositories those of their type and id, posts those of their author and id, {@code open}
     * replaces {@code open}. Visible to the next request, and kept when the file is reloaded.
     *
     * @throws IllegalArgumentException naming what is wrong; nothing is merged then
     */
    public void merge(String fixturesJson) {
        if (remote != null) {
            remote.apply("merge:" + fixturesJson);
            return;
        }
        if (!isEmbedded()) {
            admin("POST", "/_standin/merge", fixturesJson);
            return;
        }
        synchronized (fixturesLock) {
            HubFixtures merged = fixtures.merge(fixturesJson);
            overlays.add(fixturesJson);
            fixtures = merged;
        }
    }

    /** The requests it received ({@code "GET /api/models/acme/x"}, with the query if any), oldest first. */
    public List<String> requests() {
        if (remote != null) {
            return parseList(remote.apply("requests"));
        }
        if (!isEmbedded()) {
            return parseList(admin("GET", "/_standin/requests", null));
        }
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    public void clearRequests() {
        if (remote != null) {
            remote.apply("clear-requests");
            return;
        }
        if (!isEmbedded()) {
            admin("DELETE", "/_standin/requests", null);
            return;
        }
        synchronized (requestLog) {
            requestLog.clear();
        }
    }

    /** What it serves now, in the fixtures format (the file's or the default, with every merge applied). */
    public String fixturesJson() {
        if (remote != null) {
            return remote.apply("fixtures");
        }
        if (!isEmbedded()) {
            return admin("GET", "/_standin/fixtures", null);
        }
        return fixtures().json();
    }

    @Override
    public void close() {
        closed = true;
        Thread current = watcher;
        if (current != null) {
            current.interrupt();
        }
        super.close();
    }

    // --- embedded ---

    /** The current fixtures; re-reads the file first if it changed. */
    HubFixtures fixtures() {
        if (fixturesFile != null) {
            reloadIfChanged();
        }
        return fixtures;
    }

    void log(String request) {
        synchronized (requestLog) {
            if (requestLog.size() >= MAX_LOGGED_REQUESTS) {
                requestLog.removeFirst();
            }
            requestLog.addLast(request);
        }
    }

    private void load() {
        synchronized (fixturesLock) {
            if (fixturesFile == null) {
                baseJson = defaultFixtures();
            } else {
                loadedStamp = FileStamp.of(fixturesFile);
                baseJson = read(fixturesFile);
            }
            try {
                fixtures = withOverlays(HubFixtures.parse(baseJson, mailDomain));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        (fixturesFile == null ? "the default hub fixtures" : fixturesFile.toString()) + ": "
                                + e.getMessage(),
                        e);
            }
        }
    }

    private void reloadIfChanged() {
        synchronized (fixturesLock) {
            FileStamp stamp = FileStamp.of(fixturesFile);
            if (stamp.equals(loadedStamp)) {
                return;
            }
            loadedStamp = stamp;
            String json;
            try {
                json = read(fixturesFile);
                fixtures = withOverlays(HubFixtures.parse(json, mailDomain));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                LOG.warning(() -> "hub fixtures " + fixturesFile + " not reloaded, still serving the previous ones: "
                        + e.getMessage());
                return;
            }
            baseJson = json;
            LOG.info(() -> "hub fixtures reloaded from " + fixturesFile + ": " + fixtures.summary());
        }
    }

    private HubFixtures withOverlays(HubFixtures base) {
        HubFixtures result = base;
        for (String overlay : overlays) {
            result = result.merge(overlay);
        }
        return result;
    }

    /** Reloads soon after an edit even when no request comes, so a mistake in the file is reported at once. */
    private void watch() {
        watcher = Thread.ofPlatform().daemon().name("hub-fixtures-watch").start(() -> {
            while (!closed) {
                try {
                    Thread.sleep(RELOAD_EVERY);
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    reloadIfChanged();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "watching " + fixturesFile + " failed", e);
                }
            }
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
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
            created.createContext("/", new HubApi(this));
            created.start();
            server = created;
            handlers = executor;
        } catch (IOException e) {
            throw new UncheckedIOException("the hub stand-in cannot listen on " + host + ":" + port, e);
        }
        LOG.info(() -> "hub stand-in serving " + url() + " (" + fixtures.summary() + ")");
    }

    @Override
    void stopEmbedded() {
        if (server == null) {
            return;
        }
        // No grace: a stopped hub refuses connections at once, as a crashed one does.
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
    String otherAction(String action) {
        if (action.startsWith("merge:")) {
            merge(action.substring("merge:".length()));
            return "";
        }
        return switch (action) {
            case "requests" -> {
                ArrayNode list = HubFixtures.JSON.createArrayNode();
                requests().forEach(list::add);
                yield list.toString();
            }
            case "clear-requests" -> {
                clearRequests();
                yield "";
            }
            case "fixtures" -> fixturesJson();
            default -> super.otherAction(action);
        };
    }

    @Override
    String location() {
        return url();
    }

    // --- remote and external ---

    private void mergeEntry(String field, ObjectNode entry) {
        ObjectNode document = HubFixtures.JSON.createObjectNode();
        document.putArray(field).add(entry);
        merge(document.toString());
    }

    private String admin(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 400) {
                throw new IllegalArgumentException(errorOf(response.body()));
            }
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        method + " " + url() + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("the hub stand-in at " + url() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String errorOf(String body) {
        try {
            return HubFixtures.JSON.readTree(body).path("error").asText(body);
        } catch (JsonProcessingException e) {
            return body;
        }
    }

    private static List<String> parseList(String json) {
        try {
            List<String> result = new ArrayList<>();
            for (JsonNode item : HubFixtures.JSON.readTree(json)) {
                result.add(item.asText());
            }
            return List.copyOf(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a list of requests: " + json, e);
        }
    }

    /** Modification time and size: an editor's save changes at least one. */
    private record FileStamp(Instant modified, long size, boolean exists) {
        static FileStamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileStamp(attributes.lastModifiedTime().toInstant(), attributes.size(), true);
            } catch (NoSuchFileException e) {
                return new FileStamp(Instant.EPOCH, -1, false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    @Override
    public String toString() {
        return "hub stand-in " + url() + (isEmbedded() ? "" : " (external)");
    }
}

package org.modhub.moderation.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.modhub.moderation.contracts.dsa.StatementValidator;
import org.modhub.moderation.contracts.dsa.Violation;
import org.modhub.moderation.contracts.event.EventCodec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local HTTP stand-in for the EU DSA Transparency Database API, as strict as the real one where
 * the submitter depends on it: bearer token, at most 100 statements a batch, 422 with an
 * {@code errors} object (keys {@code statements.<i>.<attribute>} in a batch) for an invalid
 * statement or a puid already used, nothing stored from a refused batch, 302/404 for
 * existing-puid. Faults can be scripted: answer 503 without storing, or store and then answer 500
 * as if the answer were lost on the way.
 */
public class FakeTransparencyDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "X|fake-platform-token";
    private static final ObjectMapper MAPPER = EventCodec.newObjectMapper();
    private static final StatementValidator VALIDATOR = new StatementValidator();

    /** What the next requests that send statements meet. */
    public enum Fault {
        UNAVAILABLE_503,
        STORE_THEN_500
    }

    private static volatile FakeTransparencyDatabase current;

    private HttpServer server;
    private final Map<String, JsonNode> stored = new ConcurrentHashMap<>();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger resentAfterStored = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger unauthorized = new AtomicInteger();
    private volatile String rejectFactsContaining;

    public static FakeTransparencyDatabase current() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/", this::handle);
        server.start();
        current = this;
        return Map.of(
                "review.transparency.endpoint",
                "http://127.0.0.1:" + server.getAddress().getPort(),
                "review.transparency.token",
                TOKEN);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    // --- what the tests look at and script ---

    public Map<String, JsonNode> stored() {
        return stored;
    }

    public List<Integer> batchSizes() {
        return batchSizes;
    }

    /** Statements POSTed again after the database already held their puid: retries that would duplicate. */
    public int resentAfterStored() {
        return resentAfterStored.get();
    }

    public int lookups() {
        return lookups.get();
    }

    public int unauthorized() {
        return unauthorized.get();
    }

    public void failNext(Fault... next) {
        faults.addAll(List.of(next));
    }

    /** A rule the hub does not know: statements whose facts contain this text are refused with 422. */
    public void rejectFactsContaining(String text) {
        rejectFactsContaining = text;
    }

    // --- the API ---

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                unauthorized.incrementAndGet();
                respond(exchange, 401, "{\"message\":\"Unauthenticated.\"}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.startsWith("/api/v1/statement/existing-puid/")) {
                lookups.incrementAndGet();
                String puid = URLDecoder.decode(
                        path.substring("/api/v1/statement/existing-puid/".length()), StandardCharsets.UTF_8);
                JsonNode statement = stored.get(puid);
                respond(
                        exchange,
                        statement != null ? 302 : 404,
                        statement != null ? statement.toString() : "{\"message\":\"statement of reason not found\"}");
            } else if (method.equals("POST") && path.equals("/api/v1/statements")) {
                JsonNode list = MAPPER.readTree(read(exchange.getRequestBody())).path("statements");
                List<JsonNode> statements = new ArrayList<>();
                list.forEach(statements::add);
                create(exchange, statements, true);
            } else if (method.equals("POST") && path.equals("/api/v1/statement")) {
                create(exchange, List.of(MAPPER.readTree(read(exchange.getRequestBody()))), false);
            } else {
                respond(exchange, 404, "{\"message\":\"not found\"}");
            }
        }
    }

    private synchronized void create(HttpExchange exchange, List<JsonNode> statements, boolean batch)
            throws IOException {
        batchSizes.add(statements.size());
        statements.stream()
                .filter(s -> stored.containsKey(s.path("puid").asText()))
                .forEach(s -> resentAfterStored.incrementAndGet());
        Fault fault = faults.isEmpty() ? null : faults.remove(0);
        if (fault == Fault.UNAVAILABLE_503) {
            respond(exchange, 503, "<html>Service Unavailable</html>");
            return;
        }
        if (batch && (statements.isEmpty() || statements.size() > 100)) {
            respond(
                    exchange,
                    422,
                    "{\"message\":\"The statements field must have between 1 and 100 items.\",\"errors\":"
                            + "{\"statements\":[\"The statements field must have between 1 and 100 items.\"]}}");
            return;
        }
        ObjectNode errors = MAPPER.createObjectNode();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            JsonNode s = statements.get(i);
            String prefix = batch ? "statements." + i + "." : "";
            for (Violation v : VALIDATOR.validate(s)) {
                if (v.rejectedByDatabase()) {
                    errors.withArray(prefix + v.field()).add(v.message());
                }
            }
            String puid = s.path("puid").asText();
            if (stored.containsKey(puid) || seen.contains(puid)) {
                errors.withArray(prefix + "puid").add("The identifier given is not unique within this platform.");
            }
            seen.add(puid);
            if (rejectFactsContaining != null
                    && s.path("decision_facts").asText().contains(rejectFactsContaining)) {
                errors.withArray(prefix + "decision_facts").add("The decision facts field is not acceptable.");
            }
        }
        if (!errors.isEmpty()) {
            ObjectNode body = MAPPER.createObjectNode();
            body.put("message", "The given data was invalid.");
            body.set("errors", errors);
            respond(exchange, 422, body.toString());
            return;
        }
        Map<String, JsonNode> created = new LinkedHashMap<>();
        for (JsonNode s : statements) {
            ObjectNode copy = s.deepCopy();
            copy.put("uuid", UUID.randomUUID().toString());
            created.put(s.path("puid").asText(), copy);
        }
        stored.putAll(created);
        if (fault == Fault.STORE_THEN_500) {
            respond(exchange, 500, "<html>Server Error</html>");
            return;
        }
        if (batch) {
            ObjectNode body = MAPPER.createObjectNode();
            ArrayNode array = body.putArray("statements");
            created.values().forEach(array::add);
            respond(exchange, 201, body.toString());
        } else {
            respond(exchange, 201, created.values().iterator().next().toString());
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

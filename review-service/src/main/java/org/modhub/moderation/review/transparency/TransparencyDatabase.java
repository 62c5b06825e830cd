package org.modhub.moderation.review.transparency;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modhub.moderation.contracts.dsa.TransparencyStatement;
import org.modhub.moderation.review.config.ReviewConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The EU DSA Transparency Database API (v2) as the submitter uses it: {@code POST
 * /api/v1/statements} with up to 100 statements, {@code POST /api/v1/statement} with one, and
 * {@code GET /api/v1/statement/existing-puid/{puid}} (302 when the platform already has a
 * statement with that puid, 404 when not). 422 answers carry an {@code errors} object keyed by
 * attribute, {@code statements.<index>.<attribute>} in a batch. Blocking: called from the
 * submitter's worker thread.
 */
@ApplicationScoped
public class TransparencyDatabase {

    private static final Pattern BATCH_KEY = Pattern.compile("statements\\.(\\d+)\\..*");

    private final ReviewConfig.Transparency config;
    private final ObjectMapper mapper;
    private final HttpClient http;

    public TransparencyDatabase(ReviewConfig config, ObjectMapper mapper) {
        this.config = config.transparency();
        this.mapper = mapper;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER) // a 302 is the answer, not a place to go
                .connectTimeout(this.config.timeout())
                .build();
    }

    public boolean configured() {
        return config.endpoint().isPresent();
    }

    /** Whether the database already holds a statement of this platform with this puid. */
    boolean exists(String puid) {
        HttpResponse<String> response =
                call(request("/api/v1/statement/existing-puid/" + URLEncoder.encode(puid, StandardCharsets.UTF_8))
                        .GET()
                        .build());
        return switch (response.statusCode()) {
            case 302, 200 -> true;
            case 404 -> false;
            default -> throw unavailable("puid lookup", response);
        };
    }

    /** Sends statements: one alone, more as a batch. */
    Answer submit(List<TransparencyStatement> statements) {
        String body;
        if (statements.size() == 1) {
            body = statements.get(0).toJson();
        } else {
            ObjectNode root = mapper.createObjectNode();
            ArrayNode array = root.putArray("statements");
            statements.forEach(s -> array.add(s.toJsonTree()));
            body = root.toString();
        }
        HttpResponse<String> response =
                call(request(statements.size() == 1 ? "/api/v1/statement" : "/api/v1/statements")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build());
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            return new Answer(created(response.body()), Map.of(), List.of());
        }
        if (status == 422) {
            return errors(response.body());
        }
        throw unavailable("submission", response);
    }

    /** The database's uuid for each puid it created, as far as the answer tells. */
    private Map<String, String> created(String body) {
        Map<String, String> ids = new HashMap<>();
        try {
            JsonNode root = mapper.readTree(body);
            JsonNode list = root.has("statements") ? root.get("statements") : root;
            for (JsonNode s : list.isArray() ? list : List.of(list)) {
                if (s.hasNonNull("puid") && s.hasNonNull("uuid")) {
                    ids.put(s.get("puid").asText(), s.get("uuid").asText());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the statements were created; their ids are a convenience
        }
        return ids;
    }

    private Answer errors(String body) {
        Map<Integer, List<String>> byIndex = new HashMap<>();
        List<String> all = new ArrayList<>();
        try {
            JsonNode errors = mapper.readTree(body).path("errors");
            for (Iterator<Map.Entry<String, JsonNode>> it = errors.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                List<String> messages = new ArrayList<>();
                field.getValue().forEach(m -> messages.add(field.getKey() + ": " + m.asText()));
                if (messages.isEmpty()) {
                    messages.add(field.getKey() + ": " + field.getValue().asText());
                }
                all.addAll(messages);
                Matcher m = BATCH_KEY.matcher(field.getKey());
                if (m.matches()) {
                    byIndex.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new ArrayList<>())
                            .addAll(messages);
                }
            }
        } catch (IOException | RuntimeException e) {
            all.add("unreadable 422 answer: " + abbreviate(body));
        }
        if (all.isEmpty()) {
            all.add("422 without errors: " + abbreviate(body));
        }
        return new Answer(null, byIndex, all);
    }

    /** The database's answer when a puid was used before ("The identifier given is not unique within this platform."). */
    static boolean isDuplicatePuid(String error) {
        String e = error.toLowerCase(Locale.ROOT);
        return (e.startsWith("puid:") || e.contains(".puid:")) && (e.contains("not unique") || e.contains("already"));
    }

    private HttpRequest.Builder request(String path) {
        URI base = config.endpoint().orElseThrow();
        String root = base.toString().endsWith("/")
                ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path))
                .timeout(config.timeout())
                .header("Accept", "application/json");
        config.token().ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b;
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unavailable(request.method() + " " + request.uri().getPath() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
    }

    private static Unavailable unavailable(String what, HttpResponse<String> response) {
        return new Unavailable(what + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /**
     * @param created puid to database uuid, when the statements were created; null otherwise
     * @param errorsByIndex a refused batch's errors by statement index
     * @param allErrors every error of a refusal
     */
    record Answer(Map<String, String> created, Map<Integer, List<String>> errorsByIndex, List<String> allErrors) {}

    /** The database could not be reached, or answered with something other than a verdict on the statements. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }
}

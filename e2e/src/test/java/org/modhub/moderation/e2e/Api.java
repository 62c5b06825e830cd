package org.modhub.moderation.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The public door: JSON over HTTP to a service, as a client would call it. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    /** How long a call waits for its answer before it counts as none (status 0). */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** An answer; {@code status} 0 when no answer came (refused, reset, timed out). */
    record Response(int status, Map<String, List<String>> headers, String body, String error) {

        JsonNode json() {
            if (body == null || body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        String text(String field) {
            JsonNode node = json().path(field);
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        @Override
        public String toString() {
            return status == 0 ? "no answer (" + error + ")" : status + " " + (body == null ? "" : body);
        }
    }

    /** Asked before each request: with replicas, the suite hands them out in turn, as a Kubernetes Service. */
    private final Supplier<String> baseUrl;

    private final String token;
    private final Map<String, String> extraHeaders;

    private Api(Supplier<String> baseUrl, String token, Map<String, String> extraHeaders) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.extraHeaders = extraHeaders;
    }

    static Api of(Suite suite, String service, String token) {
        return new Api(() -> suite.url(service), token, Map.of());
    }

    static Api anonymous(Suite suite, String service) {
        return new Api(() -> suite.url(service), null, Map.of());
    }

    Api withHeader(String name, String value) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(extraHeaders);
        headers.put(name, value);
        return new Api(baseUrl, token, Map.copyOf(headers));
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl.get() + path)).GET());
    }

    /** A GET for something that is not JSON (e.g. {@code /q/metrics}, asked for as {@code text/plain}). */
    Response get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl.get() + path)).GET(), accept);
    }

    /** Every item of a paged list ({@code {items, nextCursor}}), page after page; {@code path} may carry a query. */
    List<JsonNode> items(String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            Response page = get(
                    cursor == null
                            ? path
                            : path + (path.contains("?") ? "&" : "?") + "cursor="
                                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            if (page.status() != 200) {
                throw new AssertionError("GET " + path + ": " + page);
            }
            page.json().path("items").forEach(items::add);
            cursor = page.text("nextCursor");
        } while (cursor != null);
        return items;
    }

    Response post(String path, Object body) {
        String json;
        try {
            json = body == null ? "" : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Response send(HttpRequest.Builder builder) {
        return send(builder, "application/json, application/problem+json");
    }

    private Response send(HttpRequest.Builder builder, String accept) {
        builder.timeout(TIMEOUT).header("Accept", accept);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        extraHeaders.forEach(builder::header);
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body(), null);
        } catch (IOException e) {
            return new Response(0, Map.of(), null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, Map.of(), null, "interrupted");
        }
    }

    static Map<String, Object> map(JsonNode node) {
        return JSON.convertValue(node, new TypeReference<>() {});
    }
}

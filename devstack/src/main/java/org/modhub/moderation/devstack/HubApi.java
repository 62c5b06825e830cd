package org.modhub.moderation.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The HTTP side of the hub stand-in: the routes of {@code service-kit/hub-api/openapi.yaml} in the
 * public Hugging Face shapes, answered from {@link HubFixtures}, plus the stand-in's own
 * {@code /_standin/} endpoints. Every request needs the bearer token.
 */
final class HubApi implements HttpHandler {

    /** Entries per page of a tree listing; the next page is in the {@code Link} header. */
    static final int PAGE_SIZE = 100;

    /** Largest body the stand-in reads (a merge or a paths-info form). */
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final HubStandIn standIn;

    HubApi(HubStandIn standIn) {
        this.standIn = standIn;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            String method = exchange.getRequestMethod();
            boolean admin = rawPath.startsWith("/_standin/");
            if (!admin) {
                standIn.log(method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
            }
            if (!authorized(exchange)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                error(exchange, 401, "Invalid credentials in Authorization header");
                return;
            }
            HubFixtures fixtures = standIn.fixtures();
            List<String> segments = segments(rawPath);
            Map<String, List<String>> query = form(rawQuery);
            Response response =
                    admin ? admin(method, segments, exchange) : route(method, segments, query, exchange, fixtures);
            send(exchange, response);
        } catch (MethodNotAllowed e) {
            error(exchange, 405, "Method not allowed");
        } catch (IllegalArgumentException e) {
            error(exchange, 400, e.getMessage());
        } catch (RuntimeException e) {
            try {
                error(exchange, 500, "stand-in failure: " + e);
            } catch (IOException | RuntimeException ignored) {
                // The response had started; the client sees a broken reply.
            }
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Bearer " + standIn.token();
        return header != null
                && MessageDigest.isEqual(
                        header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private record Response(int status, Object body, Map<String, String> headers) {
        static Response ok(Object body) {
            return new Response(200, body, Map.of());
        }

        static Response notFound(String message) {
            return new Response(404, error(message), Map.of());
        }

        static Response badRequest(String message) {
            return new Response(400, error(message), Map.of());
        }

        static ObjectNode error(String message) {
            return NODES.objectNode().put("error", message);
        }
    }

    private Response route(
            String method, List<String> s, Map<String, List<String>> query, HttpExchange exchange, HubFixtures fixtures)
            throws IOException {
        if (s.size() < 2 || !s.get(0).equals("api")) {
            return Response.notFound("Not found");
        }
        if (s.size() >= 5
                && s.get(1).equals("internal")
                && s.get(2).equals("moderation")
                && s.get(3).equals("v1")) {
            requireGet(method);
            if (s.size() == 6 && s.get(4).equals("accounts")) {
                return fixtures.account(s.get(5))
                        .map(account -> Response.ok(account(account, fixtures, true)))
                        .orElseGet(() -> Response.notFound("Account " + s.get(5) + " not found"));
            }
            if (s.size() == 7 && s.get(4).equals("posts")) {
                return fixtures.post(s.get(5), s.get(6))
                        .map(post -> Response.ok(post(post)))
                        .orElseGet(() -> Response.notFound("Post " + s.get(5) + "/" + s.get(6) + " not found"));
            }
            return Response.notFound("Not found");
        }
        String type = repoType(s.get(1));
        if (type == null) {
            return Response.notFound("Not found");
        }
        if (s.size() == 2) {
            if (!type.equals("model")) {
                return Response.notFound("Not found");
            }
            requireGet(method);
            return listModels(query, fixtures);
        }
        if (s.size() < 4) {
            return Response.notFound("Not found");
        }
        Optional<HubFixtures.Repo> found = fixtures.repository(type, s.get(2), s.get(3));
        if (found.isEmpty()) {
            return Response.notFound("Repository " + s.get(2) + "/" + s.get(3) + " not found");
        }
        HubFixtures.Repo repo = found.get();
        if (s.size() == 4) {
            requireGet(method);
            return Response.ok(repoInfo(repo));
        }
        String what = s.get(4);
        if (what.equals("tree") && s.size() >= 6) {
            requireGet(method);
            String under = String.join("/", s.subList(6, s.size()));
            return tree(repo, s.get(5), under, query, exchange, fixtures);
        }
        if (what.equals("paths-info") && s.size() == 6) {
            if (!method.equals("POST")) {
                throw new MethodNotAllowed();
            }
            return pathsInfo(repo, s.get(5), body(exchange), exchange, fixtures);
        }
        if (what.equals("discussions") && s.size() == 6) {
            requireGet(method);
            int num;
            try {
                num = Integer.parseInt(s.get(5));
            } catch (NumberFormatException e) {
                return Response.notFound("Discussion " + s.get(5) + " not found");
            }
            return fixtures.discussion(repo, num)
                    .map(thread -> Response.ok(discussion(thread)))
                    .orElseGet(() -> Response.notFound("Discussion " + num + " not found"));
        }
        return Response.notFound("Not found");
    }

    private static String repoType(String plural) {
        return switch (plural) {
            case "models" -> "model";
            case "datasets" -> "dataset";
            case "spaces" -> "space";
            default -> null;
        };
    }

    private static void requireGet(String method) {
        if (!method.equals("GET")) {
            throw new MethodNotAllowed();
        }
    }

    private static final class MethodNotAllowed extends RuntimeException {
        MethodNotAllowed() {
            super(null, null, false, false);
        }
    }

    // --- shapes ---

    private static ObjectNode repoInfo(HubFixtures.Repo repo) {
        ObjectNode node = NODES.objectNode();
        node.put("_id", HubFixtures.gitId(repo.key()).substring(0, 24));
        node.put("id", repo.id());
        if (repo.type().equals("model")) {
            node.put("modelId", repo.id());
        }
        node.put("author", repo.namespace());
        node.put("sha", sha(repo));
        node.put("private", repo.isPrivate());
        node.set("gated", repo.gated());
        node.put("disabled", repo.disabled());
        node.put("createdAt", repo.createdAt().toString());
        node.put("lastModified", repo.lastModified().toString());
        ArrayNode tags = node.putArray("tags");
        for (HubFixtures.BaseModel base : repo.baseModels()) {
            // As the public hub does: the plain tag and the one naming the relation.
            tags.add("base_model:" + base.id());
            tags.add("base_model:" + base.relation() + ":" + base.id());
        }
        if (!repo.baseModels().isEmpty()) {
            ObjectNode cardData = node.putObject("cardData");
            if (repo.baseModels().size() == 1) {
                cardData.put("base_model", repo.baseModels().get(0).id());
            } else {
                ArrayNode bases = cardData.putArray("base_model");
                repo.baseModels().forEach(base -> bases.add(base.id()));
            }
        }
        return node;
    }

    private static String sha(HubFixtures.Repo repo) {
        return HubFixtures.gitId(repo.key() + "@" + repo.lastModified());
    }

    private Response tree(
            HubFixtures.Repo repo,
            String revision,
            String under,
            Map<String, List<String>> query,
            HttpExchange exchange,
            HubFixtures fixtures) {
        boolean recursive = flag(query, "recursive");
        boolean expand = flag(query, "expand");
        List<HubFixtures.HubFile> files = fixtures.files(repo, revision);
        String prefix = under.isEmpty() ? "" : under + "/";
        // Path to entry, folders derived from the files' paths, sorted as a listing.
        TreeMap<String, ObjectNode> entries = new TreeMap<>();
        for (HubFixtures.HubFile file : files) {
            if (!file.path().startsWith(prefix)) {
                continue;
            }
            String rest = file.path().substring(prefix.length());
            String[] parts = rest.split("/");
            for (int depth = 1; depth < parts.length; depth++) {
                if (!recursive && depth > 1) {
                    break;
                }
                String dir = prefix + String.join("/", java.util.Arrays.copyOfRange(parts, 0, depth));
                entries.computeIfAbsent(dir, HubApi::directory);
            }
            if (recursive || parts.length == 1) {
                entries.put(file.path(), fileEntry(repo, file, expand));
            }
        }
        if (!under.isEmpty() && entries.isEmpty()) {
            return Response.notFound("Path " + under + " not found in " + repo.id() + " at " + revision);
        }
        List<ObjectNode> all = new ArrayList<>(entries.values());
        int offset = 0;
        List<String> cursor = query.get("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            try {
                offset = Integer.parseInt(
                        new String(Base64.getUrlDecoder().decode(cursor.get(0)), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Response.badRequest("Invalid cursor");
            }
            if (offset < 0 || offset > all.size()) {
                return Response.badRequest("Invalid cursor");
            }
        }
        int end = Math.min(all.size(), offset + PAGE_SIZE);
        ArrayNode page = NODES.arrayNode();
        all.subList(offset, end).forEach(page::add);
        Map<String, String> headers = new LinkedHashMap<>();
        if (end < all.size()) {
            String next = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8));
            StringBuilder url = new StringBuilder(origin(exchange))
                    .append(exchange.getRequestURI().getRawPath())
                    .append('?');
            query.forEach((name, values) -> {
                if (!name.equals("cursor")) {
                    values.forEach(value -> url.append(encode(name))
                            .append('=')
                            .append(encode(value))
                            .append('&'));
                }
            });
            url.append("cursor=").append(next);
            headers.put("Link", "<" + url + ">; rel=\"next\"");
        }
        return new Response(200, page, headers);
    }

    private Response pathsInfo(
            HubFixtures.Repo repo, String revision, String body, HttpExchange exchange, HubFixtures fixtures) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        List<String> paths;
        boolean expand;
        if (contentType != null && contentType.startsWith("application/json")) {
            try {
                var node = HubFixtures.JSON.readTree(body);
                paths = new ArrayList<>();
                node.path("paths").forEach(path -> paths.add(path.asText()));
                expand = node.path("expand").asBoolean(false);
            } catch (JsonProcessingException e) {
                return Response.badRequest("Invalid JSON body");
            }
        } else {
            Map<String, List<String>> form = form(body);
            paths = form.getOrDefault("paths", List.of());
            expand = flag(form, "expand");
        }
        ArrayNode result = NODES.arrayNode();
        List<HubFixtures.HubFile> listed = fixtures.files(repo, revision);
        for (String path : paths) {
            Optional<HubFixtures.HubFile> file = fixtures.file(repo, revision, path);
            if (file.isPresent()) {
                result.add(fileEntry(repo, file.get(), expand));
            } else if (listed.stream().anyMatch(f -> f.path().startsWith(path + "/"))) {
                result.add(directory(path));
            }
        }
        return Response.ok(result);
    }

    private static ObjectNode fileEntry(HubFixtures.Repo repo, HubFixtures.HubFile file, boolean expand) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "file");
        node.put("oid", HubFixtures.gitId("blob " + file.sha256()));
        node.put("size", file.size());
        node.put("path", file.path());
        ObjectNode lfs = node.putObject("lfs");
        lfs.put("oid", file.sha256());
        lfs.put("size", file.size());
        lfs.put("pointerSize", 134);
        if (expand) {
            ObjectNode lastCommit = node.putObject("lastCommit");
            lastCommit.put("id", HubFixtures.gitId(repo.key() + ":" + file.path() + "@" + file.lastCommitDate()));
            lastCommit.put("title", "Upload " + file.path());
            lastCommit.put("date", file.lastCommitDate().toString());
        }
        return node;
    }

    private static ObjectNode directory(String path) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "directory");
        node.put("oid", HubFixtures.gitId("tree " + path));
        node.put("size", 0);
        node.put("path", path);
        return node;
    }

    private static ObjectNode discussion(HubFixtures.Thread thread) {
        ObjectNode node = NODES.objectNode();
        node.put("num", thread.num());
        node.put("title", thread.title());
        node.put("status", thread.status());
        node.put("isPullRequest", thread.pullRequest());
        node.put("createdAt", thread.createdAt().toString());
        node.putObject("author").put("name", thread.author());
        ArrayNode events = node.putArray("events");
        for (HubFixtures.Comment comment : thread.comments()) {
            ObjectNode event = events.addObject();
            event.put("id", comment.id());
            event.put("type", "comment");
            event.put("createdAt", comment.createdAt().toString());
            event.putObject("author").put("name", comment.author());
        }
        return node;
    }

    private static ObjectNode post(HubFixtures.Post post) {
        ObjectNode node = NODES.objectNode();
        node.put("id", post.id());
        node.put("author", post.author());
        node.put("publishedAt", post.publishedAt().toString());
        node.put("updatedAt", post.updatedAt().toString());
        ArrayNode comments = node.putArray("comments");
        for (HubFixtures.Comment comment : post.comments()) {
            comments.addObject()
                    .put("id", comment.id())
                    .put("author", comment.author())
                    .put("createdAt", comment.createdAt().toString());
        }
        return node;
    }

    private static ObjectNode account(HubFixtures.Account account, HubFixtures fixtures, boolean withAdmins) {
        ObjectNode node = NODES.objectNode();
        node.put("id", account.id());
        node.put("name", account.name());
        node.put("type", account.org() ? "org" : "user");
        node.put("createdAt", account.createdAt().toString());
        node.put("email", account.email());
        node.put("language", account.language());
        node.put("country", account.country());
        if (account.org() && withAdmins) {
            ArrayNode admins = node.putArray("admins");
            for (String admin : account.admins()) {
                fixtures.account(admin).ifPresent(found -> admins.add(account(found, fixtures, false)));
            }
        }
        return node;
    }

    private Response listModels(Map<String, List<String>> query, HubFixtures fixtures) {
        List<String> filters = query.getOrDefault("filter", List.of());
        if (filters.isEmpty()) {
            return Response.badRequest("filter=base_model:<namespace>/<name> is required");
        }
        int limit = Integer.MAX_VALUE;
        if (query.containsKey("limit")) {
            try {
                limit = Integer.parseInt(query.get("limit").get(0));
            } catch (NumberFormatException e) {
                return Response.badRequest("limit must be a number");
            }
        }
        ArrayNode result = NODES.arrayNode();
        for (String filter : filters) {
            if (!filter.startsWith("base_model:")) {
                return Response.badRequest("only filter=base_model:<namespace>/<name> is served here");
            }
            String baseId = filter.substring("base_model:".length());
            for (Map.Entry<HubFixtures.Repo, String> derivative : fixtures.derivatives(baseId)) {
                if (result.size() >= limit) {
                    break;
                }
                HubFixtures.Repo repo = derivative.getKey();
                ObjectNode summary = result.addObject();
                summary.put("_id", HubFixtures.gitId(repo.key()).substring(0, 24));
                summary.put("id", repo.id());
                summary.put("modelId", repo.id());
                summary.put("private", repo.isPrivate());
                summary.put("createdAt", repo.createdAt().toString());
                ArrayNode tags = summary.putArray("tags");
                for (HubFixtures.BaseModel base : repo.baseModels()) {
                    tags.add("base_model:" + base.id());
                    tags.add("base_model:" + base.relation() + ":" + base.id());
                }
            }
        }
        return Response.ok(result);
    }

    // --- the stand-in's own endpoints ---

    private Response admin(String method, List<String> s, HttpExchange exchange) throws IOException {
        String what = s.size() == 2 ? s.get(1) : "";
        switch (what) {
            case "merge" -> {
                if (!method.equals("POST")) {
                    throw new MethodNotAllowed();
                }
                try {
                    standIn.merge(body(exchange));
                } catch (IllegalArgumentException e) {
                    return Response.badRequest(e.getMessage());
                }
                return new Response(204, null, Map.of());
            }
            case "requests" -> {
                if (method.equals("DELETE")) {
                    standIn.clearRequests();
                    return new Response(204, null, Map.of());
                }
                requireGet(method);
                ArrayNode list = NODES.arrayNode();
                standIn.requests().forEach(list::add);
                return Response.ok(list);
            }
            case "fixtures" -> {
                requireGet(method);
                return Response.ok(HubFixtures.JSON.readTree(standIn.fixtures().json()));
            }
            default -> {
                return Response.notFound("stand-in endpoints: /_standin/merge, /_standin/requests, /_standin/fixtures");
            }
        }
    }

    // --- plumbing ---

    private static void send(HttpExchange exchange, Response response) throws IOException {
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.body() == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] bytes = HubFixtures.JSON.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, new Response(status, Response.error(message), Map.of()));
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IllegalArgumentException("body larger than " + MAX_BODY + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String origin(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) {
            host = exchange.getLocalAddress().getHostString() + ":"
                    + exchange.getLocalAddress().getPort();
        }
        return "http://" + host;
    }

    /** Path segments, each percent-decoded on its own so that an encoded revision ({@code refs%2Fpr%2F1}) stays one. */
    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(decode(segment.replace("+", "%2B")));
            }
        }
        return segments;
    }

    /** A query string or form body as name to values, each percent-decoded ({@code +} is a space). */
    static Map<String, List<String>> form(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static boolean flag(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list != null && !list.isEmpty() && (list.get(0).isEmpty() || Boolean.parseBoolean(list.get(0)));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

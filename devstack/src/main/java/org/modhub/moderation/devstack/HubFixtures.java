package org.modhub.moderation.devstack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the hub stand-in knows: the fixtures file parsed and checked, plus the open-namespace rules
 * that make everything under an unlisted namespace exist. Immutable; a merge or a reload builds a
 * new one. Every error names the entry that is wrong ({@code repositories[2].files[0].sha256}), so
 * a developer editing the file sees what to fix.
 */
final class HubFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    /** When synthetic things were created and last changed. */
    static final Instant SYNTHETIC_CREATED = Instant.parse("2026-01-01T00:00:00Z");

    static final Instant SYNTHETIC_MODIFIED = Instant.parse("2026-02-01T00:00:00Z");

    static final Set<String> REPO_TYPES = Set.of("model", "dataset", "space");
    static final Set<String> RELATIONS = Set.of("finetune", "adapter", "quantized", "merge");

    private static final Pattern HUB_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    record Open(boolean enabled, List<String> except) {}

    record Account(
            String id,
            String name,
            boolean org,
            Instant createdAt,
            String email,
            String language,
            String country,
            boolean closed,
            List<String> admins,
            boolean synthetic) {}

    record HubFile(String path, long size, String sha256, Instant lastCommitDate) {}

    record BaseModel(String id, String relation) {}

    record Comment(String id, String author, Instant createdAt) {}

    record Thread(
            int num,
            boolean pullRequest,
            String title,
            String status,
            String author,
            Instant createdAt,
            List<Comment> comments) {}

    record Repo(
            String type,
            String namespace,
            String name,
            boolean isPrivate,
            JsonNode gated,
            boolean disabled,
            Instant createdAt,
            Instant lastModified,
            List<HubFile> files,
            List<BaseModel> baseModels,
            Map<Integer, Thread> discussions,
            boolean synthetic) {

        String id() {
            return namespace + "/" + name;
        }

        /** The subject key prefix of this repository, {@code model:acme/x}. */
        String key() {
            return type + ":" + id();
        }
    }

    record Post(String author, String id, Instant publishedAt, Instant updatedAt, List<Comment> comments) {}

    private final ObjectNode document;
    private final String mailDomain;
    private final Open open;
    private final Map<String, Account> accounts;
    private final Map<String, Repo> repositories;
    private final Map<String, Post> posts;

    private HubFixtures(ObjectNode document, String mailDomain) {
        this.document = document;
        this.mailDomain = mailDomain;
        this.open = parseOpen(document.get("open"));
        this.accounts = new LinkedHashMap<>();
        this.repositories = new LinkedHashMap<>();
        this.posts = new LinkedHashMap<>();
        JsonNode accountNodes = array(document, "accounts", "");
        for (int i = 0; i < accountNodes.size(); i++) {
            Account account = parseAccount(accountNodes.get(i), "accounts[" + i + "]");
            accounts.put(account.name(), account);
        }
        JsonNode repoNodes = array(document, "repositories", "");
        for (int i = 0; i < repoNodes.size(); i++) {
            Repo repo = parseRepo(repoNodes.get(i), "repositories[" + i + "]");
            repositories.put(repo.key(), repo);
        }
        JsonNode postNodes = array(document, "posts", "");
        for (int i = 0; i < postNodes.size(); i++) {
            Post post = parsePost(postNodes.get(i), "posts[" + i + "]");
            posts.put(post.author() + "/" + post.id(), post);
        }
    }

    /** Parses and checks a fixtures document; {@link IllegalArgumentException} names what is wrong. */
    static HubFixtures parse(String json, String mailDomain) {
        return new HubFixtures(objectOf(json, "fixtures"), mailDomain);
    }

    /** Nothing known, open namespaces off. */
    static HubFixtures empty(String mailDomain) {
        return new HubFixtures(JsonNodeFactory.instance.objectNode(), mailDomain);
    }

    /**
     * These fixtures with {@code overlayJson} merged in: an account replaces the one of its name, a
     * repository the one of its type and id, a post the one of its author and id; {@code open}
     * replaces {@code open}. Everything else stays.
     */
    HubFixtures merge(String overlayJson) {
        ObjectNode overlay = objectOf(overlayJson, "merged fixtures");
        ObjectNode merged = document.deepCopy();
        overlay.fieldNames().forEachRemaining(field -> {
            if (!Set.of("open", "accounts", "repositories", "posts").contains(field)) {
                throw new IllegalArgumentException(
                        "unknown member '" + field + "'; fixtures have open, accounts, repositories and posts");
            }
        });
        if (overlay.has("open")) {
            merged.set("open", overlay.get("open"));
        }
        upsert(merged, overlay, "accounts", node -> node.path("name").asText());
        upsert(
                merged,
                overlay,
                "repositories",
                node -> node.path("type").asText("model") + ":"
                        + node.path("id").asText());
        upsert(
                merged,
                overlay,
                "posts",
                node -> node.path("author").asText() + "/" + node.path("id").asText());
        return new HubFixtures(merged, mailDomain);
    }

    String json() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String summary() {
        return accounts.size() + " accounts, " + repositories.size() + " repositories, " + posts.size()
                + " posts, open namespaces " + (open.enabled() ? "on (except " + open.except() + ")" : "off");
    }

    // --- lookups, open-namespace rules included ---

    /** A listed account, or a synthetic one for an open namespace. */
    Optional<Account> account(String name) {
        if (!validName(name, 64)) {
            return Optional.empty();
        }
        Account listed = accounts.get(name);
        if (listed != null) {
            return Optional.of(listed);
        }
        if (open.enabled() && !excepted(name)) {
            return Optional.of(new Account(
                    name, name, false, SYNTHETIC_CREATED, name + "@" + mailDomain, null, null, false, List.of(), true));
        }
        return Optional.empty();
    }

    /** Whether unlisted things under this namespace exist: open and not excepted, or a listed account not closed. */
    boolean synthesizes(String namespace) {
        if (!open.enabled() || !validName(namespace, 64)) {
            return false;
        }
        Account listed = accounts.get(namespace);
        return listed != null ? !listed.closed() : !excepted(namespace);
    }

    Optional<Repo> repository(String type, String namespace, String name) {
        Repo listed = repositories.get(type + ":" + namespace + "/" + name);
        if (listed != null) {
            return Optional.of(listed);
        }
        if (REPO_TYPES.contains(type) && validName(name, 96) && synthesizes(namespace)) {
            return Optional.of(new Repo(
                    type,
                    namespace,
                    name,
                    false,
                    JsonNodeFactory.instance.booleanNode(false),
                    false,
                    SYNTHETIC_CREATED,
                    SYNTHETIC_MODIFIED,
                    syntheticFiles(type, namespace + "/" + name),
                    List.of(),
                    Map.of(),
                    true));
        }
        return Optional.empty();
    }

    /** The files of a repository at a revision: the listed ones, or a synthetic repository's usual few. */
    List<HubFile> files(Repo repo, String revision) {
        if (!repo.synthetic()) {
            return repo.files();
        }
        List<HubFile> files = new ArrayList<>();
        for (HubFile file : repo.files()) {
            files.add(syntheticFile(repo, revision, file.path()));
        }
        return files;
    }

    /** A listed file, or for a repository whose namespace synthesizes, a synthetic one. */
    Optional<HubFile> file(Repo repo, String revision, String path) {
        if (!repo.synthetic()) {
            for (HubFile file : repo.files()) {
                if (file.path().equals(path)) {
                    return Optional.of(file);
                }
            }
        }
        if (synthesizes(repo.namespace()) && validPath(path)) {
            return Optional.of(syntheticFile(repo, revision, path));
        }
        return Optional.empty();
    }

    Optional<Thread> discussion(Repo repo, int num) {
        Thread listed = repo.discussions().get(num);
        if (listed != null) {
            return Optional.of(listed);
        }
        if (num >= 1 && synthesizes(repo.namespace())) {
            // The public API names a comment only inside its thread, so a synthetic thread carries one
            // comment, c-1, that tests can name; others are merged as fixtures.
            return Optional.of(new Thread(
                    num,
                    false,
                    "Discussion #" + num,
                    "open",
                    repo.namespace(),
                    SYNTHETIC_CREATED,
                    List.of(new Comment("c-1", repo.namespace(), SYNTHETIC_CREATED))));
        }
        return Optional.empty();
    }

    Optional<Post> post(String author, String id) {
        Post listed = posts.get(author + "/" + id);
        if (listed != null) {
            return Optional.of(listed);
        }
        if (ID.matcher(id).matches() && synthesizes(author)) {
            return Optional.of(new Post(
                    author,
                    id,
                    SYNTHETIC_CREATED,
                    SYNTHETIC_MODIFIED,
                    List.of(new Comment("c-1", author, SYNTHETIC_CREATED))));
        }
        return Optional.empty();
    }

    /** Listed models naming {@code baseId} as a base model, with the relation each names. */
    List<Map.Entry<Repo, String>> derivatives(String baseId) {
        List<Map.Entry<Repo, String>> result = new ArrayList<>();
        for (Repo repo : repositories.values()) {
            if (!repo.type().equals("model")) {
                continue;
            }
            for (BaseModel base : repo.baseModels()) {
                if (base.id().equals(baseId)) {
                    result.add(Map.entry(repo, base.relation()));
                }
            }
        }
        return result;
    }

    private HubFile syntheticFile(Repo repo, String revision, String path) {
        String key = "file:" + repo.key() + "@" + revision + ":" + path;
        return new HubFile(path, 1024, sha256Hex(key), SYNTHETIC_MODIFIED);
    }

    /** Placeholders: a synthetic repository's tree holds these paths, hashed per revision. */
    private static List<HubFile> syntheticFiles(String type, String id) {
        List<String> paths = switch (type) {
            case "model" -> List.of("README.md", "config.json", "model.safetensors");
            case "dataset" -> List.of("README.md", "data/train.parquet");
            default -> List.of("README.md", "app.py");
        };
        return paths.stream()
                .map(path -> new HubFile(path, 1024, "", SYNTHETIC_MODIFIED))
                .toList();
    }

    private boolean excepted(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String pattern : open.except()) {
            String p = pattern.toLowerCase(Locale.ROOT);
            if (p.endsWith("*") ? lower.startsWith(p.substring(0, p.length() - 1)) : lower.equals(p)) {
                return true;
            }
        }
        return false;
    }

    static boolean validName(String name, int maxLength) {
        return name != null
                && name.length() <= maxLength
                && HUB_NAME.matcher(name).matches()
                && !name.contains("..")
                && !name.contains("--");
    }

    static boolean validPath(String path) {
        if (path == null || path.isEmpty() || path.length() > 1024 || path.startsWith("/") || path.contains("\\")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(digest("SHA-256", text));
    }

    /** A 40-hex id (git object ids are SHA-1) derived from {@code text}. */
    static String gitId(String text) {
        return HexFormat.of().formatHex(digest("SHA-1", text));
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- parsing ---

    private static Open parseOpen(JsonNode node) {
        if (node == null || node.isNull()) {
            return new Open(false, List.of());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("open must be an object {\"enabled\": true, \"except\": [...]}");
        }
        List<String> except = new ArrayList<>();
        JsonNode list = array(node, "except", "open.");
        for (int i = 0; i < list.size(); i++) {
            except.add(text(list.get(i), "open.except[" + i + "]"));
        }
        return new Open(bool(node, "enabled", "open", false), List.copyOf(except));
    }

    private Account parseAccount(JsonNode node, String at) {
        requireObject(node, at);
        String name = requiredName(node, "name", at, 64);
        String type = optionalText(node, "type", at).orElse("user");
        if (!type.equals("user") && !type.equals("org")) {
            throw new IllegalArgumentException(at + ".type must be \"user\" or \"org\", not \"" + type + "\"");
        }
        List<String> admins = new ArrayList<>();
        JsonNode adminNodes = array(node, "admins", at + ".");
        for (int i = 0; i < adminNodes.size(); i++) {
            admins.add(text(adminNodes.get(i), at + ".admins[" + i + "]"));
        }
        if (!admins.isEmpty() && type.equals("user")) {
            throw new IllegalArgumentException(at + ".admins: only an org has admins");
        }
        String country = optionalText(node, "country", at).orElse(null);
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException(
                    at + ".country must be ISO 3166-1 alpha-2 like \"DE\", not \"" + country + "\"");
        }
        return new Account(
                optionalText(node, "id", at).orElse(name),
                name,
                type.equals("org"),
                instant(node, "createdAt", at, SYNTHETIC_CREATED),
                optionalText(node, "email", at).orElse(null),
                optionalText(node, "language", at).orElse(null),
                country,
                bool(node, "closed", at, false),
                List.copyOf(admins),
                false);
    }

    private Repo parseRepo(JsonNode node, String at) {
        requireObject(node, at);
        String type = optionalText(node, "type", at).orElse("model");
        if (!REPO_TYPES.contains(type)) {
            throw new IllegalArgumentException(at + ".type must be model, dataset or space, not \"" + type + "\"");
        }
        String id = optionalText(node, "id", at)
                .orElseThrow(() -> new IllegalArgumentException(at + ".id is required (\"namespace/name\")"));
        String[] parts = id.split("/", -1);
        if (parts.length != 2 || !validName(parts[0], 64) || !validName(parts[1], 96)) {
            throw new IllegalArgumentException(at + ".id must be \"namespace/name\" of hub names, not \"" + id + "\"");
        }
        JsonNode gated = node.path("gated");
        if (gated.isMissingNode() || gated.isNull()) {
            gated = JsonNodeFactory.instance.booleanNode(false);
        } else if (!gated.isBoolean()
                && !(gated.isTextual() && Set.of("auto", "manual").contains(gated.asText()))) {
            throw new IllegalArgumentException(at + ".gated must be false, \"auto\" or \"manual\"");
        }
        Instant createdAt = instant(node, "createdAt", at, SYNTHETIC_CREATED);
        Instant lastModified = instant(node, "lastModified", at, createdAt);
        List<HubFile> files = new ArrayList<>();
        JsonNode fileNodes = array(node, "files", at + ".");
        for (int i = 0; i < fileNodes.size(); i++) {
            String fileAt = at + ".files[" + i + "]";
            JsonNode file = fileNodes.get(i);
            requireObject(file, fileAt);
            String path = optionalText(file, "path", fileAt)
                    .orElseThrow(() -> new IllegalArgumentException(fileAt + ".path is required"));
            if (!validPath(path)) {
                throw new IllegalArgumentException(
                        fileAt + ".path \"" + path + "\" must be a relative path without empty, '.' or '..' segments");
            }
            String sha256 = optionalText(file, "sha256", fileAt)
                    .orElseGet(() -> sha256Hex("file:" + type + ":" + id + "@main:" + path));
            if (!SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException(fileAt + ".sha256 must be 64 lower-case hex digits");
            }
            long size = file.path("size").asLong(0);
            if (size < 0) {
                throw new IllegalArgumentException(fileAt + ".size must not be negative");
            }
            files.add(new HubFile(path, size, sha256, instant(file, "lastCommitDate", fileAt, lastModified)));
        }
        List<BaseModel> baseModels = new ArrayList<>();
        JsonNode baseNodes = array(node, "baseModels", at + ".");
        for (int i = 0; i < baseNodes.size(); i++) {
            String baseAt = at + ".baseModels[" + i + "]";
            JsonNode base = baseNodes.get(i);
            requireObject(base, baseAt);
            String baseId = optionalText(base, "id", baseAt)
                    .orElseThrow(() -> new IllegalArgumentException(baseAt + ".id is required"));
            String relation = optionalText(base, "relation", baseAt).orElse("finetune");
            if (!RELATIONS.contains(relation)) {
                throw new IllegalArgumentException(
                        baseAt + ".relation must be finetune, adapter, quantized or merge, not \"" + relation + "\"");
            }
            baseModels.add(new BaseModel(baseId, relation));
        }
        Map<Integer, Thread> discussions = new LinkedHashMap<>();
        JsonNode threadNodes = array(node, "discussions", at + ".");
        for (int i = 0; i < threadNodes.size(); i++) {
            String threadAt = at + ".discussions[" + i + "]";
            JsonNode thread = threadNodes.get(i);
            requireObject(thread, threadAt);
            int num = thread.path("num").asInt(0);
            if (num < 1) {
                throw new IllegalArgumentException(threadAt + ".num must be a number from 1");
            }
            boolean pullRequest = bool(thread, "isPullRequest", threadAt, false);
            discussions.put(
                    num,
                    new Thread(
                            num,
                            pullRequest,
                            optionalText(thread, "title", threadAt)
                                    .orElse((pullRequest ? "Pull request #" : "Discussion #") + num),
                            optionalText(thread, "status", threadAt).orElse("open"),
                            optionalText(thread, "author", threadAt).orElse(parts[0]),
                            instant(thread, "createdAt", threadAt, createdAt),
                            comments(thread, threadAt, parts[0], createdAt)));
        }
        return new Repo(
                type,
                parts[0],
                parts[1],
                bool(node, "private", at, false),
                gated,
                bool(node, "disabled", at, false),
                createdAt,
                lastModified,
                List.copyOf(files),
                List.copyOf(baseModels),
                Map.copyOf(discussions),
                false);
    }

    private Post parsePost(JsonNode node, String at) {
        requireObject(node, at);
        String author = requiredName(node, "author", at, 64);
        String id = optionalText(node, "id", at)
                .filter(value -> ID.matcher(value).matches())
                .orElseThrow(
                        () -> new IllegalArgumentException(at + ".id is required: 1-64 letters, digits, '-' and '_'"));
        Instant publishedAt = instant(node, "publishedAt", at, SYNTHETIC_CREATED);
        return new Post(
                author,
                id,
                publishedAt,
                instant(node, "updatedAt", at, publishedAt),
                comments(node, at, author, publishedAt));
    }

    private static List<Comment> comments(JsonNode node, String at, String defaultAuthor, Instant defaultDate) {
        List<Comment> comments = new ArrayList<>();
        JsonNode commentNodes = array(node, "comments", at + ".");
        for (int i = 0; i < commentNodes.size(); i++) {
            String commentAt = at + ".comments[" + i + "]";
            JsonNode comment = commentNodes.get(i);
            requireObject(comment, commentAt);
            String id = optionalText(comment, "id", commentAt)
                    .filter(value -> ID.matcher(value).matches())
                    .orElseThrow(() -> new IllegalArgumentException(
                            commentAt + ".id is required: 1-64 letters, digits, '-' and '_'"));
            comments.add(new Comment(
                    id,
                    optionalText(comment, "author", commentAt).orElse(defaultAuthor),
                    instant(comment, "createdAt", commentAt, defaultDate)));
        }
        return List.copyOf(comments);
    }

    private static void upsert(
            ObjectNode merged, ObjectNode overlay, String field, java.util.function.Function<JsonNode, String> key) {
        if (!overlay.has(field)) {
            return;
        }
        if (!overlay.get(field).isArray()) {
            throw new IllegalArgumentException(field + " must be an array");
        }
        ArrayNode target = merged.has(field) && merged.get(field).isArray()
                ? (ArrayNode) merged.get(field)
                : merged.putArray(field);
        for (JsonNode entry : overlay.get(field)) {
            String entryKey = key.apply(entry);
            boolean replaced = false;
            for (int i = 0; i < target.size(); i++) {
                if (key.apply(target.get(i)).equals(entryKey)) {
                    target.set(i, entry);
                    replaced = true;
                    break;
                }
            }
            if (!replaced) {
                target.add(entry);
            }
        }
    }

    private static ObjectNode objectOf(String json, String what) {
        JsonNode node;
        try {
            node = JSON.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " are not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static JsonNode array(JsonNode node, String field, String prefix) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(prefix + field + " must be an array");
        }
        return value;
    }

    private static void requireObject(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(at + " must be an object");
        }
    }

    private static String text(JsonNode node, String at) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException(at + " must be a non-empty string");
        }
        return node.asText();
    }

    private static Optional<String> optionalText(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(text(value, at + "." + field));
    }

    private static String requiredName(JsonNode node, String field, String at, int maxLength) {
        String value = optionalText(node, field, at)
                .orElseThrow(() -> new IllegalArgumentException(at + "." + field + " is required"));
        if (!validName(value, maxLength)) {
            throw new IllegalArgumentException(at + "." + field + " \"" + value
                    + "\" is not a hub name (letters, digits, '-', '_', '.'; at most " + maxLength + ")");
        }
        return value;
    }

    private static boolean bool(JsonNode node, String field, String at, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(at + "." + field + " must be true or false");
        }
        return value.asBoolean();
    }

    private static Instant instant(JsonNode node, String field, String at, Instant fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        try {
            return Instant.parse(text(value, at + "." + field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    at + "." + field + " must be an instant like 2025-03-01T00:00:00Z, not \"" + value.asText() + "\"");
        }
    }
}

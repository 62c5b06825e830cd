package org.modhub.moderation.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The hub stand-in as the adapter meets it: the contract's shapes, the open-namespace rules, paging,
 * the token, and what tests do to it (merge, stop, start, the request log, editing the file).
 */
class HubStandInTest {

    private static final String TOKEN = "test-token-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CONTRACT = Path.of("../service-kit/hub-api/openapi.yaml");

    private static HubStandIn hub;
    private static JsonNode schemas;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        hub = HubStandIn.startEmbedded(0, null, TOKEN, "hub.localhost");
        schemas = new ObjectMapper(new YAMLFactory())
                .readTree(CONTRACT.toFile())
                .path("components")
                .path("schemas");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    // --- the contract's shapes ---

    @Test
    void everyEndpointAnswersWithTheFieldsTheContractRequires() throws Exception {
        conforms(getJson("/api/models/acme/atlas-7b"), "RepoInfo");
        conforms(getJson("/api/datasets/acme/web-corpus-de"), "RepoInfo");
        conforms(getJson("/api/spaces/alice/atlas-chat"), "RepoInfo");
        conforms(getJson("/api/models/fresh-" + unique() + "/anything"), "RepoInfo");
        for (JsonNode entry : getJson("/api/datasets/acme/web-corpus-de/tree/main?recursive=true")) {
            conforms(entry, "TreeEntry");
        }
        for (JsonNode entry : pathsInfo("/api/models/acme/atlas-7b/paths-info/main", "paths=config.json&expand=true")) {
            conforms(entry, "TreeEntry");
        }
        conforms(getJson("/api/spaces/alice/atlas-chat/discussions/2"), "Discussion");
        for (JsonNode summary : getJson("/api/models?filter=base_model:acme/atlas-7b")) {
            conforms(summary, "ModelSummary");
        }
        conforms(getJson("/api/internal/moderation/v1/accounts/alice"), "Account");
        conforms(getJson("/api/internal/moderation/v1/accounts/acme"), "Account");
        conforms(getJson("/api/internal/moderation/v1/accounts/dave"), "Account");
        conforms(getJson("/api/internal/moderation/v1/posts/alice/p-atlas-instruct"), "Post");
    }

    @Test
    void aRepositoryShowsItsVisibilityDatesAndBaseModels() throws Exception {
        JsonNode base = getJson("/api/models/acme/atlas-7b");
        assertThat(base.path("id").asText()).isEqualTo("acme/atlas-7b");
        assertThat(base.path("author").asText()).isEqualTo("acme");
        assertThat(base.path("gated").asText()).isEqualTo("manual");
        assertThat(base.path("private").asBoolean()).isFalse();
        assertThat(base.path("createdAt").asText()).isEqualTo("2024-06-10T12:00:00Z");

        assertThat(getJson("/api/models/acme/atlas-eval-internal")
                        .path("private")
                        .asBoolean())
                .isTrue();

        JsonNode merge = getJson("/api/models/dave/atlas-7b-slerp");
        assertThat(texts(merge.path("tags")))
                .contains("base_model:merge:acme/atlas-7b", "base_model:merge:alice/atlas-7b-instruct");
        assertThat(texts(merge.path("cardData").path("base_model")))
                .containsExactly("acme/atlas-7b", "alice/atlas-7b-instruct");
    }

    @Test
    void theModelTreeListsDirectDerivativesWithTheirRelation() throws Exception {
        JsonNode children = getJson("/api/models?filter=" + "base_model:acme/atlas-7b");
        assertThat(relations(children, "acme/atlas-7b"))
                .containsEntry("alice/atlas-7b-instruct", "finetune")
                .containsEntry("bruce/atlas-7b-lora-de", "adapter")
                .containsEntry("dave/atlas-7b-slerp", "merge")
                .doesNotContainKey("carol/atlas-7b-instruct-gguf");
        // Two levels deep: the quantized model derives from the finetune.
        JsonNode grandchildren = getJson("/api/models?filter=base_model:alice/atlas-7b-instruct");
        assertThat(relations(grandchildren, "alice/atlas-7b-instruct"))
                .containsEntry("carol/atlas-7b-instruct-gguf", "quantized")
                .containsEntry("dave/atlas-7b-slerp", "merge")
                .hasSize(2);
        assertThat(getJson("/api/models?filter=base_model:nobody/x")).isEmpty();
        assertThat(getJson("/api/models?filter=base_model:acme/atlas-7b&limit=1"))
                .hasSize(1);
    }

    @Test
    void anOrganisationNamesItsAdminsAsFullAccounts() throws Exception {
        JsonNode acme = getJson("/api/internal/moderation/v1/accounts/acme");
        assertThat(acme.path("type").asText()).isEqualTo("org");
        assertThat(acme.path("id").asText()).isEqualTo("o-acme");
        JsonNode admins = acme.path("admins");
        assertThat(admins).hasSize(2);
        assertThat(admins.get(0).path("name").asText()).isEqualTo("alice");
        assertThat(admins.get(0).path("id").asText()).isEqualTo("u-alice");
        assertThat(admins.get(0).path("country").asText()).isEqualTo("DE");
        assertThat(admins.get(0).path("language").asText()).isEqualTo("de");
        assertThat(admins.get(0).has("admins")).isFalse();
        assertThat(admins.get(1).path("email").asText()).isEqualTo("carol@hub.localhost");

        JsonNode dave = getJson("/api/internal/moderation/v1/accounts/dave");
        assertThat(dave.path("language").isNull()).isTrue();
        assertThat(dave.path("country").isNull()).isTrue();
    }

    @Test
    void aDiscussionAndAPullRequestCarryTheirCommentsAndAuthors() throws Exception {
        JsonNode discussion = getJson("/api/spaces/alice/atlas-chat/discussions/1");
        assertThat(discussion.path("isPullRequest").asBoolean()).isFalse();
        assertThat(discussion.path("author").path("name").asText()).isEqualTo("carol");
        JsonNode pullRequest = getJson("/api/spaces/alice/atlas-chat/discussions/2");
        assertThat(pullRequest.path("isPullRequest").asBoolean()).isTrue();
        assertThat(pullRequest.path("events").findValuesAsText("id")).containsExactly("c-2f01", "c-2f02");
        assertThat(pullRequest.path("events").get(1).path("author").path("name").asText())
                .isEqualTo("dave");
        assertThat(pullRequest.path("events").get(1).path("type").asText()).isEqualTo("comment");

        JsonNode post = getJson("/api/internal/moderation/v1/posts/alice/p-atlas-instruct");
        assertThat(post.path("publishedAt").asText()).isEqualTo("2024-09-16T07:00:00Z");
        assertThat(post.path("comments").get(0).path("author").asText()).isEqualTo("bruce");
    }

    @Test
    void filesCarryTheirSha256AndPathsInfoLeavesMissingPathsOut() throws Exception {
        JsonNode entries = pathsInfo(
                "/api/models/mallory/atlas-7b-uncensored/paths-info/main",
                "paths=model.safetensors&paths=not-there.bin&expand=true");
        assertThat(entries).hasSize(1);
        JsonNode file = entries.get(0);
        assertThat(file.path("lfs").path("oid").asText()).matches("[0-9a-f]{64}");
        assertThat(file.path("size").asLong()).isEqualTo(7476151296L);
        assertThat(file.path("lastCommit").path("date").asText()).isEqualTo("2024-03-01T00:00:00Z");

        JsonNode withoutExpand =
                pathsInfo("/api/models/mallory/atlas-7b-uncensored/paths-info/main", "paths=model.safetensors");
        assertThat(withoutExpand.get(0).has("lastCommit")).isFalse();
    }

    // --- open namespaces ---

    @Test
    void anUnlistedNamespaceIsASyntheticUserWithEverythingUnderIt() throws Exception {
        String ns = "own" + unique();
        JsonNode account = getJson("/api/internal/moderation/v1/accounts/" + ns);
        assertThat(account.path("id").asText()).isEqualTo(ns);
        assertThat(account.path("type").asText()).isEqualTo("user");
        assertThat(account.path("email").asText()).isEqualTo(ns + "@hub.localhost");
        assertThat(account.path("language").isNull()).isTrue();
        assertThat(account.path("country").isNull()).isTrue();
        assertThat(account.path("createdAt").asText()).isEqualTo("2026-01-01T00:00:00Z");

        JsonNode repo = getJson("/api/datasets/" + ns + "/corpus");
        assertThat(repo.path("author").asText()).isEqualTo(ns);
        assertThat(repo.path("private").asBoolean()).isFalse();
        assertThat(repo.path("createdAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(repo.path("lastModified").asText()).isEqualTo("2026-02-01T00:00:00Z");

        JsonNode thread = getJson("/api/models/" + ns + "/m/discussions/12");
        assertThat(thread.path("num").asInt()).isEqualTo(12);
        assertThat(thread.path("author").path("name").asText()).isEqualTo(ns);
        assertThat(getJson("/api/internal/moderation/v1/posts/" + ns + "/p-1")
                        .path("author")
                        .asText())
                .isEqualTo(ns);

        // A file's sha256 is that of its subject key, so a test can compute it.
        JsonNode file = pathsInfo("/api/models/" + ns + "/m/paths-info/v1.0", "paths=weights/model.bin");
        assertThat(file.get(0).path("lfs").path("oid").asText())
                .isEqualTo(HubFixtures.sha256Hex("file:model:" + ns + "/m@v1.0:weights/model.bin"));
        assertThat(getJson("/api/models/" + ns + "/m/tree/main?recursive=true").findValuesAsText("path"))
                .contains("README.md", "model.safetensors");
    }

    @Test
    void exceptedNamespacesDoNotExist() throws Exception {
        for (String ns : List.of("nobody", "unknown-" + unique(), "missing-" + unique(), "Unknown-X")) {
            assertThat(get("/api/internal/moderation/v1/accounts/" + ns).statusCode())
                    .as(ns)
                    .isEqualTo(404);
            assertThat(get("/api/models/" + ns + "/x").statusCode()).as(ns).isEqualTo(404);
            assertThat(get("/api/models/" + ns + "/x/discussions/1").statusCode())
                    .as(ns)
                    .isEqualTo(404);
            assertThat(get("/api/internal/moderation/v1/posts/" + ns + "/p-1").statusCode())
                    .as(ns)
                    .isEqualTo(404);
        }
        // Only a trailing * is a prefix: "nobodyelse" is open.
        assertThat(get("/api/internal/moderation/v1/accounts/nobodyelse").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aClosedAccountHasOnlyItsListedRepositories() throws Exception {
        JsonNode mallory = getJson("/api/internal/moderation/v1/accounts/mallory");
        assertThat(mallory.path("id").asText()).isEqualTo("u-mallory");
        assertThat(get("/api/models/mallory/atlas-7b-uncensored").statusCode()).isEqualTo(200);
        assertThat(get("/api/models/mallory/other").statusCode()).isEqualTo(404);
        assertThat(get("/api/models/mallory/atlas-7b-uncensored/discussions/1").statusCode())
                .isEqualTo(404);
        assertThat(get("/api/internal/moderation/v1/posts/mallory/p-1").statusCode())
                .isEqualTo(404);
        // A listed account that is not closed still has synthetic repositories, and listed entries win.
        assertThat(getJson("/api/models/alice/unlisted").path("author").asText())
                .isEqualTo("alice");
        assertThat(getJson("/api/models/alice/atlas-7b-instruct")
                        .path("createdAt")
                        .asText())
                .isEqualTo("2024-09-15T18:20:00Z");
    }

    @Test
    void unknownThingsAre404() throws Exception {
        assertThat(get("/api/models/acme").statusCode()).isEqualTo(404);
        assertThat(get("/api/widgets/acme/x").statusCode()).isEqualTo(404);
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
        assertThat(get("/api/models/bad..name/x").statusCode()).isEqualTo(404);
        assertThat(get("/api/models/acme/atlas-7b/discussions/notanumber").statusCode())
                .isEqualTo(404);
    }

    // --- paging ---

    @Test
    void aLongTreeIsPagedWithLinkHeadersOnTheSameHost() throws Exception {
        String ns = "paged" + unique();
        StringBuilder files = new StringBuilder();
        for (int i = 0; i < 230; i++) {
            files.append(i == 0 ? "" : ",")
                    .append("{\"path\":\"shards/part-%03d.bin\",\"size\":%d}".formatted(i, i + 1));
        }
        hub.merge("{\"repositories\":[{\"type\":\"model\",\"id\":\"" + ns + "/big\",\"files\":[" + files + "]}]}");

        List<String> paths = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String url = hub.url() + "/api/models/" + ns + "/big/tree/main?recursive=true";
        while (url != null) {
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + TOKEN)
                    .build());
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode entries = JSON.readTree(page.body());
            pageSizes.add(entries.size());
            entries.forEach(entry -> paths.add(entry.path("path").asText()));
            url = page.headers().firstValue("Link").map(HubStandInTest::next).orElse(null);
            if (url != null) {
                assertThat(URI.create(url).getAuthority())
                        .isEqualTo(URI.create(hub.url()).getAuthority());
            }
        }
        // 230 files and their folder "shards".
        assertThat(pageSizes).containsExactly(100, 100, 31);
        assertThat(new HashSet<>(paths)).hasSize(231).contains("shards", "shards/part-229.bin");

        // Without recursive only the top level shows: the folder.
        assertThat(getJson("/api/models/" + ns + "/big/tree/main").findValuesAsText("type"))
                .containsExactly("directory");
    }

    @Test
    void anEncodedRevisionIsOneSegment() throws Exception {
        JsonNode entries = pathsInfo("/api/datasets/acme/web-corpus-de/paths-info/refs%2Fpr%2F1", "paths=README.md");
        assertThat(entries).hasSize(1);
        assertThat(get("/api/datasets/acme/web-corpus-de/tree/refs%2Fpr%2F1").statusCode())
                .isEqualTo(200);
    }

    // --- the token ---

    @Test
    void everyRequestNeedsTheToken() throws Exception {
        for (String path : List.of(
                "/api/models/acme/atlas-7b",
                "/api/internal/moderation/v1/accounts/alice",
                "/_standin/requests",
                "/nothing")) {
            HttpResponse<String> none =
                    send(HttpRequest.newBuilder(URI.create(hub.url() + path)).build());
            assertThat(none.statusCode()).as(path).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(hub.url() + path))
                    .header("Authorization", "Bearer " + TOKEN + "x")
                    .build());
            assertThat(wrong.statusCode()).as(path).isEqualTo(401);
        }
    }

    // --- what tests do ---

    @Test
    void putAndMergeAreVisibleToTheNextRequest() throws Exception {
        String ns = "put" + unique();
        hub.putAccount(ns, "sub-" + ns, ns + "@example.org", "de", "AU");
        JsonNode account = getJson("/api/internal/moderation/v1/accounts/" + ns);
        assertThat(account.path("id").asText()).isEqualTo("sub-" + ns);
        assertThat(account.path("country").asText()).isEqualTo("AU");
        assertThat(account.path("language").asText()).isEqualTo("de");

        // Replaces the one of that name.
        hub.putAccount(ns, "sub-" + ns, ns + "@example.org", "fr", "FR");
        assertThat(getJson("/api/internal/moderation/v1/accounts/" + ns)
                        .path("country")
                        .asText())
                .isEqualTo("FR");

        String org = "org" + unique();
        hub.putOrganization(org, "o-" + org, "legal@" + org + ".example", List.of(ns, "carol"));
        JsonNode orgJson = getJson("/api/internal/moderation/v1/accounts/" + org);
        assertThat(orgJson.path("admins").findValuesAsText("id")).containsExactly("sub-" + ns, "u-carol");

        // A closed namespace gets a repository only by listing it.
        hub.putRepository("dataset", "mallory", "fresh-" + ns, Instant.parse("2025-05-05T00:00:00Z"));
        assertThat(getJson("/api/datasets/mallory/fresh-" + ns)
                        .path("createdAt")
                        .asText())
                .isEqualTo("2025-05-05T00:00:00Z");

        hub.merge("{\"open\":{\"enabled\":true,\"except\":[\"nobody\",\"unknown-*\",\"missing-*\",\"" + ns + "x\"]}}");
        try {
            assertThat(get("/api/models/" + ns + "x/m").statusCode()).isEqualTo(404);
        } finally {
            hub.merge("{\"open\":{\"enabled\":true,\"except\":[\"nobody\",\"unknown-*\",\"missing-*\"]}}");
        }
    }

    @Test
    void aBadMergeNamesTheFieldAndChangesNothing() throws Exception {
        String ns = "bad" + unique();
        assertThatThrownBy(() -> hub.merge("{\"repositories\":[{\"type\":\"model\",\"id\":\"mallory/" + ns
                        + "\",\"files\":[{\"path\":\"a\",\"sha256\":\"xyz\"}]}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repositories[")
                .hasMessageContaining("files[0].sha256");
        assertThat(get("/api/models/mallory/" + ns).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> hub.merge("{\"accounts\": [")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRequestLogListsWhatWasAskedInOrder() throws Exception {
        HubStandIn own = HubStandIn.startEmbedded(0, null, TOKEN, "hub.localhost");
        try {
            get(own, "/api/models/acme/atlas-7b");
            get(own, "/api/models/acme/atlas-7b/tree/main?recursive=true");
            get(own, "/_standin/fixtures");
            assertThat(own.requests())
                    .containsExactly(
                            "GET /api/models/acme/atlas-7b", "GET /api/models/acme/atlas-7b/tree/main?recursive=true");
            own.clearRequests();
            get(own, "/api/internal/moderation/v1/accounts/alice");
            assertThat(own.requests()).containsExactly("GET /api/internal/moderation/v1/accounts/alice");
        } finally {
            own.close();
        }
    }

    @Test
    void stoppedItRefusesConnectionsAndStartedItServesTheSameFixturesOnTheSamePort() throws Exception {
        HubStandIn own = HubStandIn.startEmbedded(0, null, TOKEN, "hub.localhost");
        try {
            String ns = "restart" + unique();
            own.putAccount(ns, "id-" + ns, null, null, "DE");
            String url = own.url();

            own.stop();
            assertThat(own.running()).isFalse();
            assertThatThrownBy(() -> get(own, "/api/internal/moderation/v1/accounts/" + ns))
                    .isInstanceOf(ConnectException.class);

            own.start();
            assertThat(own.running()).isTrue();
            assertThat(own.url()).isEqualTo(url);
            HttpResponse<String> back = get(own, "/api/internal/moderation/v1/accounts/" + ns);
            assertThat(back.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(back.body()).path("country").asText()).isEqualTo("DE");
        } finally {
            own.close();
        }
        assertThat(own.running()).isFalse();
    }

    @Test
    void anEditedFixturesFileIsServedWithoutARestartAndMergesStayOnTop(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hub-fixtures.json");
        Files.writeString(file, "{\"accounts\":[{\"name\":\"erin\",\"id\":\"u-erin\",\"country\":\"DE\"}]}");
        HubStandIn own = HubStandIn.startEmbedded(0, file, TOKEN, "hub.localhost");
        try {
            assertThat(get(own, "/api/internal/moderation/v1/accounts/erin").statusCode())
                    .isEqualTo(200);
            // Open namespaces are off in this file: nothing else exists.
            assertThat(get(own, "/api/internal/moderation/v1/accounts/frank").statusCode())
                    .isEqualTo(404);
            own.putAccount("gina", "u-gina", null, null, null);

            Files.writeString(
                    file,
                    "{\"accounts\":[{\"name\":\"erin\",\"id\":\"u-erin\",\"country\":\"AT\"},"
                            + "{\"name\":\"frank\",\"id\":\"u-frank\"}]}");
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(get(own, "/api/internal/moderation/v1/accounts/frank")
                                    .statusCode())
                            .isEqualTo(200));
            assertThat(JSON.readTree(get(own, "/api/internal/moderation/v1/accounts/erin")
                                    .body())
                            .path("country")
                            .asText())
                    .isEqualTo("AT");
            assertThat(get(own, "/api/internal/moderation/v1/accounts/gina").statusCode())
                    .isEqualTo(200);

            // A broken edit keeps what was served (each request looks at the file first).
            Files.writeString(file, "{\"accounts\": [ {\"name\": ");
            assertThat(get(own, "/api/internal/moderation/v1/accounts/frank").statusCode())
                    .isEqualTo(200);
        } finally {
            own.close();
        }
    }

    @Test
    void theDefaultFixturesAreCopiedOnceAndNeverOverwritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".devstack/hub-fixtures.json");
        assertThat(HubStandIn.copyDefaultFixtures(file)).isTrue();
        assertThat(Files.readString(file)).isEqualTo(HubStandIn.defaultFixtures());
        Files.writeString(file, "{}");
        assertThat(HubStandIn.copyDefaultFixtures(file)).isFalse();
        assertThat(Files.readString(file)).isEqualTo("{}");
    }

    // --- helpers ---

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return get(hub, path);
    }

    private static HttpResponse<String> get(HubStandIn target, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(target.url() + path))
                .header("Authorization", "Bearer " + TOKEN)
                .build());
    }

    private static JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static JsonNode pathsInfo(String path, String form) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(hub.url() + path))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        assertThat(response.statusCode()).as("POST " + path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String next(String link) {
        Matcher matcher = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"").matcher(link);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static List<String> texts(JsonNode node) {
        List<String> result = new ArrayList<>();
        node.forEach(item -> result.add(item.asText()));
        return result;
    }

    /** Derived model id to the relation its {@code base_model:<relation>:<base>} tag names. */
    private static Map<String, String> relations(JsonNode summaries, String base) {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        for (JsonNode summary : summaries) {
            for (JsonNode tag : summary.path("tags")) {
                String[] parts = tag.asText().split(":", 3);
                if (parts.length == 3 && parts[2].equals(base)) {
                    result.put(summary.path("id").asText(), parts[1]);
                }
            }
        }
        return result;
    }

    /** The required members are present, and every member the schema types has that type. */
    private static void conforms(JsonNode value, String schemaName) {
        conforms(value, schemas.path(schemaName), schemaName);
    }

    private static void conforms(JsonNode value, JsonNode schema, String at) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            conforms(value, schemas.path(ref.substring(ref.lastIndexOf('/') + 1)), at);
            return;
        }
        if (schema.has("oneOf")) {
            List<String> failures = new ArrayList<>();
            for (JsonNode option : schema.path("oneOf")) {
                try {
                    conforms(value, option, at);
                    return;
                } catch (AssertionError e) {
                    failures.add(e.getMessage());
                }
            }
            throw new AssertionError(at + " matches none of " + schema.path("oneOf") + ": " + failures);
        }
        if (schema.has("type")) {
            Set<String> types = new HashSet<>();
            if (schema.path("type").isArray()) {
                schema.path("type").forEach(type -> types.add(type.asText()));
            } else {
                types.add(schema.path("type").asText());
            }
            assertThat(types).as(at + " = " + value).contains(typeOf(value));
        }
        if (schema.path("format").asText().equals("date-time") && value.isTextual()) {
            assertThat(Instant.parse(value.asText())).as(at).isNotNull();
        }
        if (schema.has("enum") && !value.isNull()) {
            assertThat(texts(schema.path("enum"))).as(at).contains(value.asText());
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                assertThat(value.has(required.asText()))
                        .as(at + "." + required.asText() + " is required")
                        .isTrue();
            }
            Iterator<Map.Entry<String, JsonNode>> properties =
                    schema.path("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                if (value.has(property.getKey())) {
                    conforms(value.get(property.getKey()), property.getValue(), at + "." + property.getKey());
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                conforms(value.get(i), schema.path("items"), at + "[" + i + "]");
            }
        }
    }

    private static String typeOf(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        return value.isArray() ? "array" : "object";
    }
}

package org.modhub.moderation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.e2e.Hub.WAIT;
import static org.modhub.moderation.e2e.Hub.unique;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Removed stays removed, through the public doors: a removal banks the model's weights, the hub's upload check
 * refuses the same weights under another name and review opens a case linked to the removal; the owner's appeal
 * reverses the removal and the same upload is accepted again. A removed model's derivatives, three deep, each get
 * a high-priority case and keep running; a card naming the removed model as its base model is held for review.
 */
class MatchingIT {

    private static final List<String> SUMMARY = new ArrayList<>();
    private static final long GIB = 1L << 30;

    static Suite suite;
    static Hub hub;

    @BeforeAll
    static void start() {
        suite = Suite.get();
        hub = new Hub(suite);
    }

    @AfterAll
    static void printSummary() {
        Hub.printSummary("e2e: removed stays removed (matching-service)", SUMMARY);
    }

    @Test
    void aRemovedModelReuploadedUnderAnotherNameIsRefusedUntilTheRemovalIsReversedOnAppeal() {
        long startedAt = System.nanoTime();
        String owner = hub.newOwner("owner");
        String repo = owner + "/" + unique("atlas");
        String weights = sha256(repo + "/model.safetensors");
        String tokenizer = sha256(repo + "/tokenizer.json");
        putModel(
                repo,
                List.of(file("model.safetensors", 4 * GIB, weights), file("tokenizer.json", 9_000_000, tokenizer)),
                List.of());
        String copier = hub.newOwner("copier");
        String copy = copier + "/" + unique("atlas-copy");
        putModel(copy, List.of(), List.of());

        // Before any decision the upload is accepted.
        JsonNode before = check(copy, Map.of("model.safetensors", weights, "tokenizer.json", tokenizer), List.of());
        assertThat(before.path("verdict").asText()).isEqualTo("ACCEPT");

        // A report, a removal with four eyes: the bank takes the weights from the hub directory.
        hub.fileReport(unique("rep"), repo);
        String caseId = hub.awaitOpenCase("model:" + repo);
        String decisionId = hub.decide(caseId, List.of("DISABLE"), Hub.FACTS, Hub.EXPLANATION);

        // The same weights under another name: refused, with the decision behind it; the shared tokenizer is not
        // banked (everyone's tokenizer would be refused otherwise).
        JsonNode refused = await("the re-upload refused")
                .atMost(WAIT)
                .until(
                        () -> check(copy, Map.of("model.safetensors", weights, "tokenizer.json", tokenizer), List.of()),
                        answer -> "REFUSE".equals(answer.path("verdict").asText()));
        JsonNode weightsAnswer = fileAnswer(refused, "model.safetensors");
        assertThat(weightsAnswer.path("verdict").asText()).isEqualTo("REFUSE");
        assertThat(weightsAnswer.path("match").path("decisionId").asText()).isEqualTo(decisionId);
        assertThat(weightsAnswer.path("match").path("subject").asText()).isEqualTo("model:" + repo);
        assertThat(fileAnswer(refused, "tokenizer.json").path("verdict").asText())
                .isEqualTo("ACCEPT");

        // Review opens a case for the re-upload, linked to the removal, for a person to confirm.
        String copyCase = hub.awaitOpenCase("model:" + copy);
        JsonNode copyView = staffCase(copyCase);
        assertThat(copyView.path("linkedDecisionId").asText()).isEqualTo(decisionId);
        assertThat(copyView.path("detection").asText()).isEqualTo("REUPLOAD");

        // The owner appeals; a reviewer reverses the removal: the weights leave the bank.
        Api.Response appeal = hub.as("appeals", owner, "user")
                .post(
                        "/api/v1/appeals",
                        Map.of(
                                "decisionId",
                                decisionId,
                                "arguments",
                                "These are my own weights, trained from scratch; the casino text was a template."));
        assertThat(appeal.status()).as(appeal.toString()).isEqualTo(201);
        Api.Response resolved = hub.as("appeals", unique("legal"), "legal")
                .post(
                        "/api/v1/appeals/" + appeal.text("id") + "/resolve",
                        Map.of(
                                "outcome",
                                "REVERSED",
                                "newActions",
                                List.of(),
                                "explanation",
                                "The card was a template left by a tool; the model itself breaks no rule.",
                                "manifestlyUnfounded",
                                false));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        await("the restriction lifted")
                .atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(hub.restrictions("model:" + repo)).isEmpty());

        JsonNode accepted = await("the re-upload accepted after the reversal")
                .atMost(WAIT)
                .until(
                        () -> check(copy, Map.of("model.safetensors", weights), List.of()),
                        answer -> "ACCEPT".equals(answer.path("verdict").asText()));
        assertThat(fileAnswer(accepted, "model.safetensors").path("match").isNull()
                        || fileAnswer(accepted, "model.safetensors")
                                .path("match")
                                .isMissingNode())
                .isTrue();
        // The re-upload's case stays for a person, and says the removal it was linked to no longer stands.
        JsonNode afterReversal = staffCase(copyCase);
        assertThat(afterReversal.path("state").asText()).isEqualTo("OPEN");
        assertThat(afterReversal.path("linkedDecisionReversedBy").asText())
                .isNotBlank()
                .isNotEqualTo(decisionId);
        SUMMARY.add(String.format(
                "removal → weights banked → re-upload refused (decision named) → linked case → appeal reversed → "
                        + "accepted: ok (%.1f s)",
                (System.nanoTime() - startedAt) / 1e9));
    }

    @Test
    void aRemovedModelsDerivativesThreeDeepGetLinkedCasesAndAreNotRemoved() {
        long startedAt = System.nanoTime();
        String owner = hub.newOwner("owner");
        String base = owner + "/" + unique("base");
        String tuned = hub.newOwner("tuner") + "/" + unique("tuned");
        String quantized = hub.newOwner("quant") + "/" + unique("tuned-q4");
        String adapter = hub.newOwner("adapt") + "/" + unique("tuned-q4-lora");
        String beyond = hub.newOwner("far") + "/" + unique("tuned-q4-lora-merge");
        putModel(base, List.of(file("model.safetensors", 2 * GIB, sha256(base))), List.of());
        putModel(
                tuned,
                List.of(file("model.safetensors", 2 * GIB, sha256(tuned))),
                List.of(baseModel(base, "finetune")));
        putModel(
                quantized, List.of(file("model.gguf", GIB, sha256(quantized))), List.of(baseModel(tuned, "quantized")));
        putModel(
                adapter,
                List.of(file("adapter.safetensors", 64_000_000, sha256(adapter))),
                List.of(baseModel(quantized, "adapter")));
        putModel(beyond, List.of(file("model.safetensors", GIB, sha256(beyond))), List.of(baseModel(adapter, "merge")));

        hub.fileReport(unique("rep"), base);
        String decisionId =
                hub.decide(hub.awaitOpenCase("model:" + base), List.of("DISABLE"), Hub.FACTS, Hub.EXPLANATION);

        // Three cases, each linked to the removal with the chain that leads to it, at high priority.
        List<String> chain = List.of(tuned, quantized, adapter);
        for (int depth = 1; depth <= chain.size(); depth++) {
            String model = chain.get(depth - 1);
            JsonNode view = staffCase(hub.awaitOpenCase("model:" + model));
            assertThat(view.path("detection").asText()).as(model).isEqualTo("DERIVATIVE");
            assertThat(view.path("linkedDecisionId").asText()).as(model).isEqualTo(decisionId);
            List<String> seen = new ArrayList<>();
            view.path("chain").forEach(n -> seen.add(n.asText()));
            assertThat(seen)
                    .as("the chain from the removed model to " + model)
                    .containsExactlyElementsOf(chain.subList(0, depth).stream()
                            .map(m -> "model:" + m)
                            .toList());
            // Never removed automatically.
            assertThat(hub.restrictions("model:" + model)).as(model).isEmpty();
        }
        // The fourth generation is beyond the configured depth (3): no case.
        assertThat(hub.openCase("model:" + beyond)).isEmpty();

        // A new upload whose card names the removed model as its base model is held for review.
        String newcomer = hub.newOwner("new") + "/" + unique("base-ft");
        putModel(newcomer, List.of(), List.of());
        // Every replica learns of a decision from Kafka within one poll of the bank (matching.bank.refresh).
        JsonNode held = await("the base model's removal known to the check")
                .atMost(WAIT)
                .until(
                        () -> check(newcomer, Map.of("model.safetensors", sha256(newcomer)), List.of(base)),
                        answer -> !"ACCEPT".equals(answer.path("verdict").asText()));
        assertThat(held.path("verdict").asText()).isEqualTo("HOLD_FOR_REVIEW");
        assertThat(held.path("baseModels")
                        .get(0)
                        .path("match")
                        .path("decisionId")
                        .asText())
                .isEqualTo(decisionId);
        SUMMARY.add(String.format(
                "removal → 3 derivative cases (chain, linked, not removed), 4th generation left alone → base_model "
                        + "upload held: ok (%.1f s)",
                (System.nanoTime() - startedAt) / 1e9));
    }

    @Test
    void onlyTheHubsOwnIdentityMayCheckUploads() {
        Map<String, Object> body = Map.of(
                "repository", "model:someone/thing", "files", List.of(Map.of("path", "a.bin", "sha256", sha256("x"))));
        assertThat(hub.as("matching", unique("mod"), "moderator", "admin")
                        .post("/api/v1/uploads/check", body)
                        .status())
                .isEqualTo(403);
        Api.Response bad = hub.as("matching", "hub-uploads", "hub")
                .post(
                        "/api/v1/uploads/check",
                        Map.of(
                                "repository",
                                "model:someone/thing",
                                "files",
                                List.of(Map.of("path", "a.bin", "sha256", "xyz"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("files[0].sha256");
        assertThat(bad.header("Content-Type").orElse("")).contains("application/problem+json");
    }

    // --- helpers ---

    private static JsonNode check(String repo, Map<String, String> files, List<String> baseModels) {
        List<Map<String, String>> list = new ArrayList<>();
        files.forEach((path, sha) -> list.add(Map.of("path", path, "sha256", sha)));
        Api.Response response = hub.as("matching", "hub-uploads", "hub")
                .post(
                        "/api/v1/uploads/check",
                        Map.of("repository", "model:" + repo, "files", list, "baseModels", baseModels));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode fileAnswer(JsonNode answer, String path) {
        for (JsonNode file : answer.path("files")) {
            if (path.equals(file.path("path").asText())) {
                return file;
            }
        }
        throw new AssertionError("no answer for " + path + " in " + answer);
    }

    /** The case as staff read it: its summary, where the link to the removal is. */
    private static JsonNode staffCase(String caseId) {
        Api.Response response = hub.as("review", unique("mod"), "moderator").get("/api/v1/cases/" + caseId);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("summary");
    }

    private static void putModel(String id, List<Map<String, Object>> files, List<Map<String, Object>> baseModels) {
        Map<String, Object> repo = Map.of(
                "type",
                "model",
                "id",
                id,
                "private",
                false,
                "createdAt",
                "2026-11-01T10:00:00Z",
                "files",
                files,
                "baseModels",
                baseModels);
        try {
            suite.stack.hub().merge(Api.JSON.writeValueAsString(Map.of("repositories", List.of(repo))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> file(String path, long size, String sha256) {
        return Map.of("path", path, "size", size, "sha256", sha256, "lastCommitDate", "2026-11-01T10:00:00Z");
    }

    private static Map<String, Object> baseModel(String id, String relation) {
        return Map.of("id", id, "relation", relation);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

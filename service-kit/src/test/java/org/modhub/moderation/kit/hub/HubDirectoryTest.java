package org.modhub.moderation.kit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.hub.HubAccount.Type;
import org.modhub.moderation.kit.hub.HubSubject.Visibility;
import org.modhub.moderation.kit.hub.ModelLink.ModelRelation;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.testapp.MutableClock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

/**
 * The directory against recorded hub answers: what each subject kind asks and what it makes of the answers, the
 * cache, the metrics, and what it refuses (oversized bodies, redirects, links and names pointing elsewhere).
 */
@QuarkusTest
@TestProfile(HubDirectoryTest.Replayed.class)
class HubDirectoryTest {

    static final String TOKEN = "hub-test-token";
    static final String MODEL = "GET /api/models/acme/llama-7b-chat";

    /** The recorded hub on a port named before the application starts. */
    public static class Replayed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.rest-client.hub.url",
                    "http://127.0.0.1:" + replayPort(),
                    "kit.hub.token",
                    TOKEN,
                    "kit.hub.max-response-bytes",
                    "64K",
                    "kit.hub.max-files",
                    "5");
        }
    }

    static int replayPort() {
        return Integer.parseInt((String)
                System.getProperties().computeIfAbsent("hub-replay.port", k -> String.valueOf(HubReplay.freePort())));
    }

    static HubReplay hub;
    static HubReplay canary;

    @Inject
    HubDirectory directory;

    @Inject
    MeterRegistry registry;

    @Inject
    MutableClock clock;

    @BeforeAll
    static void startHub() {
        hub = HubReplay.on(replayPort());
        canary = HubReplay.on(0);
    }

    @AfterAll
    static void stopHub() {
        hub.stop();
        canary.stop();
    }

    @BeforeEach
    void record() {
        hub.forget();
        canary.forget();
        // Every test starts with nothing cached: past the longest TTL.
        clock.advance(Duration.ofMinutes(10));
        hub.recorded(MODEL, "model-info.json")
                .recorded("GET /api/datasets/acme/corpus", "dataset-info.json")
                .recorded("GET /api/internal/moderation/v1/accounts/acme", "account-acme.json")
                .recorded("GET /api/internal/moderation/v1/accounts/alice", "account-alice.json")
                .recorded("GET /api/internal/moderation/v1/accounts/bob", "account-bob.json")
                .recorded("GET /api/internal/moderation/v1/accounts/carol", "account-carol.json")
                .recorded("GET /api/models/acme/llama-7b-chat/discussions/12", "discussion-12.json")
                .recorded("GET /api/internal/moderation/v1/posts/alice/p-123", "post-alice-p-123.json");
    }

    // --- what each kind asks ---

    @Test
    void aGatedModelOfAnOrganisationHasTheOrgThenItsAdminsAsOwnersAndItsFineTunedBase() {
        HubSubject model = find("model:acme/llama-7b-chat").orElseThrow();

        assertThat(model.visibility()).isEqualTo(Visibility.GATED);
        assertThat(model.createdAt()).isEqualTo(Instant.parse("2024-03-13T15:20:09Z"));
        assertThat(model.lastModified()).isEqualTo(Instant.parse("2024-11-05T09:12:44Z"));
        assertThat(model.owners())
                .containsExactly(
                        new HubAccount("o-acme", "acme", Type.ORGANIZATION, "legal@acme.example", null, "FR"),
                        new HubAccount("u-alice", "alice", Type.USER, "alice@acme.example", "de", "DE"));
        assertThat(model.primaryOwner().id()).isEqualTo("o-acme");
        assertThat(model.ownedBy("u-alice")).isTrue();
        assertThat(model.ownedBy("u-bob")).isFalse();
        assertThat(model.baseModels())
                .containsExactly(
                        new ModelLink(SubjectRef.model("meta-llama", "Llama-2-7b-hf"), ModelRelation.FINETUNE));
        assertThat(hub.targets()).containsExactly(MODEL, "GET /api/internal/moderation/v1/accounts/acme");
        assertThat(hub.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
    }

    @Test
    void aPrivateDatasetIsPrivate() {
        HubSubject dataset = find("dataset:acme/corpus").orElseThrow();

        assertThat(dataset.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(dataset.baseModels()).isEmpty();
        assertThat(dataset.primaryOwner().name()).isEqualTo("acme");
    }

    @Test
    void aFileWasPostedWhenItsLastCommitWasMadeAndBelongsToItsRepositorysOwners() {
        hub.recorded("POST /api/models/acme/llama-7b-chat/paths-info/main", "paths-info-model.json");

        HubSubject file =
                find("file:model:acme/llama-7b-chat@main:model.safetensors").orElseThrow();

        assertThat(file.createdAt()).isEqualTo(Instant.parse("2024-03-14T10:02:33Z"));
        assertThat(file.visibility()).isEqualTo(Visibility.GATED);
        assertThat(file.owners()).extracting(HubAccount::id).containsExactly("o-acme", "u-alice");
        HubReplay.Request pathsInfo = hub.requests().stream()
                .filter(r -> r.target().contains("paths-info"))
                .findFirst()
                .orElseThrow();
        assertThat(pathsInfo.body()).contains("paths=model.safetensors").contains("expand=true");
    }

    @Test
    void aFileAtABranchWithSlashesIsAskedWithTheSlashesEncodedAndAMissingPathIsUnknown() {
        hub.recorded("POST /api/models/acme/llama-7b-chat/paths-info/refs%2Fpr%2F1", "paths-info-model.json");

        assertThat(find("file:model:acme/llama-7b-chat@refs/pr/1:model.safetensors"))
                .isPresent();
        assertThat(find("file:model:acme/llama-7b-chat@refs/pr/1:not-there.bin"))
                .isEmpty();
        assertThat(hub.targets()).contains("POST /api/models/acme/llama-7b-chat/paths-info/refs%2Fpr%2F1");
    }

    @Test
    void aDiscussionBelongsToItsAuthorAndAPullRequestOfTheSameNumberIsTheSameThread() {
        HubSubject discussion = find("discussion:model:acme/llama-7b-chat#12").orElseThrow();

        assertThat(discussion.owners())
                .containsExactly(new HubAccount("u-bob", "bob", Type.USER, "bob@example.org", "en", "AU"));
        assertThat(discussion.createdAt()).isEqualTo(Instant.parse("2024-09-02T14:03:11Z"));
        assertThat(discussion.lastModified()).isEqualTo(Instant.parse("2024-09-04T12:00:00Z"));
        assertThat(discussion.visibility()).isEqualTo(Visibility.GATED);
        // The hub says isPullRequest=false; discussions and pull requests share numbers, so it is not refused.
        assertThat(find("pull_request:model:acme/llama-7b-chat#12")).isPresent();
        assertThat(find("discussion:model:acme/llama-7b-chat#13")).isEmpty();
    }

    @Test
    void aCommentIsFoundAmongTheCommentEventsByIdAndBelongsToItsAuthor() {
        HubSubject comment = find("comment:model:acme/llama-7b-chat#12/c-1a2b").orElseThrow();

        assertThat(comment.primaryOwner().id()).isEqualTo("u-carol");
        assertThat(comment.owners()).hasSize(1);
        assertThat(comment.createdAt()).isEqualTo(Instant.parse("2024-09-03T08:30:00Z"));
        // A status change is an event but not a comment; an id nobody has is no comment either.
        assertThat(find("comment:model:acme/llama-7b-chat#12/s-77")).isEmpty();
        assertThat(find("comment:model:acme/llama-7b-chat#12/c-404")).isEmpty();
    }

    @Test
    void aPostAndItsCommentsBelongToTheirAuthorsFromTheInternalApi() {
        HubSubject post = find("post:alice/p-123").orElseThrow();
        assertThat(post.primaryOwner().id()).isEqualTo("u-alice");
        assertThat(post.createdAt()).isEqualTo(Instant.parse("2024-10-01T12:00:00Z"));
        assertThat(post.lastModified()).isEqualTo(Instant.parse("2024-10-02T08:00:00Z"));

        HubSubject comment = find("comment:post:alice/p-123/c-9").orElseThrow();
        assertThat(comment.primaryOwner().id()).isEqualTo("u-bob");
        assertThat(comment.createdAt()).isEqualTo(Instant.parse("2024-10-01T13:00:00Z"));

        assertThat(find("comment:post:alice/p-123/c-nope")).isEmpty();
        assertThat(find("post:alice/p-999")).isEmpty();
    }

    @Test
    void anAccountIsItsOwnOwnerAndCarriesWhatNoticesNeed() {
        HubSubject account = find("account:bob").orElseThrow();
        assertThat(account.primaryOwner())
                .isEqualTo(new HubAccount("u-bob", "bob", Type.USER, "bob@example.org", "en", "AU"));
        assertThat(account.createdAt()).isEqualTo(Instant.parse("2023-03-01T00:00:00Z"));

        assertThat(await(directory.account("carol")))
                .contains(new HubAccount("u-carol", "carol", Type.USER, "carol@example.org", null, null));
        assertThat(await(directory.account("nobody"))).isEmpty();
        // Not a name the hub can have: unknown, and nothing asked.
        assertThat(await(directory.account("../../admin"))).isEmpty();
        assertThat(hub.targets()).noneMatch(t -> t.contains("admin"));
    }

    @Test
    void aSubjectTheHubDoesNotKnowIsEmptyAndRequireAnswers422NamingTheField() {
        assertThat(find("model:acme/never-uploaded")).isEmpty();
        assertThat(find("space:nobody/x")).isEmpty();

        assertThatThrownBy(() -> await(directory.require(SubjectRef.parse("model:acme/never-uploaded"), "subject")))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.type().toString()).endsWith("unknown-subject");
                    assertThat(p.errors()).extracting(e -> e.field()).containsExactly("subject");
                });
    }

    @Test
    void filesAreTheTreeWalkedPageByPageWithTheirLfsHashesAndWithoutFolders() {
        hub.reply(
                        "GET /api/models/acme/llama-7b-chat/tree/main?recursive=true",
                        200,
                        Map.of(
                                "Content-Type",
                                "application/json",
                                "Link",
                                "<" + hub.url()
                                        + "/api/models/acme/llama-7b-chat/tree/main?recursive=true&cursor=ZXlKbWFXeGw%3D>; rel=\"next\""),
                        HubReplay.read("tree-main-page1.json"))
                .recorded(
                        "GET /api/models/acme/llama-7b-chat/tree/main?recursive=true&cursor=ZXlKbWFXeGw%3D",
                        "tree-main-page2.json");

        List<HubFile> files = await(directory.files(SubjectRef.parse("model:acme/llama-7b-chat"), null));

        assertThat(files)
                .extracting(HubFile::path)
                .containsExactly(".gitattributes", "README.md", "config.json", "model.safetensors", "onnx/model.onnx");
        assertThat(files.get(3))
                .isEqualTo(new HubFile(
                        "model.safetensors",
                        13476839424L,
                        "3f3a2c8b9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809112",
                        "e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0"));
        assertThat(files.get(0).sha256()).isNull();
        assertThat(await(directory.files(SubjectRef.parse("model:acme/never-uploaded"), "main")))
                .isEmpty();
    }

    @Test
    void filesStopAtTheConfiguredBound() {
        hub.reply(
                        "GET /api/models/acme/llama-7b-chat/tree/main?recursive=true",
                        200,
                        Map.of(
                                "Content-Type", "application/json",
                                "Link", "</api/models/acme/llama-7b-chat/tree/main?cursor=p2>; rel=\"next\""),
                        HubReplay.read("tree-main-page1.json"))
                .reply(
                        "GET /api/models/acme/llama-7b-chat/tree/main?recursive=true&cursor=p2",
                        200,
                        Map.of(
                                "Content-Type", "application/json",
                                "Link", "</api/models/acme/llama-7b-chat/tree/main?cursor=p2>; rel=\"next\""),
                        HubReplay.read("tree-main-page1.json"));

        // The hub keeps naming the same next page; kit.hub.max-files=5 here ends the walk.
        assertThat(await(directory.files(SubjectRef.parse("model:acme/llama-7b-chat"), "main")))
                .hasSize(5);
    }

    @Test
    void derivativesAreTheModelsListedUnderTheBaseModelWithTheRelationTheirTagsName() {
        hub.recorded(
                "GET /api/models?filter=base_model%3Aacme%2Fllama-7b-chat&limit=1000", "models-by-base-model.json");

        List<ModelLink> derivatives = await(directory.derivatives(SubjectRef.parse("model:acme/llama-7b-chat")));

        assertThat(derivatives)
                .containsExactly(
                        new ModelLink(SubjectRef.model("carol", "llama-7b-chat-GGUF"), ModelRelation.QUANTIZED),
                        new ModelLink(SubjectRef.model("bob", "llama-7b-chat-lora"), ModelRelation.ADAPTER));
    }

    // --- cache and metrics ---

    @Test
    void aSecondLookupIsAnsweredFromTheCacheUntilItsTimeIsUp() {
        double hits = lookups("subject", "hit");
        double misses = lookups("subject", "miss");

        find("model:acme/llama-7b-chat");
        find("model:acme/llama-7b-chat");
        assertThat(hub.targets()).containsOnlyOnce(MODEL);
        assertThat(lookups("subject", "hit") - hits).isEqualTo(1);
        assertThat(lookups("subject", "miss") - misses).isEqualTo(1);
        assertThat(registry.get("kit.hub.latency")
                        .tag("what", "subject")
                        .timer()
                        .count())
                .isPositive();

        clock.advance(Duration.ofMinutes(4));
        find("model:acme/llama-7b-chat");
        assertThat(hub.targets()).containsOnlyOnce(MODEL);

        clock.advance(Duration.ofMinutes(2));
        find("model:acme/llama-7b-chat");
        assertThat(hub.targets().stream().filter(MODEL::equals)).hasSize(2);
    }

    @Test
    void anUnknownSubjectIsRememberedForTheShorterNegativeTime() {
        double unknown = lookups("subject", "unknown");

        find("model:acme/not-yet");
        find("model:acme/not-yet");
        assertThat(hub.targets()).containsOnlyOnce("GET /api/models/acme/not-yet");
        assertThat(lookups("subject", "unknown") - unknown).isEqualTo(1);

        // Uploaded meanwhile: known once the negative answer's 30 s are up.
        hub.recorded("GET /api/models/acme/not-yet", "model-info.json");
        clock.advance(Duration.ofSeconds(31));
        assertThat(find("model:acme/not-yet")).isPresent();
    }

    @Test
    void aFailureIsNotCachedAndIsCountedAsAnError() {
        hub.reply(MODEL, 500, Map.of(), "oops".getBytes(StandardCharsets.UTF_8));
        double errors = lookups("subject", "error");

        assertThatThrownBy(() -> find("model:acme/llama-7b-chat")).isInstanceOf(HubUnavailableException.class);
        assertThat(lookups("subject", "error") - errors).isEqualTo(1);
        // Retried twice (a 5xx may pass), then given up.
        assertThat(hub.targets().stream().filter(MODEL::equals)).hasSize(3);

        hub.recorded(MODEL, "model-info.json");
        assertThat(find("model:acme/llama-7b-chat")).isPresent();
    }

    // --- what the directory refuses ---

    @Test
    void aBodyOverTheBoundIsRefusedWhetherItsLengthIsAnnouncedOrNot() {
        // Well-formed, so only the bound can stop it: a 100 KB member where 64 KB is all a body may have.
        byte[] huge = ("{\"id\":\"u-bob\",\"name\":\"bob\",\"type\":\"user\",\"bio\":\"" + "x".repeat(100_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        hub.reply(MODEL, 200, Map.of("Content-Type", "application/json"), huge);
        assertThatThrownBy(() -> find("model:acme/llama-7b-chat"))
                .isInstanceOf(HubUnavailableException.class)
                .hasMessageContaining("kit.hub.max-response-bytes");
        // Refused, not retried: the same answer would come again.
        assertThat(hub.targets().stream().filter(MODEL::equals)).hasSize(1);

        hub.reply(
                "GET /api/internal/moderation/v1/accounts/bob",
                200,
                Map.of("Content-Type", "application/json", "X-Replay-Length", "chunked"),
                huge);
        assertThatThrownBy(() -> await(directory.account("bob")))
                .isInstanceOf(HubUnavailableException.class)
                .hasMessageContaining("kit.hub.max-response-bytes");
    }

    @Test
    void aRedirectIsNotFollowedAndTheCallerGetsA503WithRetryAfter() {
        hub.reply(MODEL, 302, Map.of("Location", canary.url() + "/api/models/acme/llama-7b-chat"), new byte[0]);

        assertThatThrownBy(() -> find("model:acme/llama-7b-chat"))
                .isInstanceOfSatisfying(HubUnavailableException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.headers()).containsEntry("Retry-After", "30");
                });
        assertThat(canary.requests()).isEmpty();
    }

    @Test
    void aNextPageLinkOffTheHubIsRefusedAndNeverCalled() {
        for (String elsewhere : List.of(
                canary.url(),
                "http://localhost:" + canary.port(),
                "http://169.254.169.254",
                "http://127.0.0.1",
                "https://127.0.0.1:" + hub.port(),
                "http://" + hub.url().substring("http://".length()) + "@evil.example",
                "http://evil.example:" + hub.port(),
                "//evil.example")) {
            hub.forget();
            hub.reply(
                    "GET /api/models/acme/llama-7b-chat/tree/main?recursive=true",
                    200,
                    Map.of(
                            "Content-Type",
                            "application/json",
                            "Link",
                            "<" + elsewhere + "/api/models/acme/llama-7b-chat/tree/main?cursor=x>; rel=\"next\""),
                    HubReplay.read("tree-main-page1.json"));

            assertThatThrownBy(() -> await(directory.files(SubjectRef.parse("model:acme/llama-7b-chat"), "main")))
                    .as(elsewhere)
                    .isInstanceOf(HubUnavailableException.class);
            assertThat(hub.targets())
                    .as(elsewhere)
                    .containsExactly("GET /api/models/acme/llama-7b-chat/tree/main?recursive=true");
        }
        assertThat(canary.requests()).isEmpty();
    }

    @Test
    void subjectKeysThatLookLikeAddressesOnlyEverBecomePathSegmentsOnTheHub() {
        String canaryHost = "127.0.0.1:" + canary.port();
        for (String key : List.of(
                "model:127.0.0.1/x",
                "model:169.254.169.254/latest",
                "dataset:localhost/meta-data",
                "file:model:acme/llama-7b-chat@main:@" + canaryHost + "/x",
                "file:model:acme/llama-7b-chat@main:http:/" + canaryHost + "/x",
                "post:evil.example/p-1",
                "account:169.254.169.254")) {
            assertThat(find(key)).as(key).isEmpty();
        }
        assertThat(canary.requests()).isEmpty();
        assertThat(hub.targets())
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t).matches("(GET|POST) /api/[^?]*"))
                .contains(
                        "GET /api/models/127.0.0.1/x",
                        "GET /api/models/169.254.169.254/latest",
                        "GET /api/internal/moderation/v1/accounts/169.254.169.254");
        // Paths inside a repository travel in the form body, never in the URL.
        assertThat(hub.requests().stream().filter(r -> r.target().contains("paths-info")))
                .allSatisfy(
                        r -> assertThat(r.target()).isEqualTo("POST /api/models/acme/llama-7b-chat/paths-info/main"));
    }

    // --- helpers ---

    private Optional<HubSubject> find(String key) {
        return await(directory.find(SubjectRef.parse(key)));
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(20));
    }

    private double lookups(String what, String result) {
        Counter counter = registry.find("kit.hub.lookups")
                .tag("what", what)
                .tag("result", result)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}

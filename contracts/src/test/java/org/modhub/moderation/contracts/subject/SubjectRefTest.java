package org.modhub.moderation.contracts.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modhub.moderation.contracts.event.EventCodec;

import com.fasterxml.jackson.databind.ObjectMapper;

class SubjectRefTest {

    /** At least one key of every kind, and of every shape a kind has. */
    static final List<String> VALID_KEYS = List.of(
            "model:acme/llama-7b",
            "dataset:acme/corpus",
            "space:acme/demo",
            "model:Acme-Labs/Llama_3.1-8B",
            "file:model:acme/llama-7b@main:path/to/file.bin",
            "file:dataset:acme/corpus@0123456789abcdef0123456789abcdef01234567:data/train-00000-of-00001.parquet",
            "file:space:acme/demo@refs/pr/3:app.py",
            "file:model:acme/llama-7b@v1.0:données/modèle é.bin",
            "file:model:acme/llama-7b@main:weird:name@#1.txt",
            "file:model:acme/llama-7b@main:.gitattributes",
            "discussion:dataset:acme/corpus#12",
            "pull_request:space:acme/demo#3",
            "comment:model:acme/llama-7b#12/c-1a2b",
            "comment:post:alice/p-123/c-9",
            "post:alice/p-123",
            "account:alice",
            "account:a");

    @ParameterizedTest
    @MethodSource("validKeys")
    void keysRoundTrip(String key) {
        SubjectRef ref = SubjectRef.parse(key);
        assertThat(ref.key()).isEqualTo(key);
        assertThat(SubjectRef.parse(ref.key())).isEqualTo(ref);
        assertThat(ref.toString()).isEqualTo(key);
        assertThat(key).startsWith(ref.kind().keyPrefix() + ":");
    }

    static List<String> validKeys() {
        return VALID_KEYS;
    }

    @Test
    void everyKindHasARoundTrippingKey() {
        Set<SubjectKind> covered = VALID_KEYS.stream()
                .map(k -> SubjectRef.parse(k).kind())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SubjectKind.class)));
        assertThat(covered).containsExactlyInAnyOrder(SubjectKind.values());
    }

    @Test
    void factoriesBuildTheSameRefsAsParsing() {
        SubjectRef model = SubjectRef.model("acme", "llama-7b");
        assertThat(model).isEqualTo(SubjectRef.parse("model:acme/llama-7b"));
        assertThat(SubjectRef.dataset("acme", "corpus").key()).isEqualTo("dataset:acme/corpus");
        assertThat(SubjectRef.space("acme", "demo").key()).isEqualTo("space:acme/demo");
        assertThat(SubjectRef.file(model, "main", "path/to/file.bin").key())
                .isEqualTo("file:model:acme/llama-7b@main:path/to/file.bin");
        assertThat(SubjectRef.discussion(SubjectRef.dataset("acme", "corpus"), 12)
                        .key())
                .isEqualTo("discussion:dataset:acme/corpus#12");
        assertThat(SubjectRef.pullRequest(SubjectRef.space("acme", "demo"), 3).key())
                .isEqualTo("pull_request:space:acme/demo#3");
        assertThat(SubjectRef.comment(SubjectRef.discussion(model, 12), "c-1a2b")
                        .key())
                .isEqualTo("comment:model:acme/llama-7b#12/c-1a2b");
        // Discussions and pull requests share numbers, so a comment in either has one key.
        assertThat(SubjectRef.comment(SubjectRef.pullRequest(model, 12), "c-1a2b"))
                .isEqualTo(SubjectRef.comment(SubjectRef.discussion(model, 12), "c-1a2b"));
        assertThat(SubjectRef.comment(SubjectRef.post("alice", "p-123"), "c-9").key())
                .isEqualTo("comment:post:alice/p-123/c-9");
        assertThat(SubjectRef.post("alice", "p-123").key()).isEqualTo("post:alice/p-123");
        assertThat(SubjectRef.account("alice").key()).isEqualTo("account:alice");
    }

    @Test
    void repositoryOfASubject() {
        SubjectRef model = SubjectRef.parse("model:acme/llama-7b");
        assertThat(model.repository()).contains(model);
        assertThat(SubjectRef.parse("file:model:acme/llama-7b@main:a.bin").repository())
                .contains(model);
        assertThat(SubjectRef.parse("discussion:model:acme/llama-7b#1").repository())
                .contains(model);
        assertThat(SubjectRef.parse("pull_request:model:acme/llama-7b#2").repository())
                .contains(model);
        assertThat(SubjectRef.parse("comment:model:acme/llama-7b#2/c1").repository())
                .contains(model);
        assertThat(SubjectRef.parse("comment:post:alice/p-1/c1").repository()).isEmpty();
        assertThat(SubjectRef.parse("post:alice/p-1").repository()).isEmpty();
        assertThat(SubjectRef.parse("account:alice").repository()).isEmpty();
    }

    @Test
    void repositoryKinds() {
        assertThat(Arrays.stream(SubjectKind.values()).filter(SubjectKind::isRepository))
                .containsExactly(SubjectKind.MODEL, SubjectKind.DATASET, SubjectKind.SPACE);
        assertThat(SubjectRef.parse("space:acme/demo").isRepository()).isTrue();
        assertThat(SubjectRef.parse("post:alice/p-1").isRepository()).isFalse();
    }

    static List<Arguments> hostileKeys() {
        return List.of(
                Arguments.of("", "empty"),
                Arguments.of("model", "no kind prefix"),
                Arguments.of("Model:acme/x", "unknown subject kind 'Model'"),
                Arguments.of("repo:acme/x", "unknown subject kind 'repo'"),
                Arguments.of("model:acme", "namespace/name"),
                Arguments.of("model:acme/x/y", "namespace/name"),
                Arguments.of("model:/x", "namespace is empty"),
                Arguments.of("model:acme/", "repository name is empty"),
                Arguments.of("model:ac me/x", "namespace"),
                Arguments.of("model:acme/..", "repository name"),
                Arguments.of("model:acme/a..b", "must not contain '..'"),
                Arguments.of("model:acme/a--b", "must not contain '..' or '--'"),
                Arguments.of("model:-acme/x", "starting and ending with a letter or digit"),
                Arguments.of("model:acme/x.", "starting and ending with a letter or digit"),
                Arguments.of("model:" + "a".repeat(65) + "/x", "namespace is longer than 64"),
                Arguments.of("model:acme/" + "x".repeat(97), "repository name is longer than 96"),
                Arguments.of("model:\u0430cme/x", "namespace"), // Cyrillic a, a homoglyph
                Arguments.of("model:acme\u200B/x", "namespace"), // zero-width space
                Arguments.of("model:acme/x\n", "repository name"),
                Arguments.of("account:alice/bob", "account name"),
                Arguments.of("account:", "account name is empty"),
                Arguments.of("post:alice", "author/post-id"),
                Arguments.of("post:alice/p 1", "post id"),
                Arguments.of("discussion:model:acme/x", "repository#number"),
                Arguments.of("discussion:model:acme/x#0", "thread number"),
                Arguments.of("discussion:model:acme/x#012", "without leading zeros"),
                Arguments.of("discussion:model:acme/x#-1", "thread number"),
                Arguments.of("discussion:model:acme/x#1234567890", "thread number"),
                Arguments.of("discussion:account:acme#1", "expected a repository"),
                Arguments.of("discussion:discussion:model:acme/x#1#2", "expected a repository"),
                Arguments.of("comment:model:acme/x#1", "#number/comment-id"),
                Arguments.of("comment:model:acme/x#1/c/d", "#number/comment-id"),
                Arguments.of("comment:post:alice/p-1", "post:author/post-id/comment-id"),
                Arguments.of("file:model:acme/x:main:a.bin", "repository@revision:path"),
                Arguments.of("file:model:acme/x@main", "':' between revision and path"),
                Arguments.of("file:model:acme/x@:a.bin", "revision is empty"),
                Arguments.of("file:model:acme/x@main:", "file path is empty"),
                Arguments.of("file:model:acme/x@main:../../etc/passwd", "path traversal"),
                Arguments.of("file:model:acme/x@main:a/../b", "path traversal"),
                Arguments.of("file:model:acme/x@main:a/./b", "path traversal"),
                Arguments.of("file:model:acme/x@main:a/\uFF0E\uFF0E/b", "path traversal"), // full-width dots
                Arguments.of("file:model:acme/x@main:a\uFF0Fb", "path traversal"), // full-width solidus
                Arguments.of("file:model:acme/x@main:/etc/passwd", "must be relative"),
                Arguments.of("file:model:acme/x@main:a//b", "empty segment"),
                Arguments.of("file:model:acme/x@main:a/", "empty segment"),
                Arguments.of("file:model:acme/x@main:a\\..\\b", "forbidden character U+005C"),
                Arguments.of("file:model:acme/x@main:a\u0000b", "forbidden character U+0000"),
                Arguments.of("file:model:acme/x@main:evil\u202Etxt.exe", "forbidden character U+202E"), // bidi override
                Arguments.of("file:model:acme/x@main:a\u200Db", "forbidden character U+200D"), // zero-width joiner
                Arguments.of("file:model:acme/x@main:a\u00A0b", "forbidden character U+00A0"), // no-break space
                Arguments.of("file:model:acme/x@main:a\uE000b", "forbidden character U+E000"), // private use
                Arguments.of("file:model:acme/x@main:a\uD800b", "forbidden character U+D800"), // lone surrogate
                Arguments.of("file:model:acme/x@main:cafe\u0301.bin", "not in Unicode normal form NFC"),
                Arguments.of("file:model:acme/x@main:" + "a".repeat(256), "segment longer than 255"),
                Arguments.of("file:model:acme/x@main:" + "a/".repeat(600) + "a", "longer than 1024"),
                Arguments.of("file:model:acme/x@v1/../main:a", "valid git ref name"),
                Arguments.of("file:model:acme/x@../main:a", "commit id or a branch or tag name"),
                Arguments.of("file:model:acme/x@feature//x:a", "valid git ref name"),
                Arguments.of("file:model:acme/x@main.lock:a", "valid git ref name"),
                Arguments.of("file:model:acme/x@-rf:a", "commit id or a branch or tag name"),
                Arguments.of("file:model:acme/x@ma in:a", "commit id or a branch or tag name"),
                Arguments.of("file:model:acme/x@" + "a".repeat(256) + ":a", "revision is longer than 255"),
                Arguments.of("model:acme/" + "x".repeat(2000), "longer than 1500"));
    }

    @ParameterizedTest
    @MethodSource("hostileKeys")
    void hostileKeysAreRejectedNamingTheProblem(String key, String expectedMessage) {
        assertThatThrownBy(() -> SubjectRef.parse(key))
                .isInstanceOf(InvalidSubjectException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expectedMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"model:acme/x\n", "file:model:acme/x@main:evil\u202Etxt", "model:acme\u200B/x"})
    void rejectionMessagesAreLogSafe(String key) {
        assertThatThrownBy(() -> SubjectRef.parse(key))
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("\u202E")
                .hasMessageNotContaining("\u200B");
    }

    @Test
    void nullIsRejected() {
        assertThatThrownBy(() -> SubjectRef.parse(null)).isInstanceOf(InvalidSubjectException.class);
    }

    @Test
    void theCanonicalConstructorValidatesToo() {
        assertThatThrownBy(() -> new SubjectRef(
                        SubjectKind.MODEL, SubjectKind.MODEL, "acme", "x", "main", null, null, null, null))
                .isInstanceOf(InvalidSubjectException.class)
                .hasMessageContaining("has no revision");
        assertThatThrownBy(() -> new SubjectRef(
                        SubjectKind.FILE, SubjectKind.ACCOUNT, "acme", "x", "main", "a", null, null, null))
                .hasMessageContaining("belongs to a model, dataset or space repository");
        assertThatThrownBy(() -> SubjectRef.file(SubjectRef.account("acme"), "main", "a"))
                .hasMessageContaining("expected a model, dataset or space repository");
        assertThatThrownBy(() -> SubjectRef.comment(SubjectRef.model("acme", "x"), "c1"))
                .hasMessageContaining("not a model");
        assertThatThrownBy(() -> SubjectRef.repository(SubjectKind.FILE, "acme", "x"))
                .hasMessageContaining("repository kind must be model, dataset or space");
    }

    @Test
    void jacksonWritesAndReadsTheKey() throws Exception {
        ObjectMapper mapper = EventCodec.newObjectMapper();
        SubjectRef ref = SubjectRef.parse("comment:model:acme/llama-7b#12/c-1a2b");
        assertThat(mapper.writeValueAsString(ref)).isEqualTo("\"comment:model:acme/llama-7b#12/c-1a2b\"");
        assertThat(mapper.readValue("\"comment:model:acme/llama-7b#12/c-1a2b\"", SubjectRef.class))
                .isEqualTo(ref);
        assertThat(mapper.writeValueAsString(List.of(ref))).isEqualTo("[\"comment:model:acme/llama-7b#12/c-1a2b\"]");
        assertThatThrownBy(() -> mapper.readValue("\"file:model:acme/x@main:../secret\"", SubjectRef.class))
                .hasMessageContaining("path traversal");
    }

    @Test
    void everyKindMapsToADsaContentType() {
        assertThat(SubjectKind.SPACE.dsaContentType().name()).isEqualTo("CONTENT_TYPE_APP");
        assertThat(SubjectKind.COMMENT.dsaContentType().name()).isEqualTo("CONTENT_TYPE_TEXT");
        assertThat(SubjectKind.MODEL.dsaContentTypeOther()).contains("Machine-learning model repository");
        assertThat(SubjectKind.fromKeyPrefix("pull_request")).contains(SubjectKind.PULL_REQUEST);
        assertThat(SubjectKind.fromKeyPrefix("PULL_REQUEST")).isEmpty();
    }
}

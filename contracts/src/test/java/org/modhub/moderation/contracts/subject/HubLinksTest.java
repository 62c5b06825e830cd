package org.modhub.moderation.contracts.subject;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HubLinksTest {

    private static final HubLinks HUB = new HubLinks("https://huggingface.co");

    @ParameterizedTest
    @CsvSource({
        "https://huggingface.co/acme/llama-7b, model:acme/llama-7b",
        "https://www.huggingface.co/acme/llama-7b, model:acme/llama-7b",
        "https://huggingface.co/datasets/acme/corpus, dataset:acme/corpus",
        "https://huggingface.co/spaces/acme/demo, space:acme/demo",
        "https://huggingface.co/acme/llama-7b/discussions/12, discussion:model:acme/llama-7b#12",
        "https://huggingface.co/alice, account:alice",
        "https://huggingface.co/posts/alice/123456, post:alice/123456",
    })
    void hubUrlsNameTheirSubject(String url, String key) {
        assertThat(HUB.subject(url))
                .map(SubjectRef::key)
                .contains(SubjectRef.parse(key).key());
    }

    @Test
    void aFileLinkKeepsItsRevisionAndPath() {
        SubjectRef file = HUB.subject("https://huggingface.co/acme/llama-7b/blob/main/weights/model.safetensors")
                .orElseThrow();
        assertThat(file.kind()).isEqualTo(SubjectKind.FILE);
        assertThat(file.key()).contains("acme/llama-7b").contains("main").contains("weights/model.safetensors");
    }

    @ParameterizedTest
    @CsvSource({
        "https://evil.example/acme/llama-7b",
        "https://huggingface.co/docs/hub",
        "https://huggingface.co/datasets/acme",
        "https://huggingface.co/",
        "not a url"
    })
    void otherLinksNameNothing(String url) {
        assertThat(HUB.subject(url)).isEmpty();
    }

    @Test
    void linksAreFoundInTextWithoutTrailingPunctuationOrRepeats() {
        assertThat(
                        HubLinks.links(
                                "See https://huggingface.co/acme/x. Also (https://example.org/a), and https://huggingface.co/acme/x!"))
                .containsExactly("https://huggingface.co/acme/x", "https://example.org/a");
    }
}

package org.modhub.moderation.dmca.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.subject.HubLinks;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;

/** Each element of 17 U.S.C. 512(g)(3), checked against what the takedown disabled. */
class CounterNoticeCheckTest {

    private static final CounterNoticeCheck CHECK = new CounterNoticeCheck(new HubLinks("https://huggingface.co"));
    private static final List<SubjectRef> DISABLED = List.of(SubjectRef.parse("model:acme/llm"));
    private static final CounterNoticeInput VALID = new CounterNoticeInput(
            "/John Doe/",
            List.of(new CounterNoticeInput.Item("https://huggingface.co/acme/llm", "my model")),
            true,
            "John Doe",
            "10 Main Street, Springfield",
            "+1 217 555 0142",
            "john@example.org",
            true,
            true);

    @Test
    void aCompleteCounterNoticeNamingTheDisabledMaterialIsValidAndResolved() {
        assertThat(CHECK.deficiencies(VALID, DISABLED)).isEmpty();
        assertThat(CHECK.material(VALID, DISABLED).items())
                .singleElement()
                .isEqualTo(new RemovedMaterial.Item("https://huggingface.co/acme/llm", "model:acme/llm", "my model"));
    }

    @Test
    void aFileOfTheDisabledRepositoryCountsAsItsMaterial() {
        CounterNoticeInput file = new CounterNoticeInput(
                "/John Doe/",
                List.of(new CounterNoticeInput.Item("https://huggingface.co/acme/llm/blob/main/weights.bin", null)),
                true,
                "John Doe",
                "10 Main Street",
                "+1 217 555 0142",
                null,
                true,
                true);
        assertThat(CHECK.deficiencies(file, DISABLED)).isEmpty();
        assertThat(CHECK.material(file, DISABLED).items().get(0).description()).isEmpty();
    }

    @Test
    void eachMissingElementIsNamedByItsFieldInStatutoryOrder() {
        CounterNoticeInput empty = new CounterNoticeInput(
                " ",
                List.of(new CounterNoticeInput.Item("https://huggingface.co/other/x", null)),
                false,
                null,
                " ",
                null,
                "not-an-address",
                false,
                false);
        assertThat(CHECK.deficiencies(empty, DISABLED))
                .extracting(FieldError::field)
                .containsExactly(
                        "signature",
                        "material[0].url",
                        "goodFaithUnderPenaltyOfPerjury",
                        "name",
                        "address",
                        "phone",
                        "email",
                        "consentToJurisdiction",
                        "consentToServiceOfProcess");
        assertThat(CHECK.deficiencies(empty, DISABLED).get(0).message()).startsWith("512(g)(3)(A)");
    }

    @Test
    void noMaterialAtAllIsItsOwnDeficiency() {
        CounterNoticeInput none = new CounterNoticeInput(
                "/John Doe/", List.of(), true, "John Doe", "10 Main Street", "+1 217 555 0142", null, true, true);
        assertThat(CHECK.deficiencies(none, DISABLED))
                .extracting(FieldError::field)
                .containsExactly("material");
    }
}

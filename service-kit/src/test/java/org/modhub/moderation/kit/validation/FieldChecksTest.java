package org.modhub.moderation.kit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;
import org.modhub.moderation.kit.problem.ProblemException;

class FieldChecksTest {

    @Test
    void everyProblemIsCollectedUnderTheFieldNameTheClientWrote() {
        FieldChecks check = new FieldChecks();
        check.text("   ", "explanation", true, 10);
        check.text("x".repeat(11), "title", true, 10);
        check.httpUrls(
                Arrays.asList("https://ok.example/a", "ftp://x.example/b", "javascript:alert(1)", null),
                "evidenceUrls",
                5,
                100);
        check.country("de", "jurisdiction", false);
        check.email("not-an-address", "contactEmail", false);
        check.subjectKey("model:", "subject", true);
        check.oneOf(PolicyCategory.class, "NOPE", "kind", true);
        check.instant("yesterday", "from", false);

        assertThatThrownBy(check::throwIfAny).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly(
                            "explanation",
                            "title",
                            "evidenceUrls[1]",
                            "evidenceUrls[2]",
                            "evidenceUrls[3]",
                            "jurisdiction",
                            "contactEmail",
                            "subject",
                            "kind",
                            "from");
        });
    }

    @Test
    void validValuesComeBackCleanAndAbsentOptionalOnesAreNull() {
        FieldChecks check = new FieldChecks();
        assertThat(check.text("  spam  ", "explanation", true, 10)).isEqualTo("spam");
        assertThat(check.httpUrls(List.of("https://ok.example/a"), "evidenceUrls", 1, 100))
                .containsExactly("https://ok.example/a");
        assertThat(check.httpUrls(null, "evidenceUrls", 1, 100)).isEmpty();
        assertThat(check.countries(List.of("DE", "FR", "DE"), "territorialScope"))
                .containsExactly("DE", "FR");
        assertThat(check.email(" a@example.org ", "contactEmail", true)).isEqualTo("a@example.org");
        assertThat(check.subjectKey("model:acme/x", "subject", true).key()).isEqualTo("model:acme/x");
        assertThat(check.instant("2026-01-31", "from", false)).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
        assertThat(check.country(null, "jurisdiction", false)).isNull();
        assertThat(check.ok()).isTrue();
    }

    @Test
    void tooManyLinksIsOneProblemNotOnePerLink() {
        FieldChecks check = new FieldChecks();
        check.httpUrls(List.of("https://a.example", "https://b.example", "https://c.example"), "evidenceUrls", 2, 100);
        assertThat(check.failed("evidenceUrls")).isTrue();
        assertThatThrownBy(check::throwIfAny).hasMessageContaining("at most 2 links");
    }

    @Test
    void parametersAreRefusedAtOnceWithTheirQueryName() {
        assertThatThrownBy(() -> Params.limit("0", 20, 100)).hasMessageContaining("query.limit");
        assertThatThrownBy(() -> Params.limit("abc", 20, 100)).hasMessageContaining("query.limit");
        assertThat(Params.limit(null, 20, 100)).isEqualTo(20);
        assertThatThrownBy(() -> Params.bool("yes", "overdue")).hasMessageContaining("query.overdue");
        assertThatThrownBy(() -> Params.id("not-a-uuid", "Case"))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(Params.subjectKey("account:alice", "subject")).isEqualTo("account:alice");
    }

    @Test
    void cursorsRoundTripToTheMicrosecondAndForgedOnesAreRefused() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-25T10:15:30.123456Z"), UUID.randomUUID());
        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(PageCursor.decode(null)).isNull();
        assertThatThrownBy(() -> PageCursor.decode("bm90LWEtY3Vyc29y")).hasMessageContaining("query.cursor");
    }

    @Test
    void idsDatesAndListLengthsAreCheckedLikeEveryOtherField() {
        FieldChecks check = new FieldChecks();
        UUID id = UUID.randomUUID();
        assertThat(check.uuid(id.toString(), "decisionId", true)).isEqualTo(id);
        assertThat(check.date("2026-01-31", "settledOn", true)).isEqualTo(java.time.LocalDate.of(2026, 1, 31));
        assertThat(check.bounded(List.of("a", "b"), "material", 2)).isTrue();
        assertThat(check.ok()).isTrue();

        assertThat(check.uuid("1-2-3-4-5", "appealId", false)).isNull();
        assertThat(check.uuid(null, "decisionId", true)).isNull();
        assertThat(check.date("31.01.2026", "submittedOn", true)).isNull();
        assertThat(check.bounded(List.of("a", "b", "c"), "material", 2)).isFalse();
        assertThat(check.bounded(null, "works", 2)).isFalse();
        assertThatThrownBy(check::throwIfAny)
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        new FieldError(
                                                "appealId", "must be a UUID like 0b6c2a9e-1d3f-4e5a-9b7c-2d8e4f6a1b3c"),
                                        new FieldError("decisionId", "is required"),
                                        new FieldError("submittedOn", "must be a date like 2026-01-31"),
                                        new FieldError("material", "must list at most 2 items")));
    }
}

package org.modhub.moderation.kit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;
import org.modhub.moderation.kit.problem.ProblemException;

class ParamsTest {

    @Test
    void aPeriodOfDatesCoversTheWholeLastDay() {
        Params.Range january = Params.range("2026-01-01", "2026-01-31");
        assertThat(january.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(january.to()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        Params.Range hour = Params.range("2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z");
        assertThat(hour.to()).isEqualTo(Instant.parse("2026-01-01T11:00:00Z"));
        assertThat(Params.range("2026-01-01", "2026-01-01").to()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
    }

    @Test
    void aMissingMalformedOrBackwardPeriodNamesTheField() {
        assertThatThrownBy(() -> Params.range(null, "soon"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("query.from", "query.to"));
        assertThatThrownBy(() -> Params.range("2026-02-01", "2026-01-31"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("query.to"));
        assertThatThrownBy(() -> Params.range("2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z"))
                .isInstanceOf(ProblemException.class);
    }
}

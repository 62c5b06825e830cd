package org.modhub.moderation.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.appeals.domain.AppealWindow;

/** The appeal window (DSA Art. 20(1)) as a pure rule: no Quarkus, no infrastructure. */
class AppealWindowTest {

    private static final Instant TOLD = Instant.parse("2026-05-03T17:30:00Z");

    @Test
    void theWindowIsNeverConfiguredBelowSixMonths() {
        assertThat(AppealWindow.of(3).months()).isEqualTo(6);
        assertThat(AppealWindow.of(6).months()).isEqualTo(6);
        assertThat(AppealWindow.of(12).months()).isEqualTo(12);
    }

    @Test
    void itClosesAtTheEndOfTheSameDayMonthsLaterInUtc() {
        AppealWindow window = AppealWindow.of(6);
        assertThat(window.closesOn(TOLD)).isEqualTo(LocalDate.parse("2026-11-03"));
        assertThat(window.closedAt(TOLD, Instant.parse("2026-11-03T23:59:59Z"))).isFalse();
        assertThat(window.closedAt(TOLD, Instant.parse("2026-11-04T00:00:00Z"))).isTrue();
    }

    @Test
    void aMonthWithoutTheDayEndsOnItsLastDay() {
        assertThat(AppealWindow.of(6).closesOn(Instant.parse("2026-08-31T08:00:00Z")))
                .isEqualTo(LocalDate.parse("2027-02-28"));
    }

    @Test
    void theDayIsTheUtcDayEvenLateInTheEvening() {
        // 23:30 in New York on 2 May is 3 May in UTC: the window counts from 3 May.
        assertThat(AppealWindow.of(6).closesOn(Instant.parse("2026-05-03T03:30:00Z")))
                .isEqualTo(LocalDate.parse("2026-11-03"));
    }
}

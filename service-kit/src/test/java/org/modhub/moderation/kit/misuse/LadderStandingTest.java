package org.modhub.moderation.kit.misuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The standing columns' own rules: when a person is suspended, when the timer reinstates them, what the ladder reads. */
class LadderStandingTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    static class Row extends LadderStanding {}

    @Test
    void aSuspensionHoldsUntilItsEndAndThenHasRunOut() {
        Row row = new Row();
        assertThat(row.suspendedAt(NOW)).isFalse();
        assertThat(row.suspensionRanOut(NOW))
                .as("never suspended: nothing to reinstate")
                .isFalse();

        Instant until = NOW.plus(Duration.ofDays(14));
        row.recordSuspension(NOW, until, "Repeated unfounded reports.");
        assertThat(row.suspendedAt(NOW)).isTrue();
        assertThat(row.suspendedAt(until.minusMillis(1))).isTrue();
        assertThat(row.suspensionRanOut(until.minusMillis(1))).isFalse();
        assertThat(row.suspendedAt(until)).isFalse();
        assertThat(row.suspensionRanOut(until)).isTrue();
        assertThat(row.suspensions).isEqualTo(1);
        assertThat(row.suspensionReason).isEqualTo("Repeated unfounded reports.");
        assertThat(row.updatedAt).isEqualTo(NOW);
    }

    @Test
    void endingASuspensionLiftsItAtOnceAndKeepsItsRecord() {
        Row row = new Row();
        row.recordSuspension(NOW, NOW.plus(Duration.ofDays(14)), "Reason.");
        Instant lifted = NOW.plus(Duration.ofDays(2));
        row.endSuspension(lifted);
        assertThat(row.suspendedAt(lifted)).isFalse();
        assertThat(row.suspendedUntil).isEqualTo(lifted);
        assertThat(row.updatedAt).isEqualTo(lifted);
        assertThat(row.suspensions).isEqualTo(1);
        assertThat(row.standing()).isEqualTo(new MisuseLadder.Standing(null, NOW, 1));
    }

    @Test
    void theLadderReadsTheLastWarningAndSuspension() {
        Row row = new Row();
        row.recordWarning(NOW);
        row.recordWarning(NOW.plusSeconds(60));
        assertThat(row.warnings).isEqualTo(2);
        assertThat(row.standing()).isEqualTo(new MisuseLadder.Standing(NOW.plusSeconds(60), null, 0));
    }
}

package org.modhub.moderation.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.taxonomy.Severity;

/** The queue-order rule of review-service/README.md, as a pure function (no database). */
class CasePriorityTest {

    @Test
    void aTrustedFlaggersCaseSortsAheadOfEveryCaseOfTheSameSeverityEscalatedOrNot() {
        int trusted = CasePriority.of(Severity.LOW, false, 1, 1);
        int escalatedWithManyReports = CasePriority.of(Severity.LOW, true, 0, 5_000);
        int plainWithManyReports = CasePriority.of(Severity.LOW, false, 0, 5_000);
        assertThat(trusted).isGreaterThan(escalatedWithManyReports).isGreaterThan(plainWithManyReports);
        assertThat(CasePriority.of(Severity.LOW, true, 1, 1)).isGreaterThan(trusted);
    }

    @Test
    void severityStillDominatesTrustedFlaggersEscalationAndVolume() {
        int lowEverything = CasePriority.of(Severity.LOW, true, 10_000, 10_000);
        assertThat(CasePriority.of(Severity.MEDIUM, false, 0, 0)).isGreaterThan(lowEverything);
        assertThat(CasePriority.of(Severity.CRITICAL, false, 0, 0))
                .isGreaterThan(CasePriority.of(Severity.HIGH, true, 10_000, 10_000));
    }

    @Test
    void withinTheSameStandingMoreTrustedReportsThenMoreReportsComeFirst() {
        assertThat(CasePriority.of(Severity.HIGH, false, 2, 2))
                .isGreaterThan(CasePriority.of(Severity.HIGH, false, 1, 900));
        assertThat(CasePriority.of(Severity.HIGH, false, 0, 3))
                .isGreaterThan(CasePriority.of(Severity.HIGH, false, 0, 2));
        assertThat(CasePriority.of(Severity.HIGH, false, 0, 2_000))
                .isEqualTo(CasePriority.of(Severity.HIGH, false, 0, 999));
    }

    @Test
    void aCaseLinkedToRemovedContentSortsAheadOfOrdinaryCasesOfItsSeverityButBehindEscalatedAndTrustedOnes() {
        int linked = CasePriority.of(Severity.MEDIUM, false, true, 0, 0);
        assertThat(linked)
                .isGreaterThan(CasePriority.of(Severity.MEDIUM, false, false, 0, 5_000))
                .isGreaterThan(CasePriority.of(Severity.MEDIUM, false, 0, 999))
                .isLessThan(CasePriority.of(Severity.MEDIUM, true, false, 0, 0))
                .isLessThan(CasePriority.of(Severity.MEDIUM, false, false, 1, 1))
                .isLessThan(CasePriority.of(Severity.HIGH, false, false, 0, 0));
        // Every term together still stays below the next severity.
        assertThat(CasePriority.of(Severity.MEDIUM, true, true, 10_000, 10_000))
                .isLessThan(CasePriority.of(Severity.HIGH, false, false, 0, 0));
        // An escalated linked case before an escalated ordinary one.
        assertThat(CasePriority.of(Severity.LOW, true, true, 0, 0))
                .isGreaterThan(CasePriority.of(Severity.LOW, true, false, 0, 999));
    }

    @Test
    void aTrustedFlaggersNoticeIsDueInHalfTheTimeOfItsSeverity() {
        assertThat(CasePriority.dueAfter(Duration.ofDays(7), true, 2)).isEqualTo(Duration.ofHours(84));
        assertThat(CasePriority.dueAfter(Duration.ofDays(7), false, 2)).isEqualTo(Duration.ofDays(7));
        assertThat(CasePriority.dueAfter(Duration.ofHours(4), true, 1)).isEqualTo(Duration.ofHours(4));
    }
}

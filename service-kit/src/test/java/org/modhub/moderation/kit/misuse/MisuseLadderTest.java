package org.modhub.moderation.kit.misuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.kit.misuse.MisuseLadder.Finding;
import org.modhub.moderation.kit.misuse.MisuseLadder.Kind;
import org.modhub.moderation.kit.misuse.MisuseLadder.Standing;

/** The Art. 23 ladder as a pure rule: warn first, then suspend for a doubling, capped time. */
class MisuseLadderTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final Standing CLEAN = new Standing(null, null, 0);

    record Rules(
            Duration lookback,
            int warnAt,
            int suspendAt,
            double minUnfoundedShare,
            Duration suspension,
            Duration maxSuspension)
            implements MisuseLadder.Rules {}

    static final Rules RULES = new Rules(Duration.ofDays(180), 3, 5, 0.5, Duration.ofDays(14), Duration.ofDays(90));

    static List<Finding> findings(int count, int weight, Instant at) {
        List<Finding> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new Finding(UUID.randomUUID(), at, weight));
        }
        return list;
    }

    @Test
    void belowTheWarningThresholdNothingHappens() {
        assertThat(MisuseLadder.next(RULES, CLEAN, findings(2, 1, NOW.minusSeconds(60)), 2, NOW)
                        .kind())
                .isEqualTo(Kind.NONE);
    }

    @Test
    void enoughFindingsEarnAWarningFirstNeverASuspension() {
        var step = MisuseLadder.next(RULES, CLEAN, findings(6, 1, NOW.minusSeconds(60)), 6, NOW);
        assertThat(step.kind()).isEqualTo(Kind.WARN);
        assertThat(step.counted()).hasSize(6);
        assertThat(step.until()).isNull();
    }

    @Test
    void graveFindingsWeighMore() {
        assertThat(MisuseLadder.next(RULES, CLEAN, findings(2, 2, NOW.minusSeconds(60)), 2, NOW)
                        .kind())
                .isEqualTo(Kind.WARN);
    }

    @Test
    void aSmallShareOfEverythingDecidedIsNoMisuse() {
        // Art. 23(3)(b): 6 unfounded out of 20 decided is under half.
        assertThat(MisuseLadder.next(RULES, CLEAN, findings(6, 1, NOW.minusSeconds(60)), 20, NOW)
                        .kind())
                .isEqualTo(Kind.NONE);
    }

    @Test
    void afterAWarningEnoughFindingsSuspendForTheFirstLength() {
        Standing warned = new Standing(NOW.minus(Duration.ofDays(1)), null, 0);
        var step = MisuseLadder.next(RULES, warned, findings(5, 1, NOW.minusSeconds(60)), 5, NOW);
        assertThat(step.kind()).isEqualTo(Kind.SUSPEND);
        assertThat(step.until()).isEqualTo(NOW.plus(Duration.ofDays(14)));
    }

    @Test
    void aWarningOlderThanTheLookBackNoLongerCounts() {
        Standing warnedLongAgo = new Standing(NOW.minus(Duration.ofDays(200)), null, 0);
        assertThat(MisuseLadder.next(RULES, warnedLongAgo, findings(5, 1, NOW.minusSeconds(60)), 5, NOW)
                        .kind())
                .isEqualTo(Kind.WARN);
    }

    @Test
    void findingsBeforeTheLastSuspensionAreSpent() {
        Instant suspended = NOW.minus(Duration.ofDays(10));
        Standing after = new Standing(NOW.minus(Duration.ofDays(1)), suspended, 1);
        List<Finding> old = findings(5, 1, suspended.minusSeconds(60));
        assertThat(MisuseLadder.next(RULES, after, old, 5, NOW).kind()).isEqualTo(Kind.NONE);
    }

    @Test
    void eachSuspensionDoublesUpToTheCap() {
        assertThat(MisuseLadder.suspensionLength(RULES, 0)).isEqualTo(Duration.ofDays(14));
        assertThat(MisuseLadder.suspensionLength(RULES, 1)).isEqualTo(Duration.ofDays(28));
        assertThat(MisuseLadder.suspensionLength(RULES, 2)).isEqualTo(Duration.ofDays(56));
        assertThat(MisuseLadder.suspensionLength(RULES, 3)).isEqualTo(Duration.ofDays(90));
        assertThat(MisuseLadder.suspensionLength(RULES, 60)).isEqualTo(Duration.ofDays(90));
    }
}

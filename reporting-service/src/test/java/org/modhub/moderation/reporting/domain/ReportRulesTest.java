package org.modhub.moderation.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.reporting.ReportChannel;
import org.modhub.moderation.contracts.event.reporting.ReportVisibility;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;

/** The policy's rules about reports, without Quarkus or infrastructure. */
class ReportRulesTest {

    private static final SubjectRef MODEL = SubjectRef.parse("model:acme/llama-7b");

    @Test
    void onlyAnInPlatformReportOnRepositoryContentIsPublic() {
        assertThat(ReportRules.visibility(MODEL, ReportChannel.IN_PLATFORM)).isEqualTo(ReportVisibility.PUBLIC);
        assertThat(ReportRules.visibility(SubjectRef.file(MODEL, "main", "data/users.csv"), ReportChannel.IN_PLATFORM))
                .isEqualTo(ReportVisibility.PUBLIC);
        assertThat(ReportRules.visibility(
                        SubjectRef.parse("discussion:model:acme/llama-7b#12"), ReportChannel.IN_PLATFORM))
                .isEqualTo(ReportVisibility.PRIVATE);
        assertThat(ReportRules.visibility(MODEL, ReportChannel.EMAIL)).isEqualTo(ReportVisibility.PRIVATE);
        assertThat(ReportRules.visibility(MODEL, ReportChannel.DETECTOR)).isEqualTo(ReportVisibility.PRIVATE);
        assertThat(ReportRules.visibility(MODEL, ReportChannel.INTERNAL)).isEqualTo(ReportVisibility.PRIVATE);
    }

    @Test
    void whetherAReportAllegesIllegalContentDefaultsFromItsSubcategoryElseTheUnlawfulCategory() {
        assertThat(ReportRules.allegesIllegalByDefault(
                        PolicyCategory.HARMFUL_OR_ABUSIVE, PolicySubcategory.HATE_SPEECH))
                .isTrue();
        assertThat(ReportRules.allegesIllegalByDefault(PolicyCategory.HARMFUL_OR_ABUSIVE, PolicySubcategory.HARASSMENT))
                .isFalse();
        assertThat(ReportRules.allegesIllegalByDefault(PolicyCategory.UNLAWFUL, null))
                .isTrue();
        assertThat(ReportRules.allegesIllegalByDefault(PolicyCategory.PLATFORM_ABUSE, null))
                .isFalse();
    }

    @Test
    void aTrustedFlaggersReportIsATrustedFlaggerNoticeWhateverItAlleges() {
        assertThat(ReportRules.notifierSourceType(true, false)).isEqualTo(SourceType.SOURCE_TRUSTED_FLAGGER);
        assertThat(ReportRules.notifierSourceType(true, true)).isEqualTo(SourceType.SOURCE_TRUSTED_FLAGGER);
        assertThat(ReportRules.notifierSourceType(false, true)).isEqualTo(SourceType.SOURCE_ARTICLE_16);
        assertThat(ReportRules.notifierSourceType(false, false)).isEqualTo(SourceType.SOURCE_TYPE_OTHER_NOTIFICATION);
    }

    @Test
    void aFalseAllegationOfAHighOrCriticalHarmWeighsTheGraveWeightOthersOne() {
        assertThat(ReportRules.misuseWeight(
                        PolicyCategory.HARMFUL_OR_ABUSIVE, PolicySubcategory.CHILD_SEXUAL_ABUSE_MATERIAL, 2))
                .isEqualTo(2);
        assertThat(ReportRules.misuseWeight(PolicyCategory.HARMFUL_OR_ABUSIVE, PolicySubcategory.HATE_SPEECH, 3))
                .isEqualTo(3);
        assertThat(ReportRules.misuseWeight(PolicyCategory.HARMFUL_OR_ABUSIVE, PolicySubcategory.HARASSMENT, 2))
                .isEqualTo(1);
        assertThat(ReportRules.misuseWeight(PolicyCategory.PLATFORM_ABUSE, PolicySubcategory.SPAM, 2))
                .isEqualTo(1);
        // A mailed report staff never categorised alleged nothing grave.
        assertThat(ReportRules.misuseWeight(null, null, 2)).isEqualTo(1);
    }

    @Test
    void aRateLimitedNotifierWaitsUntilTheOldestReportLeavesTheWindowRoundedUpToWholeSeconds() {
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        Duration hour = Duration.ofHours(1);
        assertThat(ReportRules.retryAfter(now, now.minus(Duration.ofMinutes(59)), hour))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(ReportRules.retryAfter(now, now.minus(Duration.ofMinutes(30)).minusMillis(1), hour))
                .isEqualTo(Duration.ofSeconds(1800));
        assertThat(ReportRules.retryAfter(now, now.minus(Duration.ofMinutes(30)).plusMillis(1), hour))
                .isEqualTo(Duration.ofSeconds(1801));
        // Never less than a second, even when the slot is free by now.
        assertThat(ReportRules.retryAfter(now, now.minus(hour), hour)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ReportRules.retryAfter(now, null, hour)).isEqualTo(hour);
    }
}

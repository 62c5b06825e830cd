package org.modhub.moderation.reporting.domain;

import java.time.Duration;
import java.time.Instant;

import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.reporting.ReportChannel;
import org.modhub.moderation.contracts.event.reporting.ReportVisibility;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.contracts.taxonomy.Severity;
import org.modhub.moderation.contracts.taxonomy.Taxonomy;

/** The policy's rules about reports, in one place. */
public final class ReportRules {

    private ReportRules() {}

    /**
     * The policy: an in-platform report on a repository (or a file in it) opens a public report;
     * reports on discussions, pull requests, comments, posts and accounts, and every report by mail,
     * detector or staff, go to the team only.
     */
    public static ReportVisibility visibility(SubjectRef subject, ReportChannel channel) {
        boolean repositoryContent = subject.isRepository() || subject.kind() == SubjectKind.FILE;
        return channel == ReportChannel.IN_PLATFORM && repositoryContent
                ? ReportVisibility.PUBLIC
                : ReportVisibility.PRIVATE;
    }

    /** Whether a report of this kind alleges illegal content by default (a DSA Art. 16 notice). */
    public static boolean allegesIllegalByDefault(PolicyCategory category, PolicySubcategory subcategory) {
        if (subcategory != null) {
            return subcategory.allegesIllegalContent();
        }
        return category == PolicyCategory.UNLAWFUL;
    }

    /** The DSA source type of a notifier's report (Art. 16 notice, trusted flagger, or other notification). */
    public static SourceType notifierSourceType(boolean trustedFlagger, boolean allegesIllegal) {
        if (trustedFlagger) {
            return SourceType.SOURCE_TRUSTED_FLAGGER;
        }
        return allegesIllegal ? SourceType.SOURCE_ARTICLE_16 : SourceType.SOURCE_TYPE_OTHER_NOTIFICATION;
    }

    /** Whether an unfounded report of this kind weighs more: it alleged a high or critical harm. */
    public static boolean grave(PolicyCategory category, PolicySubcategory subcategory) {
        if (category == null) {
            return false;
        }
        Severity severity = Taxonomy.severityOf(category, subcategory);
        return severity == Severity.HIGH || severity == Severity.CRITICAL;
    }

    /** How much one manifestly unfounded report weighs on the misuse ladder (gravity, Art. 23(3)(c)). */
    public static int misuseWeight(PolicyCategory category, PolicySubcategory subcategory, int graveWeight) {
        return grave(category, subcategory) ? graveWeight : 1;
    }

    /**
     * How long a rate-limited notifier waits: until the oldest report in the window leaves it, in whole seconds rounded
     * up, at least one.
     */
    public static Duration retryAfter(Instant now, Instant oldestInWindow, Duration window) {
        Instant freeAt = (oldestInWindow == null ? now : oldestInWindow).plus(window);
        return Duration.ofSeconds(Math.max(
                1, (long) Math.ceil(Duration.between(now, freeAt).toMillis() / 1000.0)));
    }
}

package org.modhub.moderation.review.domain;

import java.time.Duration;

import org.modhub.moderation.contracts.taxonomy.Severity;
import org.modhub.moderation.review.persistence.CaseEntity;

/**
 * A case's place in the queue and its due time. The queue is ordered by priority (higher first),
 * then due time (earlier first), then id. Priority, term by term, each capped below the step of the
 * one above it so it can never outrank it:
 * <ol>
 * <li>severity (rank × 1,000,000): a more severe case always comes first;</li>
 * <li>a trusted flagger's notice among its reports (+500,000): DSA Art. 22 says such notices are
 * "given priority and processed and decided upon without undue delay", so within a severity a case
 * with one sorts ahead of every case without one, escalated or not;</li>
 * <li>escalated (+250,000): deadline passed, owner silent, severity raised, or by hand;</li>
 * <li>linked to removed content (+100,000): matching-service recognised the subject as a re-upload of content a
 * decision removed, as declaring it as its base model, or as a derivative of it ({@code matching.events}, issue 25).
 * Such a case sorts ahead of every ordinary case of its severity however many reports those hold, because the same
 * content was already judged once; it stays behind escalated ones, whose due time has passed or which a person
 * raised, because the hub already refused or held the upload, so nobody sees it while it waits;</li>
 * <li>trusted flaggers' reports (× 1,000, at most 99), then reports (at most 999).</li>
 * </ol>
 * A trusted flagger's notice also shortens the due time: the severity's time divided by
 * {@code review.due.trusted-flagger-divisor} (default 2).
 */
public final class CasePriority {

    static final int SEVERITY_STEP = 1_000_000;
    static final int TRUSTED_FLAGGER = 500_000;
    static final int ESCALATED = 250_000;
    static final int LINKED_TO_REMOVED_CONTENT = 100_000;

    private CasePriority() {}

    public static int of(Severity severity, boolean escalated, int trustedReports, int reports) {
        return of(severity, escalated, false, trustedReports, reports);
    }

    /** As {@link #of(Severity, boolean, int, int)}, for a case that may be linked to removed content. */
    public static int of(
            Severity severity, boolean escalated, boolean linkedToRemovedContent, int trustedReports, int reports) {
        return severity.rank() * SEVERITY_STEP
                + (trustedReports > 0 ? TRUSTED_FLAGGER : 0)
                + (escalated ? ESCALATED : 0)
                + (linkedToRemovedContent ? LINKED_TO_REMOVED_CONTENT : 0)
                + Math.min(trustedReports, 99) * 1_000
                + Math.min(Math.max(reports, 0), 999);
    }

    /** How long after intake a case is due: the severity's time, divided by {@code divisor} for a trusted flagger's notice. */
    public static Duration dueAfter(Duration severityDue, boolean trustedFlagger, int divisor) {
        return trustedFlagger && divisor > 1 ? severityDue.dividedBy(divisor) : severityDue;
    }

    public static void update(CaseEntity c) {
        c.priority = of(
                c.severity,
                c.escalated,
                c.detection != null && c.linkedDecisionReversedBy == null,
                c.trustedReports,
                c.reportCount);
    }
}

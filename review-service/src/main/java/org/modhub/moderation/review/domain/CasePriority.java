package org.modhub.moderation.review.domain;

import org.modhub.moderation.contracts.taxonomy.Severity;
import org.modhub.moderation.review.persistence.CaseEntity;

/**
 * A case's place in the queue, higher first: its severity dominates, then an escalation, then
 * reports from trusted flaggers (DSA Art. 22: handled with priority), then the number of reports.
 * Each lower term is capped below the step of the one above it, so it can never outrank it.
 */
public final class CasePriority {

    private CasePriority() {
    }

    public static int of(Severity severity, boolean escalated, int trustedReports, int reports) {
        return severity.rank() * 1_000_000 + (escalated ? 500_000 : 0) + Math.min(trustedReports, 99) * 1_000
                + Math.min(reports, 999);
    }

    public static void update(CaseEntity c) {
        c.priority = of(c.severity, c.escalated, c.trustedReports, c.reportCount);
    }
}

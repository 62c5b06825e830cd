package org.modhub.moderation.reporting.privacy;

import java.time.Clock;
import java.time.Instant;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code closed-reports}: once a report is closed — decided, withdrawn, or a mail whose sender never gave the content's
 * location — and the period has passed (the six months of DSA Art. 20(1) in which the notifier may complain about the
 * decision, and be told about it), the notifier's identity goes from the report as in an erasure
 * ({@link ReportIdentity}, with the reference {@value ReportIdentity#EXPIRED_REF}); the report stays for the record and
 * the transparency figures. Each row is anonymised once ({@code anonymised_at}).
 */
@ApplicationScoped
public class ClosedReportsRetention implements RetentionRule {

    /** When a report's retention period starts; null while it is open (index {@code report_identity_retention}). */
    static final String CLOSED_AT = "(CASE status WHEN 'DECIDED' THEN decided_at WHEN 'WITHDRAWN' THEN withdrawn_at "
            + "WHEN 'AWAITING_LOCATION' THEN updated_at END)";

    private final Clock clock;

    public ClosedReportsRetention(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "closed-reports";
    }

    @Override
    public String description() {
        return "Reports decided, withdrawn or left awaiting the content's location before the cutoff lose their "
                + "notifier's identity (account, name, address, raw mail, identifiers in their words); the report stays";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(ReportIdentity.UPDATE + "WHERE id IN (SELECT id FROM report "
                                + "WHERE anonymised_at IS NULL AND " + CLOSED_AT + " < :cutoff ORDER BY " + CLOSED_AT
                                + " LIMIT :limit FOR UPDATE SKIP LOCKED)")
                        .setParameter("extra", "")
                        .setParameter("ref", ReportIdentity.EXPIRED_REF)
                        .setParameter("now", clock.instant())
                        .setParameter("cutoff", cutoff)
                        .setParameter("limit", limit)
                        .executeUpdate());
    }
}

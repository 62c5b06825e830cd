package org.modhub.moderation.review.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who reported, on the reports of a case closed longer than the period ({@code kit.privacy.retention.case-reporters}):
 * the reporter's id becomes {@value #REF} and the address goes. The decision never needed who reported; a complaint
 * against it (DSA Art. 20) is lodged within six months, and reporting-service keeps the notifier's own record. The
 * report stays, anonymous, in the case and in the DSA Art. 15/24 figures. Reports of open cases are not touched.
 */
@ApplicationScoped
public class CaseReportersRetention implements RetentionRule {

    public static final String KIND = "case-reporters";

    /** What replaces a reporter's id once their identity has expired (an erasure writes its own reference). */
    static final String REF = "erased:retention";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "Reports of cases closed before the cutoff: the reporter's id becomes " + REF
                + " and their address is removed; the report stays for the case history and the transparency figures";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        // Only rows that still name someone are picked, so a batch never takes the same rows again.
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("""
                                UPDATE case_report SET reporter_id = :ref, reporter_email = NULL
                                WHERE report_id IN (
                                    SELECT r.report_id FROM case_report r JOIN review_case c ON c.id = r.case_id
                                    WHERE c.state = 'CLOSED' AND c.closed_at < :cutoff
                                      AND (r.reporter_email IS NOT NULL
                                           OR (r.reporter_id IS NOT NULL AND r.reporter_id NOT LIKE 'erased:%'))
                                    ORDER BY c.closed_at LIMIT :limit
                                    FOR UPDATE OF r SKIP LOCKED)
                                """)
                        .setParameter("ref", REF)
                        .setParameter("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                        .setParameter("limit", limit)
                        .executeUpdate());
    }
}

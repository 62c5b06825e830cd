package org.modhub.moderation.dmca.privacy;

import java.time.Instant;
import java.util.Map;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@value #KIND}: a notice never acted on — rejected, or incomplete and never completed — is deleted the period after
 * its last change, with the versions it superseded and the mail on its thread. Nothing was taken down on it, so no
 * 512(g) record depends on it; the period lets legal see a sender's history of rejected notices (abuse signals) and
 * lets a late revision still find its original.
 */
@ApplicationScoped
public class UnactedNoticesRetention implements RetentionRule {

    public static final String KIND = "rejected-notices";

    private static final String PURGE = """
            WITH RECURSIVE heads AS (
                SELECT id FROM dmca_notice
                WHERE revised_by IS NULL AND status IN ('REJECTED', 'INCOMPLETE') AND updated_at < :cutoff
                ORDER BY updated_at, id LIMIT :limit FOR UPDATE SKIP LOCKED
            ), versions(id, revision_of) AS (
                SELECT id, revision_of FROM dmca_notice WHERE id IN (SELECT id FROM heads)
                UNION ALL
                SELECT p.id, p.revision_of FROM dmca_notice p JOIN versions v ON p.id = v.revision_of
            ), mails AS (
                DELETE FROM dmca_thread_mail WHERE notice_id IN (SELECT id FROM versions) RETURNING id
            )
            DELETE FROM dmca_notice WHERE id IN (SELECT id FROM versions)""";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "notices never acted on (rejected, or incomplete and never completed), with the versions they "
                + "superseded and the mail on their thread, are deleted the period after their last change";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return PrivacySql.update(PURGE, Map.of("cutoff", cutoff, "limit", limit));
    }
}

package org.modhub.moderation.dmca.privacy;

import java.time.Instant;
import java.util.Map;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@value #KIND}: mail on a notice's or takedown's thread that is not court-action evidence kept for the record
 * (correspondence, counter-notices by mail — the counter-notice itself is kept apart —, additions, dismissed
 * evidence) is deleted the period after it arrived: staff need it while the case moves, not afterwards. Evidence
 * still waiting for legal stays until legal decides.
 */
@ApplicationScoped
public class ThreadCorrespondenceRetention implements RetentionRule {

    public static final String KIND = "thread-correspondence";

    private static final String PURGE = """
            DELETE FROM dmca_thread_mail WHERE id IN (
                SELECT id FROM dmca_thread_mail
                WHERE received_at < :cutoff
                  AND NOT (kind = 'COURT_ACTION_EVIDENCE' AND status IN ('CONFIRMED', 'AWAITING_CONFIRMATION'))
                ORDER BY received_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)""";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "thread mail other than confirmed or pending court-action evidence is deleted the period after it arrived";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return PrivacySql.update(PURGE, Map.of("cutoff", cutoff, "limit", limit));
    }
}

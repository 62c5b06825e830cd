package org.modhub.moderation.dmca.privacy;

import java.time.Instant;
import java.util.Map;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@value #KIND}: court-action evidence legal confirmed (it stopped a restoration, 17 U.S.C. 512(g)(2)(C)) is part of
 * the notice's record: deleted the period after the notice closed, as the rest of that record is anonymised. Other
 * thread mail goes sooner ({@link ThreadCorrespondenceRetention}).
 */
@ApplicationScoped
public class ThreadMailRetention implements RetentionRule {

    public static final String KIND = "thread-mail";

    private static final String PURGE = """
            DELETE FROM dmca_thread_mail WHERE id IN (
                SELECT m.id FROM dmca_thread_mail m JOIN dmca_notice_closing c ON c.notice_id = m.notice_id
                WHERE m.kind = 'COURT_ACTION_EVIDENCE' AND m.status = 'CONFIRMED' AND c.closed_at < :cutoff
                ORDER BY m.received_at, m.id LIMIT :limit FOR UPDATE OF m SKIP LOCKED)""";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "court-action evidence legal confirmed is deleted the period after its notice closed";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return PrivacySql.update(PURGE, Map.of("cutoff", cutoff, "limit", limit));
    }
}

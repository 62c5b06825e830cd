package org.modhub.moderation.dmca.privacy;

import java.time.Instant;
import java.util.Map;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@value #KIND}: three years (17 U.S.C. 507(b)) after an accepted notice closed ({@code dmca_notice_closing}), the
 * people on it are removed: the claimant's contact, signature, sender address, client address and mailed text (also
 * on the versions it superseded), the counter-notices' name, address, phone, e-mail and signature, and the uploader
 * on its takedowns and strikes. The works, the material, a company claimant's name and the decision stay: the public
 * archive and the transparency figures still read the notice.
 */
@ApplicationScoped
public class DmcaRecordsRetention implements RetentionRule {

    public static final String KIND = "dmca-records";

    /** What replaces an identifier no column may leave empty. */
    static final String ERASED_ID = "erased:retention";
    /** What replaces a text no column may leave empty. */
    static final String ERASED_TEXT = "[erased]";

    private static final String PURGE = """
            WITH RECURSIVE heads AS (
                SELECT n.id FROM dmca_notice n JOIN dmca_notice_closing c ON c.notice_id = n.id
                WHERE n.status = 'ACCEPTED' AND n.anonymised_at IS NULL AND c.closed_at < :cutoff
                ORDER BY c.closed_at, n.id LIMIT :limit FOR UPDATE OF n SKIP LOCKED
            ), versions(id, revision_of) AS (
                SELECT id, revision_of FROM dmca_notice WHERE id IN (SELECT id FROM heads)
                UNION ALL
                SELECT p.id, p.revision_of FROM dmca_notice p JOIN versions v ON p.id = v.revision_of
            ), counters AS (
                UPDATE dmca_counter_notice SET uploader_id = :erasedId, email = :erasedId, signature = :erasedText,
                       name = :erasedText, address = :erasedText, phone = :erasedText
                WHERE notice_id IN (SELECT id FROM heads) RETURNING id
            ), takedowns AS (
                UPDATE dmca_takedown SET uploader_id = :erasedId || ':' || id, uploader_name = :erasedId,
                       uploader_email = :erasedId, uploader_language = NULL
                WHERE notice_id IN (SELECT id FROM heads) RETURNING id
            ), strikes AS (
                UPDATE dmca_strike SET account_id = :erasedId, account_name = :erasedId
                WHERE notice_id IN (SELECT id FROM heads) RETURNING id
            )
            UPDATE dmca_notice SET signature = NULL, contact_name = NULL, contact_email = NULL, contact_address = NULL,
                   contact_phone = NULL, sender_email = NULL, client_address = NULL, original_text = NULL,
                   anonymised_at = now()
            WHERE id IN (SELECT id FROM versions)""";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "accepted notices closed longer than the period: the claimant's contact details, signature and mailed "
                + "text, the counter-notices' name, address, phone, e-mail and signature, and the uploader on "
                + "takedowns and strikes are anonymised; works, material and the decision stay for the public archive";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return PrivacySql.update(
                PURGE, Map.of("cutoff", cutoff, "limit", limit, "erasedId", ERASED_ID, "erasedText", ERASED_TEXT));
    }
}

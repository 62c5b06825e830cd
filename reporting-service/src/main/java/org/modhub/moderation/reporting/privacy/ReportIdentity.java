package org.modhub.moderation.reporting.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * How a report loses its notifier's identity, for an erasure (at once) and for the {@code closed-reports} retention
 * rule (after the complaint window): one statement, so both do exactly the same.
 *
 * <p>The report row stays: review's decision and the transparency figures count it (DSA Arts. 15, 24), and the
 * decision never needed who reported. Account id, notifier key and the withdrawer become {@code ref}; name, contact
 * address, the raw mail and its Message-ID, the Idempotency-Key and its request digest are cleared (their jobs — the
 * outcome mail, replies, replays — end with the notifier's identity); the public view no longer names anyone. The
 * notifier's own words (explanation, withdrawal reason, evidence links) keep their text with the person's identifiers
 * replaced by {@code ref} ({@code report_scrub}). Subject, category, jurisdiction, status and outcome stay: they are the
 * notice, not the notifier.
 */
final class ReportIdentity {

    /** What replaces a notifier's identifiers when the retention period ends (the same for everyone, so unlinkable). */
    static final String EXPIRED_REF = "expired:closed-reports";

    /** The identifiers of the row itself, plus the request's ({@code :extra}, one per line). */
    private static final String NEEDLES = "(ARRAY[contact_email, reporter_name, reporter_id, notifier_key, "
            + "regexp_replace(notifier_key, '^(user|email):', ''), withdrawn_by] "
            + "|| string_to_array(CAST(:extra AS text), chr(10)))";

    /** The anonymising update; its WHERE clause is the caller's. */
    static final String UPDATE = "UPDATE report SET "
            + "explanation = report_scrub(explanation, " + NEEDLES + ", CAST(:ref AS text)), "
            + "withdrawal_reason = report_scrub(withdrawal_reason, " + NEEDLES + ", CAST(:ref AS text)), "
            + "evidence_urls = ARRAY(SELECT report_scrub(e.u, " + NEEDLES + ", CAST(:ref AS text)) "
            + "FROM unnest(evidence_urls) WITH ORDINALITY AS e(u, i) ORDER BY e.i), "
            + "reporter_id = CASE WHEN reporter_id IS NULL THEN NULL ELSE CAST(:ref AS text) END, "
            + "withdrawn_by = CASE WHEN withdrawn_by IS NULL THEN NULL ELSE CAST(:ref AS text) END, "
            + "notifier_key = CAST(:ref AS text), "
            + "reporter_name = NULL, contact_email = NULL, show_reporter_publicly = FALSE, "
            + "original_text = NULL, mail_message_id = NULL, idempotency_key = NULL, request_hash = NULL, "
            + "anonymised_at = :now ";

    private ReportIdentity() {}

    /** Anonymises the reports {@code ids} (an erasure: {@code extra} are the person's identifiers). */
    static Uni<Integer> anonymise(List<UUID> ids, List<String> extra, String ref, Instant now) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(UPDATE + "WHERE id IN (:ids)")
                        .setParameter("ids", ids)
                        .setParameter("extra", String.join("\n", extra))
                        .setParameter("ref", ref)
                        .setParameter("now", now)
                        .executeUpdate());
    }
}

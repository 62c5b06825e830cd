package org.modhub.moderation.appeals.privacy;

import java.time.Clock;
import java.time.Instant;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code resolved-appeals}: a resolved appeal keeps its appellant for the period after its resolution (the misuse ladder
 * of DSA Art. 23(2) counts an appellant's appeals over {@code appeals.misuse.lookback}, so the period must not be
 * shorter), then they are replaced as an erasure replaces them: key {@value #EXPIRED_REF}, no account id, address,
 * residence or mail id, arguments {@value AppealsPersonalData#ERASED_TEXT}, no evidence links. Outcome, dates and flags
 * stay for the complaint figures (DSA Arts. 15(1)(d), 24(1)(b)).
 */
@ApplicationScoped
public class ResolvedAppealsRetention implements RetentionRule {

    /** What replaces an appellant whose time ran out (an erasure writes the request's {@code erased:<id>}). */
    public static final String EXPIRED_REF = "expired";

    private final Clock clock;

    public ResolvedAppealsRetention(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "resolved-appeals";
    }

    @Override
    public String description() {
        return "Resolved appeals: appellant (key, account id, address, residence, mail id), arguments and evidence links "
                + "removed after the period from resolution; outcome and dates stay for the complaint figures";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE appeal SET appellant_key = :ref, appellant_id = NULL, "
                                + "appellant_email = NULL, residence = NULL, mail_message_id = NULL, "
                                + "arguments = :erased, evidence_urls = '{}', anonymised_at = :now, updated_at = :now "
                                + "WHERE id IN (SELECT id FROM appeal WHERE status = 'RESOLVED' AND anonymised_at IS NULL "
                                + "AND resolved_at < :cutoff ORDER BY resolved_at LIMIT :limit FOR UPDATE SKIP LOCKED)")
                        .setParameter("ref", EXPIRED_REF)
                        .setParameter("erased", AppealsPersonalData.ERASED_TEXT)
                        .setParameter("now", clock.instant())
                        .setParameter("cutoff", cutoff)
                        .setParameter("limit", limit)
                        .executeUpdate());
    }
}

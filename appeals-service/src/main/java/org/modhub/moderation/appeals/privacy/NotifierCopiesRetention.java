package org.modhub.moderation.appeals.privacy;

import java.time.Instant;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code notifier-copies}: this service's copy of who filed a report ({@code report_notifier}) is what lets a notifier
 * appeal a decision on it (DSA Art. 20(1)), so it goes the period after the last decision answering the report reached
 * the notifier ({@code told_at}: the appeal window runs from then). A report no decision answered goes the period
 * after it was filed: it was closed without a decision, or its case is far older than any the hub leaves undecided.
 */
@ApplicationScoped
public class NotifierCopiesRetention implements RetentionRule {

    @Override
    public String kind() {
        return "notifier-copies";
    }

    @Override
    public String description() {
        return "Copies of who filed each report: deleted after the period from the last decision on the report "
                + "reaching the notifier (or from filing, if no decision answered it)";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("DELETE FROM report_notifier WHERE report_id IN ("
                                + "SELECT n.report_id FROM report_notifier n WHERE n.filed_at < :cutoff "
                                + "AND coalesce((SELECT max(c.told_at) FROM decision_report r "
                                + "JOIN decision_copy c ON c.decision_id = r.decision_id WHERE r.report_id = n.report_id), "
                                + "n.filed_at) < :cutoff ORDER BY n.filed_at LIMIT :limit FOR UPDATE OF n SKIP LOCKED)")
                        .setParameter("cutoff", cutoff)
                        .setParameter("limit", limit)
                        .executeUpdate());
    }
}

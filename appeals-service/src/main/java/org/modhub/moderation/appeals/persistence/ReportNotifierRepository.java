package org.modhub.moderation.appeals.persistence;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Who filed each report. */
@ApplicationScoped
public class ReportNotifierRepository implements PanacheRepositoryBase<ReportNotifierEntity, UUID> {

    /** The notifiers of the reports a decision answers (those whose ReportFiled has arrived). */
    public Uni<List<ReportNotifierEntity>> ofDecision(UUID decisionId) {
        return list("reportId in (select r.reportId from DecisionReportEntity r where r.decisionId = ?1)", decisionId);
    }

    /** Records the notifier in one statement; a report already recorded (the filing relayed again) keeps its first row. */
    public Uni<Void> insertIfAbsent(ReportNotifierEntity notifier) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO report_notifier (report_id, reporter_id, reporter_email, jurisdiction, filed_at) "
                                        + "VALUES (:report, :reporter, :email, :jurisdiction, :filedAt) ON CONFLICT (report_id) DO NOTHING")
                        .setParameter("report", notifier.reportId)
                        .setParameter("reporter", notifier.reporterId)
                        .setParameter("email", notifier.reporterEmail)
                        .setParameter("jurisdiction", notifier.jurisdiction)
                        .setParameter("filedAt", notifier.filedAt)
                        .executeUpdate())
                .replaceWithVoid();
    }
}

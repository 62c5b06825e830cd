package org.modhub.moderation.reporting.domain;

import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.reporting.ReportVisibility;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.reporting.persistence.ReportEntity;
import org.modhub.moderation.reporting.persistence.ReportRepository;
import org.modhub.moderation.reporting.persistence.SearchCriteria;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads reports back: one by id, the public view, a reporter's own and staff search (newest first, keyset paged). */
@ApplicationScoped
public class ReportQueries {

    private final ReportRepository reports;

    public ReportQueries(ReportRepository reports) {
        this.reports = reports;
    }

    /** A report for its reporter or staff; anyone else gets the same 404 as for a missing one. */
    @WithSession
    public Uni<ReportEntity> get(UUID id) {
        return reports.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Report", id));
    }

    /** A public repository report; private and unknown reports are a 404 alike. */
    @WithSession
    public Uni<ReportEntity> getPublic(UUID id) {
        return reports.findById(id).map(report -> {
            if (report == null || report.visibility != ReportVisibility.PUBLIC) {
                throw ProblemException.notFound("Report", id);
            }
            return report;
        });
    }

    /** Up to {@code limit} of the reporter's reports after the cursor. */
    @WithSession
    public Uni<List<ReportEntity>> mine(String reporterId, PageCursor after, int limit) {
        return reports.mine(reporterId, after, limit);
    }

    /** Up to {@code limit} reports matching the criteria after the cursor. */
    @WithSession
    public Uni<List<ReportEntity>> search(SearchCriteria criteria, PageCursor after, int limit) {
        return reports.search(criteria, after, limit);
    }
}

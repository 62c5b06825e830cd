package org.modhub.moderation.contracts.event.review;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.contracts.taxonomy.Severity;
import org.modhub.moderation.contracts.taxonomy.Taxonomy;

/**
 * A review case was opened; there is at most one open case per subject.
 *
 * @param caseId the case's id
 * @param subject what it is about
 * @param category the policy category it was opened under
 * @param subcategory the subcategory, if known
 * @param severity its severity, which sets its queue priority
 * @param origin what led to it
 * @param reportIds the reports it holds so far
 * @param noticeId the DMCA notice, for origin DMCA
 * @param appealId the appeal, for origin APPEAL
 * @param openedAt when
 */
public record CaseOpened(
        UUID caseId,
        SubjectRef subject,
        PolicyCategory category,
        @Nullable PolicySubcategory subcategory,
        Severity severity,
        DecisionOrigin origin,
        List<UUID> reportIds,
        @Nullable UUID noticeId,
        @Nullable UUID appealId,
        Instant openedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.review.CaseOpened.v1";

    public CaseOpened {
        required(caseId, "caseId");
        required(subject, "subject");
        Taxonomy.requireConsistent(category, subcategory);
        required(severity, "severity");
        required(origin, "origin");
        reportIds = list(reportIds, "reportIds");
        Origins.requireNamed(origin, reportIds, noticeId, appealId);
        required(openedAt, "openedAt");
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subjectKey() {
        return subject.key();
    }
}

package org.modhub.moderation.contracts.event.reporting;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.contracts.taxonomy.Taxonomy;

/**
 * A report was filed. Carries the reporter's identity for staff and for Art. 23 checks; it is an
 * internal event, and consumers must never pass the reporter's identity on to the owner.
 *
 * @param reportId the report's id in reporting-service
 * @param subject what is reported
 * @param category the policy category the reporter chose
 * @param subcategory the subcategory, if the reporter chose one
 * @param explanation the reporter's explanation of why the content breaks the policy or the law
 * @param evidenceUrls links the reporter gave (http or https only)
 * @param channel how the report arrived
 * @param sourceType the DSA source type of a decision taken on it
 * @param automatedDetection whether automated means detected the content
 * @param trustedFlagger whether the notifier is a trusted flagger (DSA Art. 22)
 * @param visibility whether it appears in the repository's public report list
 * @param reporterId the reporter's hub user id; null for mail from non-users
 * @param reporterEmail the reporter's address, for mail reports and receipts
 * @param jurisdiction the reporter's country (ISO 3166-1 alpha-2), which decides the redress options they are told of
 * @param filedAt when it was filed
 */
public record ReportFiled(
        UUID reportId,
        SubjectRef subject,
        PolicyCategory category,
        @Nullable PolicySubcategory subcategory,
        String explanation,
        List<String> evidenceUrls,
        ReportChannel channel,
        SourceType sourceType,
        boolean automatedDetection,
        boolean trustedFlagger,
        ReportVisibility visibility,
        @Nullable String reporterId,
        @Nullable String reporterEmail,
        @Nullable String jurisdiction,
        Instant filedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.reporting.ReportFiled.v1";

    public ReportFiled {
        required(reportId, "reportId");
        required(subject, "subject");
        required(category, "category");
        Taxonomy.requireConsistent(category, subcategory);
        required(explanation, "explanation");
        evidenceUrls = list(evidenceUrls, "evidenceUrls");
        evidenceUrls.forEach(url -> httpUrl(url, "evidenceUrls[]"));
        required(channel, "channel");
        required(sourceType, "sourceType");
        required(visibility, "visibility");
        optionalText(reporterId, "reporterId");
        email(reporterEmail, "reporterEmail", true);
        countryCode(jurisdiction, "jurisdiction", true);
        required(filedAt, "filedAt");
        check(
                trustedFlagger == (sourceType == SourceType.SOURCE_TRUSTED_FLAGGER),
                "trustedFlagger must be true exactly when sourceType is SOURCE_TRUSTED_FLAGGER");
        check(channel != ReportChannel.DETECTOR || automatedDetection, "a DETECTOR report has automatedDetection true");
        check(channel != ReportChannel.IN_PLATFORM || reporterId != null, "an IN_PLATFORM report has a reporterId");
        check(channel != ReportChannel.EMAIL || reporterEmail != null, "an EMAIL report has a reporterEmail");
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

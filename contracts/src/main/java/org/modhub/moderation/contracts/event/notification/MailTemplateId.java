package org.modhub.moderation.contracts.event.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every mail a service may ask notification-service for, with the parameters its template cannot
 * render without. The one list both sides build on: a requesting service names its mail by this
 * id and {@link NotificationRequested} refuses a request that lacks a required parameter, so a
 * missing parameter fails the sender's own tests, not a user's mail; notification-service has a
 * template for every id (its tests check it).
 */
public enum MailTemplateId {
    // reporting-service
    // A mailed report whose words named no category is confirmed before staff choose one.
    REPORT_RECEIPT("report-receipt", "reportId", "subject", "filedAt"),
    REPORT_OUTCOME(
            "report-outcome",
            "reportId",
            "subject",
            "actions",
            "decidedAt",
            "policyVersion",
            "manifestlyUnfounded",
            "appealDeadline"),
    REPORT_LOCATION_REQUEST("report-location-request", "reportId"),
    NOTIFIER_WARNING("notifier-warning", "reason", "unfoundedReports"),
    NOTIFIER_SUSPENSION("notifier-suspension", "reason", "until"),
    NOTIFIER_REINSTATED("notifier-reinstated", "reason"),
    // review-service
    OWNER_CHANGES_REQUESTED("owner-changes-requested", "caseId", "subject", "requestedChanges", "deadline"),
    // No territorial scope (nor ground) for a decision that restricts nothing.
    OWNER_DECISION(
            "owner-decision",
            "decisionId",
            "subject",
            "actions",
            "facts",
            "explanation",
            "decidedAt",
            "policyVersion",
            "appealDeadline",
            "automated"),
    DECISION_REVERSED("decision-reversed", "decisionId", "reversedDecisionId", "subject", "actionsLifted", "reason"),
    // dmca-service
    DMCA_NOTICE_INCOMPLETE("dmca-notice-incomplete", "noticeId", "missingElements"),
    DMCA_NOTICE_RECEIVED("dmca-notice-received", "noticeId", "receivedAt"),
    DMCA_NOTICE_ACCEPTED("dmca-notice-accepted", "noticeId", "subjects"),
    DMCA_NOTICE_REJECTED("dmca-notice-rejected", "noticeId", "reason"),
    DMCA_TAKEDOWN_UPLOADER(
            "dmca-takedown-uploader", "noticeId", "subject", "copyrightedWork", "noticeUrl", "counterNoticeUrl"),
    DMCA_PARTIAL_REMOVAL_REQUEST("dmca-partial-removal-request", "noticeId", "subject", "deadline", "filesRemovedUrl"),
    DMCA_COUNTER_NOTICE_FORWARDED(
            "dmca-counter-notice-forwarded",
            "noticeId",
            "counterNoticeId",
            "subject",
            "counterNoticeText",
            "restorationDate"),
    DMCA_RESTORATION_SCHEDULED("dmca-restoration-scheduled", "noticeId", "subject", "restorationDate"),
    DMCA_COURT_ACTION_REPORTED("dmca-court-action-reported", "noticeId", "subject", "court", "caseNumber"),
    DMCA_RESTORATION_DONE("dmca-restoration-done", "noticeId", "subject", "restoredAt"),
    // appeals-service
    APPEAL_RECEIVED("appeal-received", "appealId", "decisionId", "receivedAt"),
    APPEAL_DECIDED("appeal-decided", "appealId", "outcome", "reasons", "decidedAt"),
    APPEAL_DECISION_NEEDED("appeal-decision-needed", "subjectLine", "receivedAt"),
    APPEAL_REFUSED("appeal-refused", "decisionId", "reason"),
    APPELLANT_WARNING("appellant-warning", "reason", "unfoundedAppeals"),
    APPELLANT_SUSPENSION("appellant-suspension", "reason", "until", "unfoundedAppeals"),
    APPELLANT_REINSTATED("appellant-reinstated", "reason"),
    // notification-service itself: the receipt for mail no service owns (feedback@), kept for staff.
    MAIL_RECEIVED("mail-received", "subjectLine", "receivedAt");

    private final String id;
    private final List<String> required;

    MailTemplateId(String id, String... required) {
        this.id = id;
        this.required = List.of(required);
    }

    /** The {@code templateId} of the request, e.g. {@code report-receipt}. */
    public String id() {
        return id;
    }

    /** Parameters the template cannot render without. */
    public List<String> required() {
        return required;
    }

    /** The required parameters absent or blank in {@code parameters}. */
    public List<String> missing(Map<String, String> parameters) {
        return required.stream()
                .filter(name ->
                        parameters.get(name) == null || parameters.get(name).isBlank())
                .toList();
    }

    public static Optional<MailTemplateId> of(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /** Every id, for checks that each has a template. */
    public static Set<String> ids() {
        return Set.copyOf(Arrays.stream(values()).map(MailTemplateId::id).toList());
    }
}

package org.modhub.moderation.notification.mail;

import static org.modhub.moderation.notification.mail.MailWording.RECIPIENT_COUNTRY;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every mail the suite sends. The ids are the contract with the requesting services (contracts'
 * {@code MailTemplateId}); an id is never renamed.
 * Each template lives in {@code templates/mail/<id>.<language>.txt} (first line {@code Subject: ...})
 * and {@code .html}; English exists for all. Senders pass codes, instants and subject keys; {@link MailWording} words
 * them. {@code recipientCountry} (ISO 3166-1 alpha-2, optional) decides which bodies outside the hub a decision mail
 * names: out-of-court settlement for the EU, the eSafety Commissioner for Australia, both when unknown.
 */
public final class MailTemplates {

    private static final Map<String, MailTemplate> ALL = new LinkedHashMap<>();

    private static final String REPORT_ID = "6f2c3a9e-0d1b-4c5e-9a7f-2b8d4e6f1a3c";
    private static final String NOTICE_ID = "0b7e4d2a-5c8f-4e1b-9d3a-6f2c8b1e7d4a";
    private static final String SUBJECT = "model:acme/llama-7b";
    private static final String DECISION_ID = "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d";
    private static final String CASE_ID = "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9";
    private static final String APPEAL_ID = "9c8b7a6d-5e4f-4321-9abc-def012345678";

    static {
        add(
                "report-receipt",
                "Receipt of a report (DSA Art. 16(4))",
                List.of("reportId", "subject", "filedAt"),
                List.of("category", "categoryTitle", "subcategory", "visibility"),
                Set.of(),
                Map.of(
                        "reportId",
                        REPORT_ID,
                        "subject",
                        SUBJECT,
                        "category",
                        "platform_abuse",
                        "categoryTitle",
                        "Platform Abuse, Security Violations and Spam",
                        "subcategory",
                        "spam",
                        "visibility",
                        "PRIVATE",
                        "filedAt",
                        "2026-05-02T09:15:30Z"));
        add(
                "report-outcome",
                "The decision on a report and how to contest it (DSA Art. 16(5))",
                List.of(
                        "reportId",
                        "subject",
                        "actions",
                        "decidedAt",
                        "policyVersion",
                        "manifestlyUnfounded",
                        "appealDeadline"),
                List.of("category", "decisionId", RECIPIENT_COUNTRY),
                Set.of("actions"),
                sample(
                        "reportId",
                        REPORT_ID,
                        "subject",
                        SUBJECT,
                        "actions",
                        "DISABLE",
                        "category",
                        "platform_abuse",
                        "decidedAt",
                        "2026-05-03T10:00:00Z",
                        "policyVersion",
                        "2026-01",
                        "manifestlyUnfounded",
                        "false",
                        "appealDeadline",
                        "2026-11-03T10:00:00Z",
                        "decisionId",
                        DECISION_ID));
        add(
                "report-location-request",
                "A mail to safety@ named no hub URL: where exactly is the content?",
                List.of("reportId"),
                List.of(),
                Set.of(),
                Map.of("reportId", REPORT_ID));
        add(
                "notifier-warning",
                "Warning for frequent manifestly unfounded reports (DSA Art. 23(2))",
                List.of("reason", "unfoundedReports"),
                List.of(),
                Set.of(),
                Map.of("reason", "Most of your recent reports were manifestly unfounded.", "unfoundedReports", "4"));
        add(
                "notifier-suspension",
                "Suspension of report processing (DSA Art. 23(2))",
                List.of("reason", "until"),
                List.of(),
                Set.of(),
                Map.of(
                        "reason",
                        "Repeated manifestly unfounded reports after a warning.",
                        "until",
                        "2026-06-01T00:00:00Z"));
        add(
                "notifier-reinstated",
                "Report processing resumed",
                List.of("reason"),
                List.of(),
                Set.of(),
                Map.of("reason", "The suspension period ended."));
        add(
                "owner-changes-requested",
                "Staff ask the owner to change their content by a deadline",
                List.of("caseId", "subject", "requestedChanges", "deadline"),
                List.of("category", "policyVersion", "explanation"),
                Set.of(),
                Map.of(
                        "caseId",
                        CASE_ID,
                        "subject",
                        SUBJECT,
                        "requestedChanges",
                        "Add a license and remove the " + "personal data in data/users.csv.",
                        "deadline",
                        "2026-05-10T00:00:00Z",
                        "category",
                        "Privacy and Intellectual Property (IP)",
                        "policyVersion",
                        "2026-01",
                        "explanation",
                        "data/users.csv lists the e-mail addresses of people who did not agree to it."));
        add(
                "owner-decision",
                "A decision on the owner's content with its statement of reasons (DSA Art. 17) and how to appeal",
                List.of(
                        "decisionId",
                        "subject",
                        "actions",
                        "facts",
                        "explanation",
                        "decidedAt",
                        "policyVersion",
                        "appealDeadline",
                        "automated"),
                List.of(
                        "territorialScope",
                        "ground",
                        "category",
                        "subcategory",
                        "restrictionEnds",
                        "caseId",
                        RECIPIENT_COUNTRY),
                Set.of("actions"),
                sample(
                        "decisionId",
                        DECISION_ID,
                        "subject",
                        SUBJECT,
                        "actions",
                        "DISABLE,RESTRICT_INTERACTIONS",
                        "facts",
                        "The repository distributes a pickle file that runs a reverse shell on load.",
                        "explanation",
                        "Malware is restricted content under the Content Policy.",
                        "territorialScope",
                        "worldwide",
                        "ground",
                        "Content incompatible with terms and conditions",
                        "decidedAt",
                        "2026-05-03T10:00:00Z",
                        "policyVersion",
                        "2026-01",
                        "appealDeadline",
                        "2026-11-03T10:00:00Z",
                        "category",
                        "Platform Abuse, Security Violations and Spam",
                        "subcategory",
                        "Malicious code (malware, trojans, viruses)",
                        "automated",
                        "false",
                        "restrictionEnds",
                        "2026-06-03T10:00:00Z",
                        "caseId",
                        CASE_ID));
        add(
                "decision-reversed",
                "A restriction on the owner's content was lifted (appeal, restoration or end date)",
                List.of("decisionId", "reversedDecisionId", "subject", "actionsLifted", "reason"),
                List.of(RECIPIENT_COUNTRY),
                Set.of("actionsLifted"),
                Map.of(
                        "decisionId",
                        "8b7c6d5e-1f2a-4b3c-9d8e-7f6a5b4c3d2e",
                        "reversedDecisionId",
                        DECISION_ID,
                        "subject",
                        SUBJECT,
                        "actionsLifted",
                        "DISABLE",
                        "reason",
                        "The appeal showed the file is a benign test fixture."));
        add(
                "dmca-notice-incomplete",
                "A DMCA notice misses elements of 17 U.S.C. 512(c)(3)(A); the sender may revise it",
                List.of("noticeId", "missingElements"),
                List.of(),
                Set.of("missingElements"),
                Map.of("noticeId", NOTICE_ID, "missingElements", "signature,good-faith-statement"));
        // received: what arrived on the notice's thread (court-action-evidence, correspondence); absent for the notice.
        add(
                "dmca-notice-received",
                "Receipt of a complete DMCA notice, or of mail on its thread (evidence of a court action)",
                List.of("noticeId", "receivedAt"),
                List.of("subjects", "received"),
                Set.of("subjects"),
                Map.of(
                        "noticeId",
                        NOTICE_ID,
                        "receivedAt",
                        "2026-05-02T09:15:30Z",
                        "subjects",
                        SUBJECT,
                        "received",
                        "court-action-evidence"));
        add(
                "dmca-notice-accepted",
                "The DMCA notice was accepted and the material disabled",
                List.of("noticeId", "subjects"),
                List.of(),
                Set.of("subjects"),
                Map.of("noticeId", NOTICE_ID, "subjects", SUBJECT));
        add(
                "dmca-notice-rejected",
                "The DMCA notice was rejected, with the reason",
                List.of("noticeId", "reason"),
                List.of(),
                Set.of(),
                Map.of("noticeId", NOTICE_ID, "reason", "The work named is in the public domain."));
        add(
                "dmca-takedown-uploader",
                "The uploader's takedown notice: what was disabled, the redacted notice, how to counter-notify",
                // received: an answer to the uploader's mail on the takedown thread (counter-notice-deficient,
                // counter-notice-addition, correspondence), the takedown repeated below it.
                List.of("noticeId", "subject", "copyrightedWork", "noticeUrl", "counterNoticeUrl"),
                List.of("claimantName", RECIPIENT_COUNTRY, "received", "counterNoticeDeficiencies"),
                Set.of(),
                Map.of(
                        "noticeId",
                        NOTICE_ID,
                        "subject",
                        SUBJECT,
                        "copyrightedWork",
                        "The Acme Corpus (2024)",
                        "noticeUrl",
                        "https://hub.example/dmca/notices/" + NOTICE_ID,
                        "counterNoticeUrl",
                        "https://hub.example/dmca/counter-notice?notice=" + NOTICE_ID,
                        "claimantName",
                        "Acme Rights Ltd.",
                        "received",
                        "counter-notice-deficient",
                        "counterNoticeDeficiencies",
                        "- a statement under penalty of perjury that the material was removed by mistake"));
        add(
                "dmca-counter-notice-forwarded",
                "A counter-notice forwarded to the claimant, with the restoration date",
                List.of("noticeId", "counterNoticeId", "subject", "counterNoticeText", "restorationDate"),
                List.of("uploaderName"),
                Set.of(),
                Map.of(
                        "noticeId",
                        NOTICE_ID,
                        "counterNoticeId",
                        "cn-2b3c4d5e",
                        "subject",
                        SUBJECT,
                        "counterNoticeText",
                        "I have a good faith belief the material was removed by mistake.",
                        "restorationDate",
                        "2026-05-22",
                        "uploaderName",
                        "J. Doe"));
        add(
                "dmca-restoration-scheduled",
                "Restoration scheduled after a counter-notice (14 business days)",
                List.of("noticeId", "subject", "restorationDate"),
                List.of(RECIPIENT_COUNTRY),
                Set.of(),
                Map.of("noticeId", NOTICE_ID, "subject", SUBJECT, "restorationDate", "2026-05-22"));
        add(
                "dmca-restoration-done",
                "The material was restored",
                List.of("noticeId", "subject", "restoredAt"),
                List.of(),
                Set.of(),
                Map.of("noticeId", NOTICE_ID, "subject", SUBJECT, "restoredAt", "2026-05-22T00:00:00Z"));
        add(
                "appeal-received",
                "Receipt of an appeal (internal complaint, DSA Art. 20)",
                List.of("appealId", "decisionId", "receivedAt"),
                List.of(),
                Set.of(),
                Map.of("appealId", APPEAL_ID, "decisionId", DECISION_ID, "receivedAt", "2026-05-04T08:00:00Z"));
        add(
                "appeal-decided",
                "The outcome of an appeal, with out-of-court settlement where it applies (DSA Art. 20, 21)",
                List.of("appealId", "outcome", "reasons", "decidedAt"),
                List.of("decisionId", RECIPIENT_COUNTRY, "settlementBodies", "regulator"),
                Set.of(),
                Map.of(
                        "appealId",
                        APPEAL_ID,
                        "outcome",
                        "REVERSED",
                        "reasons",
                        "The file was a benign test fixture.",
                        "decidedAt",
                        "2026-05-06T12:00:00Z",
                        "decisionId",
                        DECISION_ID,
                        "settlementBodies",
                        "Appeals Centre Europe; User Rights",
                        "regulator",
                        "eSafety Commissioner"));
        add(
                "dmca-partial-removal-request",
                "Only some files infringe: the owner may remove them before the whole repository is disabled",
                List.of("noticeId", "subject", "deadline", "filesRemovedUrl"),
                List.of("copyrightedWork", "claimantName", RECIPIENT_COUNTRY),
                Set.of(),
                Map.of(
                        "noticeId",
                        NOTICE_ID,
                        "subject",
                        SUBJECT,
                        "deadline",
                        "2026-05-05T17:00:00Z",
                        "filesRemovedUrl",
                        "https://hub.example/dmca/takedowns/t-1/files-removed",
                        "copyrightedWork",
                        "The Acme Corpus (2024)",
                        "claimantName",
                        "Acme Rights Ltd."));
        add(
                "dmca-court-action-reported",
                "The claimant filed a court action: the material stays disabled (17 U.S.C. 512(g)(2)(C))",
                List.of("noticeId", "subject", "court", "caseNumber"),
                List.of(RECIPIENT_COUNTRY),
                Set.of(),
                Map.of(
                        "noticeId",
                        NOTICE_ID,
                        "subject",
                        SUBJECT,
                        "court",
                        "U.S. District Court, N.D. Cal.",
                        "caseNumber",
                        "3:26-cv-01234"));
        add(
                "appeal-decision-needed",
                "A mail to legal@ named no decision: which one does it contest?",
                List.of("subjectLine", "receivedAt"),
                List.of(),
                Set.of(),
                Map.of("subjectLine", "I want to complain", "receivedAt", "2026-05-04T08:00:00Z"));
        add(
                "appeal-refused",
                "An appeal could not be accepted (window passed, already open, not the appellant's decision)",
                List.of("decisionId", "reason"),
                List.of(),
                Set.of(),
                Map.of(
                        "decisionId",
                        DECISION_ID,
                        "reason",
                        "The six months to appeal this decision ended on 2026-11-03."));
        add(
                "appellant-warning",
                "Warning for frequent manifestly unfounded appeals (DSA Art. 23(2))",
                List.of("reason", "unfoundedAppeals"),
                List.of(),
                Set.of(),
                Map.of("reason", "Most of your recent appeals were manifestly unfounded.", "unfoundedAppeals", "4"));
        add(
                "appellant-suspension",
                "Suspension of appeal processing (DSA Art. 23(2))",
                List.of("reason", "until", "unfoundedAppeals"),
                List.of(),
                Set.of(),
                Map.of(
                        "reason",
                        "Repeated manifestly unfounded appeals after a warning.",
                        "until",
                        "2026-06-01T00:00:00Z",
                        "unfoundedAppeals",
                        "6"));
        add(
                "appellant-reinstated",
                "Appeal processing resumed",
                List.of("reason"),
                List.of(),
                Set.of(),
                Map.of("reason", "The suspension period ended."));
        add(
                "mail-received",
                "Receipt of a mail no report, notice or appeal owns (feedback@): staff read it",
                List.of("subjectLine", "receivedAt"),
                List.of(),
                Set.of(),
                Map.of("subjectLine", "A question about your content policy", "receivedAt", "2026-05-04T08:00:00Z"));
    }

    private MailTemplates() {}

    private static Map<String, String> sample(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static void add(
            String id,
            String purpose,
            List<String> required,
            List<String> optional,
            Set<String> lists,
            Map<String, String> sample) {
        ALL.put(id, new MailTemplate(id, purpose, required, optional, lists, sample));
    }

    public static Optional<MailTemplate> byId(String id) {
        return Optional.ofNullable(ALL.get(id));
    }

    public static List<MailTemplate> all() {
        return Collections.unmodifiableList(new ArrayList<>(ALL.values()));
    }
}

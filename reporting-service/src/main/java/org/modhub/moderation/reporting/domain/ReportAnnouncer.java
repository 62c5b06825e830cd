package org.modhub.moderation.reporting.domain;

import java.util.HashMap;
import java.util.Map;

import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.mail.MailRequest;
import org.modhub.moderation.kit.mail.MailRequests;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.reporting.persistence.ReportEntity;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a report tells others, in the caller's transaction: review learns of it by {@code ReportFiled}, its notifier by
 * the receipt (DSA Art. 16(4)), whichever channel it came by.
 */
@ApplicationScoped
public class ReportAnnouncer {

    private final Outbox outbox;
    private final MailRequests mail;

    public ReportAnnouncer(Outbox outbox, MailRequests mail) {
        this.outbox = outbox;
        this.mail = mail;
    }

    /**
     * Sends the report to review and confirms it to its notifier; the receipt answers the person's mail with Message-ID
     * {@code inReplyTo} (a mailed report, or the reply that completed it), null for none.
     */
    public Uni<Void> announce(ReportEntity report, String inReplyTo) {
        return toReview(report).chain(() -> receipt(report, inReplyTo));
    }

    /** Writes only the report's {@code ReportFiled} event: review gets it. */
    public Uni<Void> toReview(ReportEntity report) {
        ReportFiled filed = new ReportFiled(
                report.id,
                SubjectRef.parse(report.subjectKey),
                report.category,
                report.subcategory,
                report.explanation,
                report.evidenceUrls,
                report.channel,
                report.sourceType,
                report.automatedDetection,
                report.trustedFlagger,
                report.visibility,
                report.reporterId,
                report.contactEmail,
                report.jurisdiction,
                report.filedAt);
        return outbox.publish(Topics.REPORTING_EVENTS, EventSources.REPORTING_SERVICE, filed)
                .replaceWithVoid();
    }

    /**
     * Asks for the report's receipt, on the report's thread so a reply adds to it; for a mailed report it answers the
     * sender's mail ({@code inReplyTo}), so their mail client threads it. A mailed report may wait for staff to choose
     * its category; it is confirmed all the same.
     */
    public Uni<Void> receipt(ReportEntity report, String inReplyTo) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("reportId", report.id.toString());
        parameters.put("subject", report.subjectKey);
        if (report.category != null) {
            parameters.put("category", report.category.code());
        }
        if (report.subcategory != null) {
            parameters.put("subcategory", report.subcategory.code());
        }
        parameters.put("filedAt", report.filedAt.toString());
        return mail.send(MailRequest.to(MailTemplateId.REPORT_RECEIPT, report.contactEmail, report.reporterId)
                .parameters(parameters)
                .thread(MailThreads.report(report.id), Mailboxes.SAFETY)
                .once(MailTemplateId.REPORT_RECEIPT.id() + ":" + report.id)
                .answering(inReplyTo));
    }
}

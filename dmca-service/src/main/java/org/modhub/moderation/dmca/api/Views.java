package org.modhub.moderation.dmca.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.dmca.DmcaNoticeElement;
import org.modhub.moderation.contracts.event.mail.MailAttachment;
import org.modhub.moderation.dmca.domain.AbuseSignals;
import org.modhub.moderation.dmca.domain.CourtActionRecord;
import org.modhub.moderation.dmca.domain.NoticeCheck;
import org.modhub.moderation.dmca.domain.NoticeInput;
import org.modhub.moderation.dmca.domain.Redaction;
import org.modhub.moderation.dmca.domain.RestorationCountdown;
import org.modhub.moderation.dmca.domain.Uploaders;
import org.modhub.moderation.dmca.persistence.CounterNoticeEntity;
import org.modhub.moderation.dmca.persistence.NoticeEntity;
import org.modhub.moderation.dmca.persistence.StrikeEntity;
import org.modhub.moderation.dmca.persistence.TakedownEntity;
import org.modhub.moderation.dmca.persistence.ThreadMailEntity;
import org.modhub.moderation.kit.hub.HubAccount;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Response bodies. Staff views carry contact details; the sender's receipt and public views do not. */
public final class Views {

    private Views() {}

    /** What the sender of a notice gets back: its id and, if incomplete, each missing element and what is wrong. */
    public record NoticeReceipt(
            UUID id,
            String status,
            UUID revisionOf,
            List<DmcaNoticeElement> missingElements,
            List<NoticeCheck.Deficiency> deficiencies,
            List<String> subjects,
            Instant receivedAt) {

        static NoticeReceipt of(NoticeEntity n) {
            return new NoticeReceipt(
                    n.id,
                    n.status.name(),
                    n.revisionOf,
                    n.missing(),
                    n.elements.deficiencies(),
                    n.subjectKeys,
                    n.receivedAt);
        }
    }

    public record ContactView(String name, String organisation, String email, String address, String phone) {}

    /** Legal's view of a notice, with the abuse signals to weigh and what followed. */
    public record NoticeView(
            UUID id,
            String status,
            String channel,
            UUID revisionOf,
            UUID revisedBy,
            Instant receivedAt,
            String signature,
            List<NoticeInput.Work> copyrightedWorks,
            List<NoticeCheck.ResolvedMaterial> infringingMaterial,
            List<String> subjects,
            ContactView contact,
            boolean goodFaithStatement,
            boolean accuracyStatement,
            boolean authorityUnderPenaltyOfPerjury,
            List<DmcaNoticeElement> missingElements,
            List<NoticeCheck.Deficiency> deficiencies,
            String decision,
            String rejectionReason,
            String reviewNote,
            String reviewedBy,
            Instant reviewedAt,
            String originalText,
            AbuseSignals abuseSignals,
            List<TakedownView> takedowns,
            List<ThreadMailView> mail) {

        static NoticeView of(
                NoticeEntity n, AbuseSignals signals, List<TakedownView> takedowns, List<ThreadMailView> mail) {
            return new NoticeView(
                    n.id,
                    n.status.name(),
                    n.channel.name(),
                    n.revisionOf,
                    n.revisedBy,
                    n.receivedAt,
                    n.signature,
                    n.elements.works(),
                    n.elements.material(),
                    n.subjectKeys,
                    new ContactView(
                            n.contactName, n.contactOrganisation, n.contactEmail, n.contactAddress, n.contactPhone),
                    n.goodFaith,
                    n.accurate,
                    n.authorised,
                    n.missing(),
                    n.elements.deficiencies(),
                    n.decision,
                    n.rejectionReason == null ? null : n.rejectionReason.name(),
                    n.reviewNote,
                    n.reviewedBy,
                    n.reviewedAt,
                    n.originalText,
                    signals,
                    takedowns,
                    mail);
        }
    }

    /**
     * A mail that came on the notice's or a takedown's thread (evidence, a counter-notice by mail, an
     * addition, correspondence): staff only. {@code attachments} are described; the gateway keeps the bytes.
     */
    public record ThreadMailView(
            UUID id,
            UUID noticeId,
            UUID takedownId,
            UUID counterNoticeId,
            String kind,
            String status,
            String mailbox,
            String from,
            String subjectLine,
            String body,
            List<String> links,
            List<MailAttachment> attachments,
            Instant receivedAt,
            String decidedBy,
            Instant decidedAt,
            String decisionNote) {

        static ThreadMailView of(ThreadMailEntity m) {
            return new ThreadMailView(
                    m.id,
                    m.noticeId,
                    m.takedownId,
                    m.counterNoticeId,
                    m.kind,
                    m.status,
                    m.mailbox,
                    m.senderEmail,
                    m.subjectLine,
                    m.body,
                    m.links,
                    m.attachments.items(),
                    m.receivedAt,
                    m.decidedBy,
                    m.decidedAt,
                    m.decisionNote);
        }
    }

    /** A notice in legal's queue. */
    public record NoticeSummary(
            UUID id,
            String status,
            String channel,
            Instant receivedAt,
            List<String> subjects,
            List<DmcaNoticeElement> missingElements) {

        static NoticeSummary of(NoticeEntity n) {
            return new NoticeSummary(n.id, n.status.name(), n.channel.name(), n.receivedAt, n.subjectKeys, n.missing());
        }
    }

    /**
     * The owners the hub directory gives for each subject of a notice, for legal to choose uploaders
     * among; {@code subjects[k]} is the notice's k-th subject, as the acceptance's problems name it.
     */
    public record NoticeOwners(UUID noticeId, List<SubjectOwnersView> subjects) {

        static NoticeOwners of(UUID noticeId, List<Uploaders.SubjectOwners> subjects) {
            return new NoticeOwners(
                    noticeId, subjects.stream().map(SubjectOwnersView::of).toList());
        }
    }

    /**
     * @param known false when the hub has no such subject (any more); it then has no owners
     * @param owners the first is the primary owner, whom an acceptance without {@code owners} chooses
     */
    public record SubjectOwnersView(String subject, boolean known, List<OwnerView> owners) {

        static SubjectOwnersView of(Uploaders.SubjectOwners s) {
            List<HubAccount> owners = s.owners();
            return new SubjectOwnersView(
                    s.subject().key(),
                    s.known(),
                    owners.stream()
                            .map(a -> new OwnerView(
                                    a.id(),
                                    a.name(),
                                    a.type().name(),
                                    a.email() != null && !a.email().isBlank(),
                                    a == owners.get(0)))
                            .toList());
        }
    }

    /** @param emailOnFile whether the hub has an address to tell them of a takedown (else they cannot be chosen) */
    public record OwnerView(String id, String name, String type, boolean emailOnFile, boolean primary) {}

    public record TakedownView(
            UUID id,
            UUID noticeId,
            String uploaderId,
            String uploaderName,
            List<String> subjects,
            String scope,
            String status,
            Instant removalDeadline,
            Instant orderedAt,
            CounterNoticeView counterNotice) {

        static TakedownView of(TakedownEntity t, CounterNoticeEntity c, RestorationCountdown countdown) {
            return new TakedownView(
                    t.id,
                    t.noticeId,
                    t.uploaderId,
                    t.uploaderName,
                    t.subjectKeys,
                    t.scope.name(),
                    t.status.name(),
                    t.removalDeadline,
                    t.orderedAt,
                    c == null ? null : CounterNoticeView.of(c, countdown));
        }
    }

    /**
     * A counter-notice and its restoration clock.
     *
     * @param countdown while the clock runs: the day the content is restored and the business days left
     *     (the service's own calendar); null once a court action, held evidence or restoration stopped it
     */
    public record CounterNoticeView(
            UUID id,
            UUID noticeId,
            UUID takedownId,
            String status,
            Instant receivedAt,
            Instant restoreAt,
            Instant courtActionAt,
            CourtActionRecord courtAction,
            Instant restoredAt,
            RestorationCountdown.Countdown countdown) {

        static CounterNoticeView of(CounterNoticeEntity c, RestorationCountdown countdown) {
            return new CounterNoticeView(
                    c.id,
                    c.noticeId,
                    c.takedownId,
                    c.status,
                    c.receivedAt,
                    c.restoreAt,
                    c.courtActionAt,
                    c.courtAction,
                    c.restoredAt,
                    countdown.of(c));
        }
    }

    /** What the uploader sees of a takedown of their content: the notice redacted, how to counter-notify. */
    public record UploaderTakedownView(
            UUID id,
            UUID noticeId,
            List<String> subjects,
            String scope,
            String status,
            Instant removalDeadline,
            Instant orderedAt,
            String claimant,
            List<String> copyrightedWorks,
            UUID counterNoticeId,
            Instant restoreAt) {

        static UploaderTakedownView of(TakedownEntity t, NoticeEntity n, CounterNoticeEntity c) {
            return new UploaderTakedownView(
                    t.id,
                    t.noticeId,
                    t.subjectKeys,
                    t.scope.name(),
                    t.status.name(),
                    t.removalDeadline,
                    t.orderedAt,
                    Redaction.claimant(n.contactOrganisation),
                    redactedWorks(n),
                    c == null ? null : c.id,
                    c == null ? null : c.restoreAt);
        }
    }

    public record StrikeView(
            UUID id,
            String accountId,
            String accountName,
            UUID noticeId,
            UUID takedownId,
            String reason,
            Instant recordedAt) {

        static StrikeView of(StrikeEntity s) {
            return new StrikeView(s.id, s.accountId, s.accountName, s.noticeId, s.takedownId, s.reason, s.recordedAt);
        }
    }

    public record StrikesView(
            String accountId, int strikes, int threshold, boolean repeatInfringer, List<StrikeView> items) {}

    /** An accepted notice in the public archive: a company claimant named, individuals and contact details removed. */
    public record PublicNotice(
            UUID id,
            String type,
            Instant receivedAt,
            Instant acceptedAt,
            String claimant,
            List<String> copyrightedWorks,
            List<String> infringingUrls,
            List<String> subjects) {

        static PublicNotice of(NoticeEntity n) {
            return new PublicNotice(
                    n.id,
                    "DMCA",
                    n.receivedAt,
                    n.reviewedAt,
                    Redaction.claimant(n.contactOrganisation),
                    redactedWorks(n),
                    infringingUrlsOf(n),
                    n.subjectKeys);
        }
    }

    /**
     * The archive export, shaped like the Lumen database's notice JSON (snake_case fields, works
     * with their copyrighted and infringing URLs), so it can be submitted to or compared with it.
     */
    public record ArchiveExport(
            @JsonProperty("exported_at") Instant exportedAt,
            @JsonProperty("recipient_name") String recipientName,
            List<ArchiveNotice> notices,
            @JsonProperty("next_cursor") String nextCursor) {}

    public record ArchiveNotice(
            String id,
            String type,
            String title,
            @JsonProperty("date_received") Instant dateReceived,
            @JsonProperty("date_actioned") Instant dateActioned,
            @JsonProperty("sender_name") String senderName,
            @JsonProperty("principal_name") String principalName,
            @JsonProperty("recipient_name") String recipientName,
            @JsonProperty("action_taken") String actionTaken,
            List<ArchiveWork> works) {}

    public record ArchiveWork(
            String description,
            @JsonProperty("copyrighted_urls") List<ArchiveUrl> copyrightedUrls,
            @JsonProperty("infringing_urls") List<ArchiveUrl> infringingUrls) {}

    public record ArchiveUrl(String url) {}

    static ArchiveNotice archive(NoticeEntity n, String recipient) {
        String claimant = Redaction.claimant(n.contactOrganisation);
        List<ArchiveUrl> infringing =
                infringingUrlsOf(n).stream().map(ArchiveUrl::new).toList();
        List<ArchiveWork> works = n.elements.works().stream()
                .map(w -> new ArchiveWork(
                        Redaction.text(w.description()),
                        w.url() == null ? List.of() : List.of(new ArchiveUrl(Redaction.text(w.url()))),
                        infringing))
                .toList();
        return new ArchiveNotice(
                n.id.toString(),
                "DMCA",
                "DMCA (Copyright) Complaint to " + recipient,
                n.receivedAt,
                n.reviewedAt,
                claimant,
                claimant,
                recipient,
                "Yes",
                works);
    }

    /** The copyrighted works as outsiders see them: descriptions with contact details removed. */
    private static List<String> redactedWorks(NoticeEntity n) {
        return n.elements.works().stream()
                .map(w -> Redaction.text(w.description()))
                .toList();
    }

    private static List<String> infringingUrlsOf(NoticeEntity n) {
        return n.elements.material().stream()
                .map(NoticeCheck.ResolvedMaterial::url)
                .filter(u -> u != null)
                .toList();
    }
}

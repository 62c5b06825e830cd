package org.modhub.moderation.reporting.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.modhub.moderation.contracts.MailRoutes;
import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.contracts.event.reporting.ReportChannel;
import org.modhub.moderation.contracts.event.reporting.ReportVisibility;
import org.modhub.moderation.contracts.subject.HubLinks;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.kit.hub.HubDirectory;
import org.modhub.moderation.kit.inbox.MailScreen;
import org.modhub.moderation.kit.mail.MailRequest;
import org.modhub.moderation.kit.mail.MailRequests;
import org.modhub.moderation.reporting.config.ReportingConfig;
import org.modhub.moderation.reporting.persistence.NotifierStandingRepository;
import org.modhub.moderation.reporting.persistence.ReportEntity;
import org.modhub.moderation.reporting.persistence.ReportRepository;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The mail that is this service's (see {@code MailInboundConsumer}). Mail to safety@ on no thread becomes reports: one
 * per hub URL in it (bounded) whose content the hub has, with source EMAIL, the category told from its words or left
 * for staff, and the original text kept. A mail without a hub URL, or naming only content the hub does not have, becomes
 * a report awaiting its location, and the sender is asked for it on the same thread (a bounded number of times; the
 * request names the content the hub does not have). While the hub cannot answer, the mail waits (the consumer retries
 * the hub's outage) and is filed once it answers. A reply on a report's thread, to any of our addresses, from the person the
 * report's mails went to adds to that report (in-platform reports included) and completes one awaiting its location;
 * it never becomes a new report. Receipts and location requests answer the sender's mail (In-Reply-To). Auto-replies
 * and bounces never become reports. Runs in the consumer's transaction.
 */
@ApplicationScoped
public class SafetyMailIntake {

    static final int MAX_SUBJECTS_PER_MAIL = 5;
    /**
     * The location request's parameter naming, by subject key (comma-separated), the content a mail named that the hub
     * does not have.
     */
    public static final String UNKNOWN_SUBJECTS = "unknownSubjects";
    /** Statuses whose report review already has ({@code ReportFiled} written): its explanation is no longer added to. */
    private static final Set<ReportStatus> WENT_TO_REVIEW =
            Set.of(ReportStatus.RECEIVED, ReportStatus.DECIDED, ReportStatus.WITHDRAWN);

    private final ReportRepository reports;
    private final NotifierStandingRepository standings;
    private final ReportAnnouncer announcer;
    private final MailRequests mail;
    private final ReportingConfig config;
    private final HubLinks hubLinks;
    private final Clock clock;
    private final HubDirectory hub;

    public SafetyMailIntake(
            ReportRepository reports,
            NotifierStandingRepository standings,
            ReportAnnouncer announcer,
            MailRequests mail,
            ReportingConfig config,
            Clock clock,
            HubDirectory hub) {
        this.reports = reports;
        this.standings = standings;
        this.announcer = announcer;
        this.mail = mail;
        this.config = config;
        this.hubLinks = new HubLinks(config.intake().hubBaseUrl());
        this.clock = clock;
        this.hub = hub;
    }

    public Uni<Void> accept(InboundMailReceived received) {
        String from = MailScreen.personSending(received, "a report").orElse(null);
        if (from == null) {
            return Uni.createFrom().voidItem();
        }
        return reports.findByMailMessageId(received.messageId()).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().voidItem();
            }
            UUID thread =
                    received.threadId(MailRoutes.ThreadKind.REPORT.prefix()).orElse(null);
            if (thread == null) {
                return fresh(from, received);
            }
            return reports.findLocked(thread).chain(report -> {
                if (report != null && fromItsNotifier(report, from)) {
                    return reply(report, received);
                }
                // Someone else writing on the thread (or a thread we no longer know) reports on their own account:
                // their
                // words never change another person's report.
                Log.infof(
                        "Mail %s on thread %s is not from the report's notifier; taken as a new mail",
                        received.messageId(), received.threadToken());
                return fresh(from, received);
            });
        });
    }

    /**
     * A new mail: one report per hub subject the hub knows, or one awaiting the location when it names none (or only
     * content the hub does not have, which the location request says). The hub is asked before the standing row is
     * locked.
     */
    private Uni<Void> fresh(String from, InboundMailReceived received) {
        String text = received.subjectLine() + "\n\n" + received.textBody();
        List<SubjectRef> named = subjects(text);
        return known(named).chain(subjects -> fresh(from, received, text, subjects, unknown(named, subjects)));
    }

    private Uni<Void> fresh(
            String from,
            InboundMailReceived received,
            String text,
            List<SubjectRef> subjects,
            List<SubjectRef> unknown) {
        Instant now = clock.instant();
        NotifierKey key = NotifierKey.email(from);
        return standings.lockOrCreate(key.value(), null, from).chain(standing -> {
            if (standing.suspendedAt(now)) {
                Log.infof(
                        "Mail %s: reports of %s are suspended until %s; not processed",
                        received.messageId(), key, standing.suspendedUntil);
                return Uni.createFrom().voidItem();
            }
            if (!unknown.isEmpty()) {
                Log.infof("Mail %s names content the hub does not have: %s", received.messageId(), unknown);
            }
            List<String> evidence = evidence(text);
            if (subjects.isEmpty()) {
                ReportEntity report = newReport(key, from, received, null, text, evidence, now);
                report.status = ReportStatus.AWAITING_LOCATION;
                report.mailMessageId = received.messageId();
                standing.reportsFiled++;
                standing.updatedAt = now;
                return reports.persist(report).chain(() -> askForLocation(report, received.messageId(), unknown));
            }
            Instant since = now.minus(config.intake().mergeWindow());
            boolean[] carriesMessageId = {false};
            return Multi.createFrom()
                    .iterable(subjects)
                    .onItem()
                    .transformToUniAndConcatenate(subject -> reports.findMergeTarget(key.value(), subject.key(), since)
                            .chain(target -> {
                                if (target != null) {
                                    // The same notifier reported this subject recently: merged, not counted twice.
                                    target.mergedCount++;
                                    target.updatedAt = now;
                                    return Uni.createFrom().voidItem();
                                }
                                ReportEntity report = newReport(key, from, received, subject, text, evidence, now);
                                // One report carries the Message-ID, so a redelivered mail is recognised.
                                if (!carriesMessageId[0]) {
                                    report.mailMessageId = received.messageId();
                                    carriesMessageId[0] = true;
                                }
                                standing.reportsFiled++;
                                standing.updatedAt = now;
                                return reports.persist(report)
                                        .chain(() -> activate(report, standing.mutedAt(now), received.messageId()));
                            }))
                    .collect()
                    .last()
                    .replaceWithVoid();
        });
    }

    /**
     * The notifier's reply on their report's thread (to whichever of our addresses): it adds to that report, as the
     * receipt and the location request promise, and is never a new report. Its text is kept with the report, its
     * non-hub links join the evidence, and while the report has not gone to review yet its words join the explanation
     * review will read. A report waiting for its location is completed by the first content in the reply that the hub has.
     */
    private Uni<Void> reply(ReportEntity report, InboundMailReceived received) {
        String marker = "--- reply " + received.messageId() + " ---";
        if (report.originalText != null && report.originalText.contains(marker)) {
            // The same mail again, e.g. sent to two of our addresses: added once.
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        String body = received.textBody();
        report.originalText = bound(
                (report.originalText == null ? "" : report.originalText + "\n\n") + marker + "\n" + body,
                config.mail().maxOriginalText());
        report.updatedAt = now;
        addEvidence(report, evidence(received.subjectLine() + "\n" + body));
        if (!WENT_TO_REVIEW.contains(report.status) && !body.isBlank()) {
            report.explanation = bound(
                    report.explanation + "\n\n" + body.strip(), config.intake().maxExplanationLength());
        }
        if (report.status != ReportStatus.AWAITING_LOCATION) {
            Log.infof("Mail %s added to report %s (%s)", received.messageId(), report.id, report.status);
            return Uni.createFrom().voidItem();
        }
        List<SubjectRef> named = subjects(received.subjectLine() + "\n" + body);
        return known(named).chain(subjects -> {
            if (subjects.isEmpty()) {
                return askForLocation(report, received.messageId(), named);
            }
            return complete(report, received, subjects.get(0), now);
        });
    }

    /** A report awaiting its location gets the first subject of the notifier's reply that the hub knows. */
    private Uni<Void> complete(ReportEntity report, InboundMailReceived received, SubjectRef subject, Instant now) {
        String body = received.textBody();
        report.subjectKey = subject.key();
        report.subjectKind = subject.kind().keyPrefix();
        report.hubUrl = linkTo(subject, body);
        if (report.category == null) {
            classify(report, received.subjectLine() + "\n" + body);
        }
        return standings
                .findById(report.notifierKey)
                .chain(standing -> activate(report, standing != null && standing.mutedAt(now), received.messageId()));
    }

    /** Whether {@code from} is the person the report's mails went to (its contact, or the sender of a mailed report). */
    private static boolean fromItsNotifier(ReportEntity report, String from) {
        return report.notifierKey.equals(NotifierKey.email(from).value())
                || (report.contactEmail != null && report.contactEmail.equalsIgnoreCase(from));
    }

    /** Adds links not yet among the report's evidence, up to the configured number. */
    private void addEvidence(ReportEntity report, List<String> links) {
        if (links.isEmpty()) {
            return;
        }
        Set<String> evidence = new LinkedHashSet<>(report.evidenceUrls);
        for (String link : links) {
            if (evidence.size() >= config.intake().maxEvidenceLinks()) {
                break;
            }
            evidence.add(link);
        }
        report.evidenceUrls = List.copyOf(evidence);
    }

    private ReportEntity newReport(
            NotifierKey key,
            String from,
            InboundMailReceived received,
            SubjectRef subject,
            String text,
            List<String> evidence,
            Instant now) {
        ReportEntity report = new ReportEntity();
        report.id = UUID.randomUUID();
        if (subject != null) {
            report.subjectKey = subject.key();
            report.subjectKind = subject.kind().keyPrefix();
            report.hubUrl = linkTo(subject, text);
        }
        report.explanation = bound(text.strip(), config.intake().maxExplanationLength());
        report.evidenceUrls = evidence;
        report.contactEmail = from;
        report.notifierKey = key.value();
        report.channel = ReportChannel.EMAIL;
        report.visibility = ReportVisibility.PRIVATE;
        report.originalText = bound(received.textBody(), config.mail().maxOriginalText());
        report.filedAt = now;
        report.updatedAt = now;
        classify(report, text);
        report.status = report.category == null ? ReportStatus.NEEDS_TRIAGE : ReportStatus.RECEIVED;
        return report;
    }

    private static void classify(ReportEntity report, String text) {
        PolicySubcategory subcategory = MailKeywords.classify(text).orElse(null);
        report.category = subcategory == null ? null : subcategory.category();
        report.subcategory = subcategory;
        report.allegesIllegal = subcategory != null && subcategory.allegesIllegalContent();
        report.sourceType = ReportRules.notifierSourceType(false, report.allegesIllegal);
    }

    /**
     * A report with its subject is confirmed to its notifier (Art. 16(4)) and goes to review if its
     * category is known, else to staff triage; held back from review while its notifier is muted.
     */
    private Uni<Void> activate(ReportEntity report, boolean muted, String inReplyTo) {
        if (muted || report.category == null) {
            report.status = muted ? ReportStatus.MUTED : ReportStatus.NEEDS_TRIAGE;
            return announcer.receipt(report, inReplyTo);
        }
        report.status = ReportStatus.RECEIVED;
        return announcer.announce(report, inReplyTo);
    }

    /** The subjects, in order, that the hub has; fails with the hub's outage, which the consumer waits out. */
    private Uni<List<SubjectRef>> known(List<SubjectRef> subjects) {
        return Multi.createFrom()
                .iterable(subjects)
                .onItem()
                .transformToUniAndConcatenate(subject -> hub.find(subject).map(found -> found.map(f -> subject)))
                .select()
                .where(Optional::isPresent)
                .map(Optional::get)
                .collect()
                .asList();
    }

    private static List<SubjectRef> unknown(List<SubjectRef> named, List<SubjectRef> known) {
        return named.stream().filter(s -> !known.contains(s)).toList();
    }

    /**
     * Looks up the hub subjects a mail names, outside the consumer's transaction, so that the intake's own lookups in
     * it are answered from the directory's cache; a failure here is left to the intake, which waits the outage out.
     */
    public Uni<Void> prefetch(InboundMailReceived received) {
        return known(subjects(received.subjectLine() + "\n" + received.textBody()))
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull();
    }

    /**
     * Asks the sender where exactly the content is, answering their mail {@code inReplyTo}; {@code unknown} is the
     * content their mail named that the hub does not have, for the mail to say so.
     */
    private Uni<Void> askForLocation(ReportEntity report, String inReplyTo, List<SubjectRef> unknown) {
        if (report.locationRequests >= config.mail().maxLocationRequests()) {
            Log.infof(
                    "Report %s: asked %d times for the location; not asking again", report.id, report.locationRequests);
            return Uni.createFrom().voidItem();
        }
        report.locationRequests++;
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("reportId", report.id.toString());
        if (!unknown.isEmpty()) {
            parameters.put(
                    UNKNOWN_SUBJECTS,
                    String.join(",", unknown.stream().map(SubjectRef::key).toList()));
        }
        return mail.send(MailRequest.to(MailTemplateId.REPORT_LOCATION_REQUEST, report.contactEmail, null)
                .parameters(parameters)
                .thread(MailThreads.report(report.id), Mailboxes.SAFETY)
                .once(MailTemplateId.REPORT_LOCATION_REQUEST.id() + ":" + report.id + ":"
                        + report.updatedAt.toEpochMilli())
                .answering(inReplyTo));
    }

    private List<SubjectRef> subjects(String text) {
        List<SubjectRef> subjects = new ArrayList<>();
        for (String link : hubLinks(text)) {
            hubLinks.subject(link).filter(s -> !subjects.contains(s)).ifPresent(subjects::add);
            if (subjects.size() == MAX_SUBJECTS_PER_MAIL) {
                break;
            }
        }
        return subjects;
    }

    private List<String> hubLinks(String text) {
        return HubLinks.links(text).stream().filter(hubLinks::isHubLink).toList();
    }

    /** The first hub link in {@code text} that names {@code subject}. */
    private String linkTo(SubjectRef subject, String text) {
        return hubLinks(text).stream()
                .filter(link -> hubLinks.subject(link).map(subject::equals).orElse(false))
                .findFirst()
                .orElse(null);
    }

    private List<String> evidence(String text) {
        return HubLinks.links(text).stream()
                .filter(link -> !hubLinks.isHubLink(link))
                .filter(link -> link.length() <= config.intake().maxUrlLength())
                .limit(config.intake().maxEvidenceLinks())
                .toList();
    }

    private static String bound(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}

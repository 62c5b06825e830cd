package org.modhub.moderation.reporting.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.reporting.ReportChannel;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.reporting.ReportVisibility;
import org.modhub.moderation.contracts.event.reporting.ReportWithdrawn;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;
import org.modhub.moderation.kit.security.Caller;
import org.modhub.moderation.reporting.config.ReportingConfig;
import org.modhub.moderation.reporting.messaging.NotifierMail;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.reporting.persistence.NotifierStandingEntity;
import org.modhub.moderation.reporting.persistence.NotifierStandingRepository;
import org.modhub.moderation.reporting.persistence.ReportEntity;
import org.modhub.moderation.reporting.persistence.ReportRepository;
import org.modhub.moderation.reporting.persistence.SearchCriteria;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Files reports and flags and reads them back. A new report, its {@code ReportFiled} event and
 * the receipt request are written in one transaction; the notifier's standing row is locked for
 * that transaction, so Idempotency-Key, merging and the rate limit hold across replicas.
 */
@ApplicationScoped
public class ReportService {

    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };

    /** What filing did. */
    public enum Outcome {
        /** A new report. */
        CREATED,
        /** The Idempotency-Key matched an earlier request: its report. */
        REPLAYED,
        /** The notifier had reported the subject within the merge window: that report. */
        MERGED
    }

    public record Filing(ReportEntity report, Outcome outcome) {
    }

    /** How a report came in and which checks apply to it. */
    public record Intake(ReportChannel channel, SourceType sourceType, boolean automatedDetection, boolean limited) {

        /** The in-platform Report button: Art. 16 notice unless the notifier is a trusted flagger; rate-limited. */
        public static Intake inPlatform() {
            return new Intake(ReportChannel.IN_PLATFORM, null, false, true);
        }
    }

    private final ReportRepository reports;
    private final NotifierStandingRepository standings;
    private final Outbox outbox;
    private final NotifierMail mail;
    private final AuditTrail audit;
    private final ReportingConfig config;
    private final Clock clock;
    private final ObjectMapper json;

    public ReportService(ReportRepository reports, NotifierStandingRepository standings, Outbox outbox, NotifierMail mail,
            AuditTrail audit, ReportingConfig config, Clock clock) {
        this.reports = reports;
        this.standings = standings;
        this.outbox = outbox;
        this.mail = mail;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.json = new ObjectMapper();
    }

    /**
     * Files a report or flag.
     *
     * @param idempotencyKey the request's Idempotency-Key, or null
     * @param requestHash a digest of the request body, to refuse a key reused for another request
     */
    @WithTransaction
    public Uni<Filing> file(Notifier notifier, NewReport input, Intake intake, String idempotencyKey, String requestHash) {
        Instant now = now();
        String key = notifier.key().value();
        return standings.lockOrCreate(key, notifier.accountId(), notifier.email())
                .chain(standing -> replay(key, idempotencyKey, requestHash).chain(earlier -> {
                    if (earlier != null) {
                        return Uni.createFrom().item(new Filing(earlier, Outcome.REPLAYED));
                    }
                    if (intake.limited() && standing.suspendedAt(now)) {
                        throw new NotifierSuspendedException(standing.suspendedUntil, standing.suspensionReason);
                    }
                    return reports.findMergeTarget(key, input.subject().key(), now.minus(config.intake().mergeWindow()))
                            .chain(target -> target != null
                                    ? merge(target, now)
                                    : checkRateLimit(key, intake, now)
                                            .chain(() -> create(notifier, standing, input, intake, idempotencyKey,
                                                    requestHash, now)));
                }));
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

    @WithSession
    public Uni<List<ReportEntity>> mine(String reporterId, PageCursor after, int limit) {
        return reports.mine(reporterId, after, limit);
    }

    @WithSession
    public Uni<List<ReportEntity>> search(SearchCriteria criteria, PageCursor after, int limit) {
        return reports.search(criteria, after, limit);
    }

    /**
     * Staff give a mailed report the category its words did not name; it then goes to review
     * ({@code ReportFiled}); its notifier got the receipt when the mail came in.
     */
    @WithTransaction
    public Uni<ReportEntity> triage(UUID id, PolicyCategory category, PolicySubcategory subcategory, String staffId) {
        return reports.findById(id).chain(report -> {
            if (report == null) {
                throw ProblemException.notFound("Report", id);
            }
            if (report.status != ReportStatus.NEEDS_TRIAGE) {
                throw ProblemException.conflict("Report " + id + " is " + report.status + ", not waiting for triage");
            }
            report.category = category;
            report.subcategory = subcategory;
            report.allegesIllegal = ReportRules.allegesIllegalByDefault(category, subcategory);
            report.sourceType = ReportRules.notifierSourceType(report.trustedFlagger, report.allegesIllegal);
            report.status = ReportStatus.RECEIVED;
            report.updatedAt = now();
            return publishFiled(report)
                    .chain(() -> audit.record(staffId, "REPORT_TRIAGED", "report", report.id, report.subjectKey,
                            "category " + category.code() + (subcategory != null ? "/" + subcategory.code() : "")))
                    .replaceWith(report);
        });
    }

    /**
     * Staff release a report held while its notifier was muted: it goes to review as filed
     * ({@code ReportFiled}), or to triage if it has no category yet. Its receipt was sent at filing.
     */
    @WithTransaction
    public Uni<ReportEntity> release(UUID id, String staffId) {
        return reports.findById(id).chain(report -> {
            if (report == null) {
                throw ProblemException.notFound("Report", id);
            }
            if (report.status != ReportStatus.MUTED) {
                throw ProblemException.conflict("Report " + id + " is " + report.status + ", not held by a mute");
            }
            report.updatedAt = now();
            if (report.category == null) {
                report.status = ReportStatus.NEEDS_TRIAGE;
                return audit.record(staffId, "REPORT_RELEASED", "report", report.id, report.subjectKey, "to triage")
                        .replaceWith(report);
            }
            report.status = ReportStatus.RECEIVED;
            return publishFiled(report)
                    .chain(() -> audit.record(staffId, "REPORT_RELEASED", "report", report.id, report.subjectKey, "to review"))
                    .replaceWith(report);
        });
    }

    /**
     * The notifier withdraws their report while it is undecided: it becomes WITHDRAWN and, if review has it,
     * {@code ReportWithdrawn} tells review to drop it from its case, in the same transaction. Someone else's report (or a
     * mailed one, which has no account) is a 404; a decided one a 409; a withdrawn one is answered as it stands, so a
     * retried request changes nothing.
     *
     * @param reason why, if the notifier says (stored for staff, passed to review)
     */
    @WithTransaction
    public Uni<ReportEntity> withdraw(UUID id, Caller caller, String reason) {
        return reports.findLocked(id).chain(report -> {
            if (report == null) {
                throw ProblemException.notFound("Report", id);
            }
            caller.requireOwner("Report", id, report.reporterId);
            if (report.status == ReportStatus.WITHDRAWN) {
                return Uni.createFrom().item(report);
            }
            if (report.status == ReportStatus.DECIDED) {
                throw ProblemException.conflict("Report " + id + " was decided on " + report.decidedAt
                        + "; a decided report cannot be withdrawn (contest the decision instead)");
            }
            Instant now = now();
            // Only a report that went to review is announced: review never heard of one still waiting for its
            // location, triage or release from a mute.
            boolean reviewHasIt = report.status == ReportStatus.RECEIVED;
            report.status = ReportStatus.WITHDRAWN;
            report.withdrawnAt = now;
            report.withdrawnBy = caller.id();
            report.withdrawalReason = reason;
            report.updatedAt = now;
            Uni<Void> announced = reviewHasIt
                    ? outbox.publish(Topics.REPORTING_EVENTS, EventSources.REPORTING_SERVICE, new ReportWithdrawn(report.id,
                            SubjectRef.parse(report.subjectKey), caller.id(), reason, now)).replaceWithVoid()
                    : Uni.createFrom().voidItem();
            return announced
                    .chain(() -> audit.record(caller.id(), "REPORT_WITHDRAWN", "report", report.id, report.subjectKey,
                            reason == null ? "withdrawn by its notifier" : "withdrawn by its notifier: " + reason))
                    .replaceWith(report);
        });
    }

    /** The evidence links stored on a report. */
    public List<String> evidence(ReportEntity report) {
        try {
            return report.evidenceUrls == null ? List.of() : json.readValue(report.evidenceUrls, STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence of report " + report.id + " is not a JSON list", e);
        }
    }

    /** The report's {@code ReportFiled} event. */
    public ReportFiled reportFiled(ReportEntity report) {
        return new ReportFiled(report.id, SubjectRef.parse(report.subjectKey), report.category, report.subcategory,
                report.explanation, evidence(report), report.channel, report.sourceType, report.automatedDetection,
                report.trustedFlagger, report.visibility, report.reporterId, report.contactEmail, report.jurisdiction,
                report.filedAt);
    }

    /** Writes a report's {@code ReportFiled} event and its receipt request, in the caller's transaction. */
    public Uni<Void> announce(ReportEntity report) {
        return announce(report, null);
    }

    /**
     * As {@link #announce(ReportEntity)}, the receipt answering the person's mail with Message-ID {@code inReplyTo}
     * (a mailed report, or the reply that completed it).
     */
    public Uni<Void> announce(ReportEntity report, String inReplyTo) {
        return publishFiled(report).chain(() -> receipt(report, inReplyTo));
    }

    /** Writes only the report's {@code ReportFiled} event (to review), in the caller's transaction. */
    private Uni<Void> publishFiled(ReportEntity report) {
        return outbox.publish(Topics.REPORTING_EVENTS, EventSources.REPORTING_SERVICE, reportFiled(report)).replaceWithVoid();
    }

    public String evidenceJson(List<String> urls) {
        try {
            return json.writeValueAsString(urls == null ? List.of() : urls);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- filing steps ---

    private Uni<ReportEntity> replay(String notifierKey, String idempotencyKey, String requestHash) {
        if (idempotencyKey == null) {
            return Uni.createFrom().nullItem();
        }
        return reports.findByIdempotencyKey(notifierKey, idempotencyKey).map(earlier -> {
            if (earlier != null && requestHash != null && !requestHash.equals(earlier.requestHash)) {
                throw new ProblemException(ProblemKind.UNPROCESSABLE,
                        "This Idempotency-Key was used for a different request",
                        List.of(new FieldError("header.Idempotency-Key", "was used for a different request")));
            }
            return earlier;
        });
    }

    private Uni<Filing> merge(ReportEntity target, Instant now) {
        target.mergedCount++;
        target.updatedAt = now;
        Log.debugf("Repeat report of %s by %s merged into %s", target.subjectKey, target.notifierKey, target.id);
        return Uni.createFrom().item(new Filing(target, Outcome.MERGED));
    }

    private Uni<Void> checkRateLimit(String notifierKey, Intake intake, Instant now) {
        if (!intake.limited()) {
            return Uni.createFrom().voidItem();
        }
        ReportingConfig.RateLimit limit = config.rateLimit();
        Instant since = now.minus(limit.window());
        return reports.countFiledSince(notifierKey, since).chain(count -> {
            if (count < limit.maxReports()) {
                return Uni.createFrom().voidItem();
            }
            return reports.oldestFiledSince(notifierKey, since).map(oldest -> {
                Instant freeAt = (oldest == null ? now : oldest.filedAt).plus(limit.window());
                long seconds = Math.max(1, (long) Math.ceil(Duration.between(now, freeAt).toMillis() / 1000.0));
                throw new RateLimitedException(limit.maxReports(), limit.window().toString(), seconds);
            });
        });
    }

    private Uni<Filing> create(Notifier notifier, NotifierStandingEntity standing, NewReport input, Intake intake,
            String idempotencyKey, String requestHash, Instant now) {
        ReportEntity report = new ReportEntity();
        report.id = UUID.randomUUID();
        report.subjectKey = input.subject().key();
        report.subjectKind = input.subject().kind().keyPrefix();
        report.hubUrl = input.hubUrl();
        report.category = input.category();
        report.subcategory = input.subcategory();
        report.explanation = input.explanation();
        report.evidenceUrls = evidenceJson(input.evidenceUrls());
        report.jurisdiction = input.jurisdiction();
        report.allegesIllegal = input.allegesIllegal();
        report.goodFaithStatement = input.goodFaithStatement();
        report.contactEmail = input.contactEmail() != null ? input.contactEmail() : notifier.email();
        report.reporterId = notifier.accountId();
        report.reporterName = notifier.displayName();
        report.showReporterPublicly = input.showReporterPublicly();
        report.notifierKey = notifier.key().value();
        report.channel = intake.channel();
        report.trustedFlagger = intake.channel() == ReportChannel.IN_PLATFORM && standing.trustedFlagger;
        report.sourceType = intake.sourceType() != null && !report.trustedFlagger ? intake.sourceType()
                : ReportRules.notifierSourceType(report.trustedFlagger, input.allegesIllegal());
        report.automatedDetection = intake.automatedDetection();
        report.visibility = ReportRules.visibility(input.subject(), intake.channel());
        // A muted notifier's report is recorded and receipted (Art. 16(4)) but held back from review.
        boolean muted = standing.mutedAt(now);
        report.status = muted ? ReportStatus.MUTED : ReportStatus.RECEIVED;
        report.idempotencyKey = idempotencyKey;
        report.requestHash = requestHash;
        report.filedAt = now;
        report.updatedAt = now;
        standing.reportsFiled++;
        standing.updatedAt = now;
        return reports.persist(report)
                .chain(() -> muted ? receipt(report) : announce(report))
                .replaceWith(new Filing(report, Outcome.CREATED));
    }

    /** Writes the report's receipt request (DSA Art. 16(4)), in the caller's transaction. */
    public Uni<Void> receipt(ReportEntity report) {
        return receipt(report, null);
    }

    /**
     * Writes the report's receipt request (DSA Art. 16(4)) in the caller's transaction; for a mailed report it answers
     * the sender's mail ({@code inReplyTo}, its Message-ID), so their mail client threads it.
     */
    public Uni<Void> receipt(ReportEntity report, String inReplyTo) {
        if (report.contactEmail == null) {
            return Uni.createFrom().voidItem();
        }
        Map<String, String> parameters = new HashMap<>();
        parameters.put("reportId", report.id.toString());
        parameters.put("subject", report.subjectKey);
        // A mailed report may wait for staff to choose its category; it is confirmed all the same.
        if (report.category != null) {
            parameters.put("category", report.category.code());
            parameters.put("categoryTitle", report.category.title());
        }
        if (report.subcategory != null) {
            parameters.put("subcategory", report.subcategory.code());
        }
        parameters.put("visibility", report.visibility.name());
        parameters.put("filedAt", report.filedAt.toString());
        return mail.send(NotifierMail.REPORT_RECEIPT, report.contactEmail, report.reporterId, parameters,
                NotificationRequested.threadKey("report", report.id), Mailboxes.SAFETY,
                NotifierMail.REPORT_RECEIPT + ":" + report.id, inReplyTo);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

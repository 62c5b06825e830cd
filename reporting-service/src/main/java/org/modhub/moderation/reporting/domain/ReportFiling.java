package org.modhub.moderation.reporting.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.reporting.ReportChannel;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;
import org.modhub.moderation.reporting.config.ReportingConfig;
import org.modhub.moderation.reporting.persistence.NotifierStandingEntity;
import org.modhub.moderation.reporting.persistence.NotifierStandingRepository;
import org.modhub.moderation.reporting.persistence.ReportEntity;
import org.modhub.moderation.reporting.persistence.ReportRepository;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Files reports and flags from the API. A new report, its {@code ReportFiled} event and the receipt request are written
 * in one transaction; the notifier's standing row is locked for that transaction, so Idempotency-Key, merging and the
 * rate limit hold across replicas.
 */
@ApplicationScoped
public class ReportFiling {

    /** What filing did. */
    public enum Outcome {
        /** A new report. */
        CREATED,
        /** The Idempotency-Key matched an earlier request: its report. */
        REPLAYED,
        /** The notifier had reported the subject within the merge window: that report. */
        MERGED
    }

    public record Filing(ReportEntity report, Outcome outcome) {}

    /** How a report came in and which checks apply to it. */
    public record Intake(ReportChannel channel, SourceType sourceType, boolean automatedDetection, boolean limited) {

        /** The in-platform Report button: Art. 16 notice unless the notifier is a trusted flagger; rate-limited. */
        public static Intake inPlatform() {
            return new Intake(ReportChannel.IN_PLATFORM, null, false, true);
        }
    }

    private final ReportRepository reports;
    private final NotifierStandingRepository standings;
    private final ReportAnnouncer announcer;
    private final ReportingConfig config;
    private final Clock clock;

    public ReportFiling(
            ReportRepository reports,
            NotifierStandingRepository standings,
            ReportAnnouncer announcer,
            ReportingConfig config,
            Clock clock) {
        this.reports = reports;
        this.standings = standings;
        this.announcer = announcer;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Files a report or flag.
     *
     * @param idempotencyKey the request's Idempotency-Key, or null
     * @param requestHash a digest of the request body, to refuse a key reused for another request
     */
    @WithTransaction
    public Uni<Filing> file(
            Notifier notifier, NewReport input, Intake intake, String idempotencyKey, String requestHash) {
        Instant now = clock.instant();
        String key = notifier.key().value();
        return standings
                .lockOrCreate(key, notifier.accountId(), notifier.email())
                .chain(standing -> replay(key, idempotencyKey, requestHash).chain(earlier -> {
                    if (earlier != null) {
                        return Uni.createFrom().item(new Filing(earlier, Outcome.REPLAYED));
                    }
                    if (intake.limited() && standing.suspendedAt(now)) {
                        throw suspended(standing);
                    }
                    return reports.findMergeTarget(
                                    key,
                                    input.subject().key(),
                                    now.minus(config.intake().mergeWindow()))
                            .chain(target -> target != null
                                    ? merge(target, now)
                                    : checkRateLimit(key, intake, now)
                                            .chain(() -> create(
                                                    notifier,
                                                    standing,
                                                    input,
                                                    intake,
                                                    idempotencyKey,
                                                    requestHash,
                                                    now)));
                }));
    }

    /** Report processing is suspended for this notifier (DSA Art. 23): 403 with the reason and the end date. */
    private static ProblemException suspended(NotifierStandingEntity standing) {
        return ProblemException.of(
                        "notifier-suspended",
                        "Report processing is suspended for this notifier",
                        403,
                        "Your reports are not processed until " + standing.suspendedUntil + ". Reason: "
                                + standing.suspensionReason)
                .with("suspendedUntil", standing.suspendedUntil)
                .with("reason", standing.suspensionReason);
    }

    private Uni<ReportEntity> replay(String notifierKey, String idempotencyKey, String requestHash) {
        if (idempotencyKey == null) {
            return Uni.createFrom().nullItem();
        }
        return reports.findByIdempotencyKey(notifierKey, idempotencyKey).map(earlier -> {
            if (earlier != null && requestHash != null && !requestHash.equals(earlier.requestHash)) {
                throw new ProblemException(
                        ProblemKind.UNPROCESSABLE,
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
                Duration retryAfter =
                        ReportRules.retryAfter(now, oldest == null ? null : oldest.filedAt, limit.window());
                throw ProblemException.rateLimited(
                        "rate-limited",
                        "You can file at most " + limit.maxReports() + " reports per " + limit.window()
                                + "; try again in " + retryAfter.toSeconds() + " seconds",
                        retryAfter);
            });
        });
    }

    private Uni<Filing> create(
            Notifier notifier,
            NotifierStandingEntity standing,
            NewReport input,
            Intake intake,
            String idempotencyKey,
            String requestHash,
            Instant now) {
        ReportEntity report = new ReportEntity();
        report.id = UUID.randomUUID();
        report.subjectKey = input.subject().key();
        report.subjectKind = input.subject().kind().keyPrefix();
        report.hubUrl = input.hubUrl();
        report.category = input.category();
        report.subcategory = input.subcategory();
        report.explanation = input.explanation();
        report.evidenceUrls = input.evidenceUrls() == null ? List.of() : List.copyOf(input.evidenceUrls());
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
        report.sourceType = intake.sourceType() != null && !report.trustedFlagger
                ? intake.sourceType()
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
                .chain(() -> muted ? announcer.receipt(report, null) : announcer.announce(report, null))
                .replaceWith(new Filing(report, Outcome.CREATED));
    }
}

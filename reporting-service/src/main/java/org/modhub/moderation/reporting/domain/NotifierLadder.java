package org.modhub.moderation.reporting.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.modhub.moderation.kit.misuse.MisuseLadder;
import org.modhub.moderation.kit.misuse.MisuseLadder.Finding;
import org.modhub.moderation.kit.misuse.MisuseLadder.Step;
import org.modhub.moderation.reporting.config.ReportingConfig;
import org.modhub.moderation.reporting.persistence.NotifierStandingEntity;
import org.modhub.moderation.reporting.persistence.NotifierStandingRepository;
import org.modhub.moderation.reporting.persistence.ReportEntity;
import org.modhub.moderation.reporting.persistence.ReportRepository;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The misuse ladder for notifiers (DSA Art. 23), climbed after review finds reports manifestly unfounded: the kit's
 * {@link MisuseLadder} judges the weighted number of unfounded reports (a false allegation of a high or critical harm
 * weighs {@code reporting.misuse.grave-weight}) and their share of the notifier's reviewable reports within the
 * look-back period; {@link NotifierSanctions} warns or suspends.
 */
@ApplicationScoped
public class NotifierLadder {

    private final NotifierStandingRepository standings;
    private final ReportRepository reports;
    private final NotifierSanctions sanctions;
    private final ReportingConfig.Misuse config;
    private final Clock clock;

    public NotifierLadder(
            NotifierStandingRepository standings,
            ReportRepository reports,
            NotifierSanctions sanctions,
            ReportingConfig config,
            Clock clock) {
        this.standings = standings;
        this.reports = reports;
        this.sanctions = sanctions;
        this.config = config.misuse();
        this.clock = clock;
    }

    /**
     * Climbs the ladder after {@code newlyUnfounded} of the notifier's reports were found manifestly unfounded. Runs in
     * the caller's transaction (the consumer of {@code review.events}).
     */
    public Uni<Void> reviewStanding(NotifierKey key, int newlyUnfounded) {
        Instant now = clock.instant();
        Instant since = now.minus(config.lookback());
        return standings.lock(key).chain(standing -> {
            standing.unfoundedReports += newlyUnfounded;
            standing.updatedAt = now;
            if (standing.suspendedAt(now)) {
                return Uni.createFrom().voidItem();
            }
            return reports.unfoundedSince(key.value(), since)
                    .chain(unfounded -> reports.countReviewableSince(key.value(), since)
                            .chain(reviewable -> climb(standing, unfounded, reviewable, now)));
        });
    }

    private Uni<Void> climb(
            NotifierStandingEntity standing, List<ReportEntity> unfounded, long reviewable, Instant now) {
        List<Finding> findings = unfounded.stream()
                .map(r -> new Finding(
                        r.id, r.decidedAt, ReportRules.misuseWeight(r.category, r.subcategory, config.graveWeight())))
                .toList();
        Step step = MisuseLadder.next(config, standing.standing(), findings, reviewable, now);
        Log.debugf(
                "Notifier %s: %s on %d unfounded of %d reports",
                standing.notifierKey, step.kind(), step.counted().size(), step.decided());
        String why = String.format(
                "%d of your %d reports in the last %d days were found manifestly unfounded",
                step.counted().size(), step.decided(), config.lookback().toDays());
        return switch (step.kind()) {
            case WARN -> sanctions.warn(standing, why, step.counted(), now, NotifierSanctions.SYSTEM);
            case SUSPEND ->
                sanctions.suspend(
                        standing,
                        why + ", after a warning",
                        step.counted(),
                        now,
                        step.until(),
                        NotifierSanctions.SYSTEM);
            case NONE -> Uni.createFrom().voidItem();
        };
    }
}

package org.modhub.moderation.appeals.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.modhub.moderation.appeals.persistence.AppealEntity;
import org.modhub.moderation.appeals.persistence.AppealRepository;
import org.modhub.moderation.appeals.persistence.AppellantSanctionRepository;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.validation.PageCursor;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reading appeals: one appeal, an appellant's own, the staff queue, and the complaint figures of the transparency
 * report (DSA Art. 15(1)(d), 24(1)(b)).
 */
@ApplicationScoped
public class AppealRecords {

    private final AppealRepository appeals;
    private final AppellantSanctionRepository sanctions;

    public AppealRecords(AppealRepository appeals, AppellantSanctionRepository sanctions) {
        this.appeals = appeals;
        this.sanctions = sanctions;
    }

    /** Complaint figures of appeals filed within [from, to), and the ladder's steps in that period. */
    public record Figures(
            Instant from,
            Instant to,
            long filed,
            long open,
            long escalated,
            Map<String, Long> outcomes,
            Double medianHoursToDecide,
            long manifestlyUnfounded,
            Map<String, Long> sanctions) {}

    @WithSession
    public Uni<AppealEntity> get(UUID id) {
        return appeals.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Appeal", id));
    }

    /** The account's appeals, newest first: up to {@code rows} after the cursor. */
    @WithSession
    public Uni<List<AppealEntity>> mine(String accountId, PageCursor after, int rows) {
        return appeals.ofAppellant(AppellantKey.user(accountId).value(), after, rows);
    }

    /** Appeals in {@code status}, escalated first, then by due time: up to {@code rows} after the cursor. */
    @WithSession
    public Uni<List<AppealEntity>> queue(AppealStatus status, PageCursor after, int rows) {
        return appeals.queue(status, after, rows);
    }

    @WithSession
    public Uni<Figures> figures(Instant from, Instant to) {
        return appeals.filedBetween(from, to)
                .chain(all -> sanctions.between(from, to).map(steps -> {
                    Map<String, Long> outcomes = new TreeMap<>();
                    for (AppealOutcome o : AppealOutcome.values()) {
                        outcomes.put(
                                o.name(),
                                all.stream().filter(a -> a.outcome == o).count());
                    }
                    Map<String, Long> ladder = new TreeMap<>(Map.of("WARNED", 0L, "SUSPENDED", 0L, "REINSTATED", 0L));
                    steps.forEach(s -> ladder.merge(s.kind, 1L, Long::sum));
                    List<Long> hours = all.stream()
                            .filter(a -> a.resolvedAt != null)
                            .map(a -> Duration.between(a.filedAt, a.resolvedAt).toHours())
                            .sorted()
                            .toList();
                    return new Figures(
                            from,
                            to,
                            all.size(),
                            all.stream()
                                    .filter(a -> a.status == AppealStatus.OPEN)
                                    .count(),
                            all.stream().filter(a -> a.escalatedAt != null).count(),
                            outcomes,
                            Median.of(hours),
                            all.stream().filter(a -> a.manifestlyUnfounded).count(),
                            ladder);
                }));
    }
}

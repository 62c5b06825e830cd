package org.modhub.moderation.matching.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.matching.DerivationRelation;
import org.modhub.moderation.contracts.event.matching.DerivativeFound;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.hub.HubDirectory;
import org.modhub.moderation.kit.hub.ModelLink;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.matching.config.MatchingConfig;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * After a model removal, the models built on it: the hub's model tree read breadth first, level by level, down to
 * {@code matching.derivatives.depth} levels and at most {@code matching.derivatives.max} models, each model once
 * (a merge names two bases; a cycle in bad tags ends where it started). One {@link DerivativeFound} per derived
 * model and decision, through the outbox, with the chain from the removed model down. Review opens a case for each;
 * nothing is removed automatically.
 */
@ApplicationScoped
public class DerivativeWalk {

    private final HubDirectory hub;
    private final Outbox outbox;
    private final MatchingConfig config;
    private final Clock clock;

    public DerivativeWalk(HubDirectory hub, Outbox outbox, MatchingConfig config, Clock clock) {
        this.hub = hub;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** One model found below the removed one. */
    record Found(SubjectRef model, DerivationRelation relation, List<SubjectRef> chain) {}

    /** Walks the tree below {@code removed} and publishes what it finds (in the caller's transaction). */
    public Uni<Void> walk(SubjectRef removed, UUID decisionId) {
        Set<String> seen = new HashSet<>();
        seen.add(removed.key());
        Instant foundAt = clock.instant();
        List<Found> root = List.of(new Found(removed, null, List.of()));
        return level(root, 1, seen, new ArrayList<>())
                .chain(found -> Multi.createFrom()
                        .iterable(found)
                        .onItem()
                        .transformToUniAndConcatenate(f -> publishOnce(f, removed, decisionId, foundAt))
                        .collect()
                        .last()
                        .replaceWithVoid());
    }

    private Uni<List<Found>> level(List<Found> frontier, int depth, Set<String> seen, List<Found> found) {
        if (frontier.isEmpty()
                || depth > config.derivatives().depth()
                || found.size() >= config.derivatives().max()) {
            return Uni.createFrom().item(found);
        }
        return Multi.createFrom()
                .iterable(frontier)
                .onItem()
                .transformToUniAndConcatenate(
                        parent -> hub.derivatives(parent.model()).map(links -> new Object[] {parent, links}))
                .collect()
                .asList()
                .chain(answers -> {
                    List<Found> next = new ArrayList<>();
                    for (Object[] answer : answers) {
                        Found parent = (Found) answer[0];
                        @SuppressWarnings("unchecked")
                        List<ModelLink> links = (List<ModelLink>) answer[1];
                        for (ModelLink link : links) {
                            if (found.size() >= config.derivatives().max()) {
                                break;
                            }
                            if (!seen.add(link.model().key())) {
                                continue;
                            }
                            List<SubjectRef> chain = new ArrayList<>(parent.chain());
                            chain.add(link.model());
                            Found child = new Found(
                                    link.model(),
                                    DerivationRelation.valueOf(link.relation().name()),
                                    List.copyOf(chain));
                            found.add(child);
                            next.add(child);
                        }
                    }
                    return level(next, depth + 1, seen, found);
                });
    }

    private Uni<Void> publishOnce(Found found, SubjectRef removed, UUID decisionId, Instant foundAt) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO derivative_found (decision_id, model, found_at) "
                                + "VALUES (:decision, :model, :at) ON CONFLICT DO NOTHING")
                        .setParameter("decision", decisionId)
                        .setParameter("model", found.model().key())
                        .setParameter("at", foundAt)
                        .executeUpdate())
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().voidItem()
                        : outbox.publish(
                                        Topics.MATCHING_EVENTS,
                                        EventSources.MATCHING_SERVICE,
                                        new DerivativeFound(
                                                found.model(),
                                                removed,
                                                decisionId,
                                                found.relation(),
                                                found.chain(),
                                                foundAt))
                                .replaceWithVoid());
    }
}

package org.modhub.moderation.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.matching.MatchingFixtures.MIB;
import static org.modhub.moderation.matching.MatchingFixtures.WAIT;
import static org.modhub.moderation.matching.MatchingFixtures.data;
import static org.modhub.moderation.matching.MatchingFixtures.freshNamespace;
import static org.modhub.moderation.matching.MatchingFixtures.publish;
import static org.modhub.moderation.matching.MatchingFixtures.putModel;
import static org.modhub.moderation.matching.MatchingFixtures.randomSha;
import static org.modhub.moderation.matching.MatchingFixtures.removal;

import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.matching.DerivationRelation;
import org.modhub.moderation.contracts.event.matching.DerivativeFound;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.matching.MatchingFixtures.Base;
import org.modhub.moderation.matching.MatchingFixtures.HubFileFixture;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** A model removal walks the model tree: each derived model once, with its chain, down to the configured depth. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "matching"))
class DerivativeWalkTest {

    @Inject
    DataSource db;

    @Test
    void aChainFourDeepReportsTheThreeLevelsWithinTheDepthEachWithItsChain() {
        String ns = freshNamespace();
        SubjectRef a = model(ns + "/a", List.of());
        SubjectRef b = model(ns + "/b", List.of(new Base(ns + "/a", "finetune")));
        SubjectRef c = model(ns + "/c", List.of(new Base(ns + "/b", "quantized")));
        SubjectRef d = model(ns + "/d", List.of(new Base(ns + "/c", "adapter")));
        model(ns + "/e", List.of(new Base(ns + "/d", "merge")));
        DecisionTaken decision = removal(a);

        try (KafkaProbe events = KafkaProbe.from(Topics.MATCHING_EVENTS)) {
            publish(decision);

            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(found(events, decision)).hasSize(3));
            List<DerivativeFound> found = found(events, decision);
            assertThat(found).extracting(DerivativeFound::subject).containsExactly(b, c, d);
            assertThat(found)
                    .extracting(DerivativeFound::chain)
                    .containsExactly(List.of(b), List.of(b, c), List.of(b, c, d));
            assertThat(found)
                    .extracting(DerivativeFound::relation)
                    .containsExactly(
                            DerivationRelation.FINETUNE, DerivationRelation.QUANTIZED, DerivationRelation.ADAPTER);
            assertThat(found).allSatisfy(f -> assertThat(f.removedSubject()).isEqualTo(a));
        }
        // All were written in one transaction: e (depth 4) is not among them, and each model is there once.
        assertThat(Sql.count(db, "SELECT count(*) FROM derivative_found WHERE decision_id = ?", decision.decisionId()))
                .isEqualTo(3);

        // The same decision delivered again (another event id) is applied, and walks nothing again.
        String processed = "SELECT count(*) FROM kit_processed_event WHERE consumer = 'matching.review-events'";
        long before = Sql.count(db, processed);
        publish(decision);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(Sql.count(db, processed)).isGreaterThan(before));
        assertThat(Sql.count(db, "SELECT count(*) FROM derivative_found WHERE decision_id = ?", decision.decisionId()))
                .isEqualTo(3);
    }

    private static SubjectRef model(String id, List<Base> bases) {
        return putModel(id, List.of(new HubFileFixture("model.safetensors", 2 * MIB, randomSha())), bases);
    }

    private static List<DerivativeFound> found(KafkaProbe events, DecisionTaken decision) {
        return events.ofType(DerivativeFound.TYPE).stream()
                .map(v -> data(v, DerivativeFound.class))
                .filter(f -> f.decisionId().equals(decision.decisionId()))
                .sorted(Comparator.comparingInt(f -> f.chain().size()))
                .toList();
    }
}

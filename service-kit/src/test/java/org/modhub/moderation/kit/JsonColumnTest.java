package org.modhub.moderation.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.OnVertx;
import org.modhub.moderation.kit.testapp.ShapedEntity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;

/** A record in a jsonb column and a list in an array column come back as written; SQL can query inside them. */
@QuarkusTest
class JsonColumnTest {

    @Test
    void recordInJsonbAndListInArrayRoundTrip() throws Exception {
        UUID id = UUID.randomUUID();
        ShapedEntity written = new ShapedEntity();
        written.id = id;
        written.links = List.of("https://example.org/a", "https://example.org/b");
        written.shape = new ShapedEntity.Shape("triangle", 3);
        OnVertx.await(() -> Panache.withTransaction(written::persist));

        ShapedEntity read = OnVertx.await(() -> Panache.withSession(() -> ShapedEntity.<ShapedEntity>findById(id)));
        assertThat(read.links).containsExactly("https://example.org/a", "https://example.org/b");
        assertThat(read.shape).isEqualTo(new ShapedEntity.Shape("triangle", 3));

        Object sides = OnVertx.await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT (shape->>'sides')::int FROM kit_test_shaped WHERE id = :id", Integer.class)
                        .setParameter("id", id)
                        .getSingleResult())));
        assertThat(sides).isEqualTo(3);
    }
}

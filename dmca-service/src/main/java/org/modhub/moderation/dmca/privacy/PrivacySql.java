package org.modhub.moderation.dmca.privacy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The native statements of erasure and retention, run in the caller's session and transaction. */
final class PrivacySql {

    private PrivacySql() {}

    /** Runs an update or delete with named parameters and returns the rows it changed. */
    static Uni<Integer> update(String sql, Map<String, Object> params) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql);
            params.forEach(query::setParameter);
            return query.executeUpdate();
        });
    }

    /** Runs a query with named parameters; each row as its column values. */
    static Uni<List<Object[]>> rows(String sql, Map<String, Object> params) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql, Object[].class);
            params.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    /** A {@code timestamptz} as the reactive driver hands it back. */
    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}

package org.modhub.moderation.notification.privacy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Native SQL in the caller's session, for the personal-data holder and the retention rules. */
final class Rows {

    private Rows() {}

    static Uni<List<Object[]>> select(String sql, Map<String, Object> parameters) {
        if (emptyList(parameters)) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql, Object[].class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    /** Runs the statement; one with an empty list for {@code IN (:list)} touches nothing and is not sent. */
    static Uni<Integer> update(String sql, Map<String, Object> parameters) {
        if (emptyList(parameters)) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            return query.executeUpdate();
        });
    }

    private static boolean emptyList(Map<String, Object> parameters) {
        return parameters.values().stream().anyMatch(v -> v instanceof Collection<?> c && c.isEmpty());
    }

    /** A column value as text for an answer: instants in ISO-8601 UTC, null as null. */
    static String text(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i.toString();
            case OffsetDateTime o -> o.toInstant().toString();
            case LocalDateTime l -> l.toInstant(ZoneOffset.UTC).toString();
            case java.util.Date d -> d.toInstant().toString();
            default -> value.toString();
        };
    }

    /** A timestamp column as an instant; null as null. */
    static Instant instant(Object value) {
        String text = text(value);
        return text == null ? null : Instant.parse(text);
    }

    /**
     * A PostgreSQL regular expression matching any of the addresses literally (every character that is not a letter or
     * digit escaped), for {@code ~*} and {@code regexp_replace(..., 'gi')}.
     */
    static String anyOf(List<String> emails) {
        return emails.stream()
                .map(e -> e.replaceAll("[^A-Za-z0-9]", "\\\\$0"))
                .collect(Collectors.joining("|", "(", ")"));
    }
}

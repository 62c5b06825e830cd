package org.modhub.moderation.kit.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.validation.Page;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The append-only audit log of one service ({@code kit_audit_log}; the database refuses UPDATE, DELETE and TRUNCATE):
 * every state change a person makes, and those the service makes by itself, with actor and time. Appends join the
 * caller's transaction, so a change and its audit line are committed together or not at all.
 */
@ApplicationScoped
public class AuditTrail {

    /** Longest detail kept; a reason pasted from a mail is cut, not refused. */
    static final int MAX_DETAIL = 2_000;

    private final Clock clock;

    public AuditTrail(Clock clock) {
        this.clock = clock;
    }

    /** The actor of changes a service makes by itself (timers, other services' events, inbound mail). */
    public static String system(String service) {
        return "system:" + service;
    }

    /** Appends one entry that stands alone in the caller's open transaction. */
    public Uni<Void> record(
            String actor, String action, String entityType, Object entityId, String subjectKey, String detail) {
        return record(actor, action, entityType, entityId, null, subjectKey, detail);
    }

    /**
     * Appends one entry in the caller's open transaction.
     *
     * @param scopeId the record this change belongs to (e.g. a decision's case), read back with {@link #history}; null
     *     for none
     */
    public Uni<Void> record(
            String actor,
            String action,
            String entityType,
            Object entityId,
            Object scopeId,
            String subjectKey,
            String detail) {
        String bounded = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        Instant now = clock.instant();
        return Panache.currentTransaction()
                .onItem()
                .ifNull()
                .failWith(() -> new IllegalStateException(
                        "Audit entries must join the caller's transaction (use @WithTransaction)"))
                .chain(tx -> Panache.getSession())
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO kit_audit_log (at, actor, action, entity_type, entity_id, "
                                        + "scope_id, subject_key, detail) VALUES (:at, :actor, :action, :type, :id, :scope, :subject, :detail)")
                        .setParameter("at", now)
                        .setParameter("actor", actor)
                        .setParameter("action", action)
                        .setParameter("type", entityType)
                        .setParameter("id", String.valueOf(entityId))
                        .setParameter("scope", scopeId == null ? null : String.valueOf(scopeId))
                        .setParameter("subject", subjectKey)
                        .setParameter("detail", bounded)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Replaces a person's identifiers in the log with {@code anonymousRef} (GDPR Art. 17): as actor or entity
     * exactly, and their e-mail addresses and party keys wherever a detail quotes them. The log keeps every entry, so
     * it still adds up; this is the one change the database lets through, and only in a transaction that asks for it
     * ({@code kit.audit_redaction}).
     *
     * @return how many entries changed
     */
    public Uni<Integer> anonymise(List<String> identifiers, String quotePattern, String anonymousRef) {
        if (identifiers.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String pattern = quotePattern;
        return Panache.currentTransaction()
                .onItem()
                .ifNull()
                .failWith(
                        () -> new IllegalStateException("Anonymising the audit log must join the caller's transaction"))
                .chain(tx -> Panache.getSession())
                .chain(s -> s.createNativeQuery("SELECT set_config('kit.audit_redaction', 'on', true)")
                        .getSingleResult()
                        .chain(ignored -> s.createNativeQuery("UPDATE kit_audit_log SET "
                                        + "actor = CASE WHEN actor IN (:ids) THEN :ref ELSE actor END, "
                                        + "entity_id = CASE WHEN entity_id IN (:ids) THEN :ref ELSE entity_id END, "
                                        + "detail = CASE WHEN detail ~* :pattern THEN regexp_replace(detail, :pattern, :ref, 'gi') ELSE detail END "
                                        + "WHERE actor IN (:ids) OR entity_id IN (:ids) OR detail ~* :pattern")
                                .setParameter("ids", identifiers)
                                .setParameter("ref", anonymousRef)
                                .setParameter("pattern", pattern)
                                .executeUpdate())
                        .call(() -> s.createNativeQuery("SELECT set_config('kit.audit_redaction', 'off', true)")
                                .getSingleResult()));
    }

    /** Entries that name one of the identifiers (as {@link #anonymise} matches them), oldest first, at most {@code limit}. */
    public Uni<List<AuditEntry>> mentioning(List<String> identifiers, String quotePattern, int limit) {
        String pattern = quotePattern;
        return Panache.withSession(() -> Panache.getSession()
                        .chain(s -> s.createNativeQuery(
                                        "SELECT id, at, actor, action, entity_type, entity_id, scope_id, subject_key, detail "
                                                + "FROM kit_audit_log WHERE actor IN (:ids) OR entity_id IN (:ids) "
                                                + "OR detail ~* :pattern ORDER BY id LIMIT :limit",
                                        Object[].class)
                                .setParameter("ids", identifiers)
                                .setParameter("pattern", pattern)
                                .setParameter("limit", limit)
                                .getResultList()))
                .map(AuditTrail::entries);
    }

    /**
     * Entries oldest first after position {@code after}, optionally of one scope, one actor or one entity (null = any).
     *
     * @param limit at most this many
     */
    public Uni<List<AuditEntry>> read(String scopeId, String actor, String entityId, long after, int limit) {
        return select(scopeId, actor, entityId, after, limit);
    }

    /**
     * One page of the log as an audit endpoint serves it: oldest first, after the entry {@code cursor} names (the
     * opaque position is that entry's id; null: from the start), with a next cursor only when more entries follow. A
     * cursor this log did not issue is a 400 on {@code query.cursor}. A blank filter is no filter.
     */
    public Uni<Page<AuditEntry>> page(String scopeId, String actor, String entityId, String cursor, int size) {
        long after = position(cursor);
        return read(orNull(scopeId), orNull(actor), orNull(entityId), after, size + 1)
                .map(rows -> {
                    boolean more = rows.size() > size;
                    List<AuditEntry> items = more ? rows.subList(0, size) : rows;
                    return new Page<>(
                            items, more ? String.valueOf(items.get(size - 1).id()) : null);
                });
    }

    private static String orNull(String filter) {
        return filter == null || filter.isBlank() ? null : filter;
    }

    private static long position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            long after = Long.parseLong(cursor);
            if (after >= 0) {
                return after;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.invalidField("query.cursor", "is not a cursor this service issued");
    }

    /** Every entry of one scope, oldest first: the whole history of a record, e.g. a case. */
    public Uni<List<AuditEntry>> history(Object scopeId) {
        return select(String.valueOf(scopeId), null, null, 0, null);
    }

    private Uni<List<AuditEntry>> select(String scopeId, String actor, String entityId, long after, Integer limit) {
        StringBuilder sql =
                new StringBuilder("SELECT id, at, actor, action, entity_type, entity_id, scope_id, subject_key, "
                        + "detail FROM kit_audit_log WHERE id > :after");
        if (scopeId != null) {
            sql.append(" AND scope_id = :scope");
        }
        if (actor != null) {
            sql.append(" AND actor = :actor");
        }
        if (entityId != null) {
            sql.append(" AND entity_id = :entity");
        }
        sql.append(" ORDER BY id");
        if (limit != null) {
            sql.append(" LIMIT :limit");
        }
        return Panache.withSession(() -> Panache.getSession().chain(s -> {
                    var query =
                            s.createNativeQuery(sql.toString(), Object[].class).setParameter("after", after);
                    if (scopeId != null) {
                        query.setParameter("scope", scopeId);
                    }
                    if (actor != null) {
                        query.setParameter("actor", actor);
                    }
                    if (entityId != null) {
                        query.setParameter("entity", entityId);
                    }
                    if (limit != null) {
                        query.setParameter("limit", limit);
                    }
                    return query.getResultList();
                }))
                .map(AuditTrail::entries);
    }

    private static List<AuditEntry> entries(List<Object[]> rows) {
        List<AuditEntry> entries = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            entries.add(new AuditEntry(
                    ((Number) r[0]).longValue(),
                    instant(r[1]),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    (String) r[8]));
        }
        return entries;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}

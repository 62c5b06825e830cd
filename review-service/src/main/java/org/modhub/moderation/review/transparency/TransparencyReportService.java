package org.modhub.moderation.review.transparency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;
import org.modhub.moderation.contracts.event.appeals.DisputeOutcome;
import org.modhub.moderation.contracts.event.dmca.RestorationReason;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.kit.validation.Params;
import org.modhub.moderation.review.transparency.TransparencyFacts.Kind;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Computes the {@link TransparencyReport} of a period with aggregate SQL over {@code case_report},
 * {@code decision} and {@code transparency_fact}. All queries run in one read-only REPEATABLE READ
 * transaction, so the figures come from one snapshot and agree with each other even while events
 * arrive. Blocking JDBC (call it on a worker thread): a dozen sequential aggregates read more
 * plainly than a chain of reactive queries, and the export next door uses the same pool.
 */
@ApplicationScoped
public class TransparencyReportService {

    /** The key for decisions without a ground ({@code NO_ACTION}). */
    public static final String NO_GROUND = "NONE";

    private static final String ENFORCED_IN_PERIOD =
            " d.kind = 'DECISION' AND d.status = 'ENFORCED' " + "AND d.decided_at >= ? AND d.decided_at < ? ";

    private final DataSource db;

    public TransparencyReportService(DataSource db) {
        this.db = db;
    }

    public TransparencyReport report(Params.Range period) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Period p = new Period(c, period);
                return new TransparencyReport(
                        period.from(),
                        period.to(),
                        notices(p),
                        decisions(p),
                        complaints(p),
                        disputes(p),
                        suspensions(p),
                        dmca(p));
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("transparency report for " + period + " failed: " + e.getMessage(), e);
        }
    }

    private TransparencyReport.Notices notices(Period p) throws SQLException {
        String inPeriod = " FROM case_report r WHERE r.filed_at >= ? AND r.filed_at < ? ";
        Map<String, Map<String, Long>> byCategoryAndSource = new LinkedHashMap<>();
        for (PolicyCategory category : PolicyCategory.values()) {
            byCategoryAndSource.put(category.name(), keys(SourceType.class));
        }
        p.rows(
                "SELECT r.category, r.source_type, count(*)" + inPeriod + "GROUP BY 1, 2",
                rs -> byCategoryAndSource
                        .computeIfAbsent(rs.getString(1), k -> keys(SourceType.class))
                        .put(rs.getString(2), rs.getLong(3)));
        // A notice's time to decision: to the first decision that took effect naming it (any outcome, no action
        // included).
        String decided = """
                SELECT r.report_id, (extract(epoch FROM min(d.decided_at) - r.filed_at) / 3600.0)::float8 AS hours
                FROM case_report r JOIN decision d ON d.case_id = r.case_id AND d.kind = 'DECISION' AND d.status = 'ENFORCED'
                     AND r.report_id = ANY (d.report_ids)
                WHERE r.filed_at >= ? AND r.filed_at < ?
                GROUP BY r.report_id, r.filed_at
                """;
        return new TransparencyReport.Notices(
                p.count("SELECT count(*)" + inPeriod),
                p.count("SELECT count(*)" + inPeriod + "AND r.withdrawn_at IS NOT NULL"),
                p.count("SELECT count(*)" + inPeriod + "AND r.trusted_flagger"),
                p.count("SELECT count(*)" + inPeriod + "AND r.automated_detection"),
                p.grouped("SELECT r.source_type, count(*)" + inPeriod + "GROUP BY 1", keys(SourceType.class)),
                p.grouped("SELECT r.category, count(*)" + inPeriod + "GROUP BY 1", keys(PolicyCategory.class)),
                byCategoryAndSource,
                p.count("SELECT count(*) FROM (" + decided + ") t"),
                p.median("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FROM (" + decided + ") t"));
    }

    private TransparencyReport.Decisions decisions(Period p) throws SQLException {
        String from = " FROM decision d WHERE" + ENFORCED_IN_PERIOD;
        String withActions =
                " FROM decision d CROSS JOIN LATERAL unnest(d.actions) AS a(action) WHERE" + ENFORCED_IN_PERIOD;
        Map<String, Long> grounds = keys(DecisionGround.class);
        grounds.put(NO_GROUND, 0L);
        Map<String, Map<String, Long>> byActionAndGround = new LinkedHashMap<>();
        for (ModerationAction action : ModerationAction.values()) {
            byActionAndGround.put(action.name(), new LinkedHashMap<>(grounds));
        }
        p.rows(
                "SELECT a.action, coalesce(d.ground, '" + NO_GROUND + "'), count(*)" + withActions + "GROUP BY 1, 2",
                rs -> byActionAndGround
                        .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>(grounds))
                        .put(rs.getString(2), rs.getLong(3)));
        return new TransparencyReport.Decisions(
                p.count("SELECT count(*)" + from),
                p.grouped("SELECT d.origin, count(*)" + from + "GROUP BY 1", keys(DecisionOrigin.class)),
                p.grouped("SELECT d.automated_decision, count(*)" + from + "GROUP BY 1", keys(AutomatedDecision.class)),
                p.grouped(
                        "SELECT coalesce(d.ground, '" + NO_GROUND + "'), count(*)" + from + "GROUP BY 1",
                        new LinkedHashMap<>(grounds)),
                p.grouped("SELECT a.action, count(*)" + withActions + "GROUP BY 1", keys(ModerationAction.class)),
                byActionAndGround,
                p.grouped("SELECT d.category, count(*)" + from + "GROUP BY 1", keys(PolicyCategory.class)),
                p.count("SELECT count(*) FROM decision d WHERE d.kind = 'REVERSAL' AND d.status = 'ENFORCED' "
                        + "AND d.decided_at >= ? AND d.decided_at < ?"));
    }

    private TransparencyReport.Complaints complaints(Period p) throws SQLException {
        // Time to decide: from the AppealFiled fact of the same appeal; appeals filed before facts were kept have none.
        String days = """
                SELECT (extract(epoch FROM r.at - f.at) / 86400.0)::float8 AS days
                FROM transparency_fact r JOIN transparency_fact f ON f.kind = 'APPEAL_FILED' AND f.ref_id = r.ref_id
                WHERE r.kind = 'APPEAL_RESOLVED' AND r.at >= ? AND r.at < ?
                """;
        return new TransparencyReport.Complaints(
                p.count(facts("count(*)", Kind.APPEAL_FILED, "")),
                p.grouped(facts("detail, count(*)", Kind.APPEAL_FILED, "GROUP BY 1"), keys(AppellantRole.class)),
                p.count(facts("count(*)", Kind.APPEAL_RESOLVED, "")),
                p.grouped(facts("detail, count(*)", Kind.APPEAL_RESOLVED, "GROUP BY 1"), keys(AppealOutcome.class)),
                p.median("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FROM (" + days + ") t"));
    }

    private TransparencyReport.Disputes disputes(Period p) throws SQLException {
        return new TransparencyReport.Disputes(
                p.count(facts("count(*)", Kind.DISPUTE_RECORDED, "")),
                p.count(facts("count(*)", Kind.DISPUTE_SETTLED, "")),
                p.grouped(facts("detail, count(*)", Kind.DISPUTE_SETTLED, "GROUP BY 1"), keys(DisputeOutcome.class)),
                p.median(facts(
                        "percentile_cont(0.5) WITHIN GROUP (ORDER BY (extract(epoch FROM at - started_at) / 86400.0)::float8)",
                        Kind.DISPUTE_SETTLED,
                        "")),
                p.count(facts("count(*)", Kind.DISPUTE_SETTLED, "AND detail = 'IN_FAVOUR_OF_RECIPIENT' AND flag")));
    }

    private TransparencyReport.Suspensions suspensions(Period p) throws SQLException {
        return new TransparencyReport.Suspensions(
                p.count("SELECT count(*) FROM decision d WHERE" + ENFORCED_IN_PERIOD
                        + "AND d.ground = 'DECISION_GROUND_ILLEGAL_CONTENT' AND 'SUSPEND_ACCOUNT' = ANY (d.actions)"),
                p.count(facts("count(*)", Kind.NOTIFIER_SUSPENDED, "")),
                p.count(facts("count(*)", Kind.APPELLANT_SUSPENDED, "")));
    }

    private TransparencyReport.Dmca dmca(Period p) throws SQLException {
        return new TransparencyReport.Dmca(
                p.count(facts("count(DISTINCT ref_id)", Kind.DMCA_NOTICE, "")),
                p.count(facts("count(DISTINCT ref_id)", Kind.DMCA_NOTICE, "AND flag")),
                p.count("SELECT count(*) FROM decision d WHERE" + ENFORCED_IN_PERIOD + "AND d.origin = 'DMCA'"),
                p.count(facts("count(*)", Kind.DMCA_COUNTER_NOTICE, "")),
                p.count(facts("count(*)", Kind.DMCA_COURT_ACTION, "")),
                p.count(facts("count(*)", Kind.DMCA_RESTORATION, "")),
                p.grouped(
                        facts("detail, count(*)", Kind.DMCA_RESTORATION, "GROUP BY 1"), keys(RestorationReason.class)));
    }

    /** A query over one kind of fact in the period; the kind is an enum constant, never input. */
    private static String facts(String select, Kind kind, String rest) {
        return "SELECT " + select + " FROM transparency_fact WHERE kind = '" + kind.name() + "' AND at >= ? AND at < ? "
                + rest;
    }

    /** Every constant of an enum as a key with zero, in declaration order. */
    private static Map<String, Long> keys(Class<? extends Enum<?>> type) {
        Map<String, Long> keys = new LinkedHashMap<>();
        for (Enum<?> constant : type.getEnumConstants()) {
            keys.put(constant.name(), 0L);
        }
        return keys;
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Queries whose two parameters are the period's bounds. */
    private record Period(Connection c, Params.Range range) {

        void rows(String sql, RowHandler handler) throws SQLException {
            try (PreparedStatement q = c.prepareStatement(sql)) {
                q.setObject(1, OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC));
                q.setObject(2, OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        handler.row(rs);
                    }
                }
            }
        }

        long count(String sql) throws SQLException {
            long[] n = {0};
            rows(sql, rs -> n[0] = rs.getLong(1));
            return n[0];
        }

        /** Null when there is nothing to take the median of. */
        Double median(String sql) throws SQLException {
            Double[] m = {null};
            rows(sql, rs -> {
                double v = rs.getDouble(1);
                m[0] = rs.wasNull()
                        ? null
                        : Math.round(v * 1000) / 1000.0; // to the thousandth: no float noise in exports
            });
            return m[0];
        }

        /** Counts by key onto {@code keys} (unknown keys from older rows are added, not dropped). */
        Map<String, Long> grouped(String sql, Map<String, Long> keys) throws SQLException {
            rows(sql, rs -> keys.put(rs.getString(1), rs.getLong(2)));
            return keys;
        }
    }
}

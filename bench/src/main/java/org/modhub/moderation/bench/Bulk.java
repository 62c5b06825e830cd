package org.modhub.moderation.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Bulk-loads review-service's tables with {@code INSERT ... SELECT generate_series}, copying every
 * column not overridden from a real row the service wrote (a case, its report, an enforced
 * decision with its statement of reasons), so every value is one the service itself produces.
 * Ids are derived ({@code md5(...)::uuid}) so reports find their cases without a lookup.
 */
final class Bulk {

    /** The first day of the period the bulk decisions took effect in (the export's {@code from}). */
    static final String DECISIONS_FROM = "2026-01-01T00:00:00Z";
    /** The export's {@code to}: after the last bulk decision (one a second for up to ~30 days). */
    static final String DECISIONS_TO = "2026-02-01T00:00:00Z";

    private Bulk() {}

    /** {@code cases} open cases with {@code reports} reports among them (reports / cases each). */
    static void queue(Connection db, int cases, int reports) throws SQLException {
        int perCase = Math.max(1, reports / cases);
        String caseTemplate = template(
                db,
                "SELECT c.id::text FROM review_case c WHERE EXISTS (SELECT 1 FROM case_report r "
                        + "WHERE r.case_id = c.id) ORDER BY c.opened_at LIMIT 1");
        insert(
                db,
                "review_case",
                "t.id = '" + caseTemplate + "'::uuid",
                cases,
                Map.ofEntries(
                        Map.entry("id", "md5('bulk-case-' || g)::uuid"),
                        Map.entry("state", "'OPEN'"),
                        Map.entry("assignee", "NULL"),
                        Map.entry("claimed_at", "NULL"),
                        Map.entry("closed_at", "NULL"),
                        Map.entry("return_reason", "NULL"),
                        Map.entry("subject_key", "t.subject_key || '-bulk-' || g"),
                        Map.entry("priority", "t.priority + (g % 500)"),
                        Map.entry("report_count", Integer.toString(perCase)),
                        Map.entry("due_at", "now() + (g % 10000) * interval '1 minute'"),
                        Map.entry("opened_at", "now() - (g % 10000) * interval '1 minute'"),
                        Map.entry("updated_at", "now()")));
        insert(
                db,
                "case_report",
                "t.report_id = (SELECT report_id FROM case_report WHERE case_id = '" + caseTemplate
                        + "'::uuid LIMIT 1)",
                reports,
                Map.of(
                        "report_id", "md5('bulk-report-' || g)::uuid",
                        "case_id", "md5('bulk-case-' || ((g - 1) / " + perCase + " + 1))::uuid",
                        "subject_key", "t.subject_key || '-bulk-' || ((g - 1) / " + perCase + " + 1)",
                        "reporter_id", "'bulk-reporter-' || g",
                        "reporter_email", "'bulk-reporter-' || g || '@example.org'",
                        "filed_at", "now() - (g % 10000) * interval '1 minute'"));
    }

    /** {@code decisions} enforced decisions, ten on each of decisions / 10 closed cases (one report each). */
    static void decisions(Connection db, int decisions) throws SQLException {
        int perCase = 10;
        int cases = Math.max(1, decisions / perCase);
        String decisionTemplate = template(
                db,
                "SELECT id::text FROM decision WHERE status = 'ENFORCED' AND kind = 'DECISION' "
                        + "AND id IN (SELECT decision_id FROM statement_submission WHERE statement IS NOT NULL) ORDER BY decided_at LIMIT 1");
        String caseTemplate =
                template(db, "SELECT case_id::text FROM decision WHERE id = '" + decisionTemplate + "'::uuid");
        insert(
                db,
                "review_case",
                "t.id = '" + caseTemplate + "'::uuid",
                cases,
                Map.of(
                        "id", "md5('bulk-closed-' || g)::uuid",
                        "subject_key", "t.subject_key || '-closed-' || g",
                        "state", "'CLOSED'",
                        "assignee", "NULL",
                        "opened_at", "timestamptz '" + DECISIONS_FROM + "' - interval '1 day'",
                        "closed_at", "timestamptz '" + DECISIONS_FROM + "'"));
        insert(
                db,
                "case_report",
                "t.report_id = (SELECT report_id FROM case_report WHERE case_id = '" + caseTemplate
                        + "'::uuid LIMIT 1)",
                cases,
                Map.of(
                        "report_id", "md5('bulk-closed-report-' || g)::uuid",
                        "case_id", "md5('bulk-closed-' || g)::uuid",
                        "subject_key", "t.subject_key || '-closed-' || g",
                        "reporter_id", "'bulk-notifier-' || g",
                        "reporter_email", "'bulk-notifier-' || g || '@example.org'"));
        insert(
                db,
                "decision",
                "t.id = '" + decisionTemplate + "'::uuid",
                decisions,
                Map.of(
                        "id", "md5('bulk-decision-' || g)::uuid",
                        "case_id", "md5('bulk-closed-' || ((g - 1) / " + perCase + " + 1))::uuid",
                        "subject_key", "t.subject_key || '-closed-' || ((g - 1) / " + perCase + " + 1)",
                        "owner_id", "'bulk-owner-' || ((g - 1) / " + perCase + " + 1)",
                        "reverses_decision_id", "NULL",
                        "created_at", "timestamptz '" + DECISIONS_FROM + "' + g * interval '1 second'",
                        "decided_at", "timestamptz '" + DECISIONS_FROM + "' + g * interval '1 second'"));
        // Each with the statement the service stored when the template took effect, under its own puid.
        String newId = "md5('bulk-decision-' || g)::uuid";
        insert(
                db,
                "statement_submission",
                "t.decision_id = '" + decisionTemplate + "'::uuid",
                decisions,
                Map.of(
                        "decision_id", newId,
                        "puid", "'modhub-sor-' || " + newId,
                        "statement", "replace(t.statement, t.decision_id::text, " + newId + "::text)",
                        "next_attempt_at", "timestamptz '" + DECISIONS_FROM + "' + g * interval '1 second'",
                        "created_at", "timestamptz '" + DECISIONS_FROM + "' + g * interval '1 second'"));
    }

    /**
     * What autovacuum would have done long before in a database that grew over months: statistics,
     * and the visibility map. Left to autovacuum, it would run during the measurement instead.
     */
    static void analyze(Connection db) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("VACUUM (ANALYZE)");
        }
    }

    /** {@code n} ids of open bulk cases drawn at random (the same ids as {@code md5('bulk-case-' || g)::uuid}). */
    static List<String> someCaseIds(int cases, int n) {
        List<String> ids = new ArrayList<>();
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < n; i++) {
            String hex = md5Hex("bulk-case-" + (1 + random.nextInt(cases)));
            ids.add(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20));
        }
        return ids;
    }

    private static String md5Hex(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("MD5")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String template(Connection db, String sql) throws SQLException {
        try (Statement q = db.createStatement();
                ResultSet rs = q.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no template row: " + sql);
            }
            return rs.getString(1);
        }
    }

    private static void insert(
            Connection db, String table, String templateWhere, int rows, Map<String, String> overrides)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement q =
                db.prepareStatement("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                        + "'public' AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        StringJoiner names = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (String column : columns) {
            names.add(column);
            values.add(overrides.getOrDefault(column, "t." + column));
        }
        String sql = "INSERT INTO " + table + " (" + names + ") SELECT " + values + " FROM " + table
                + " t CROSS JOIN generate_series(1, " + rows + ") g WHERE " + templateWhere;
        try (Statement statement = db.createStatement()) {
            int inserted = statement.executeUpdate(sql);
            if (inserted != rows) {
                throw new IllegalStateException(table + ": inserted " + inserted + " rows, not " + rows);
            }
        }
    }
}

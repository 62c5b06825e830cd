package org.modhub.moderation.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One-value queries against a service's database. */
final class Queries {

    private Queries() {}

    static String single(Stack stack, String database, String sql) throws SQLException {
        try (Connection db = stack.db(database);
                Statement q = db.createStatement();
                ResultSet rs = q.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return rs.getString(1);
        }
    }

    static long count(Stack stack, String database, String sql) throws SQLException {
        return Long.parseLong(single(stack, database, sql));
    }
}

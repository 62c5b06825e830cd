package org.modhub.moderation.devstack.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Reads a service's own database from a test through its JDBC datasource, to check what was
 * really written (and that nothing half-written remains), not only what the API says.
 */
public final class Sql {

    private Sql() {}

    /** The first column of the first row, as a number: {@code SELECT count(*) ...}. */
    public static long count(DataSource ds, String sql, Object... params) {
        return ((Number) rows(ds, sql, params).get(0).get(0)).longValue();
    }

    /** Every row, each as its column values in order. */
    public static List<List<Object>> rows(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs an update and returns the number of rows it changed (test set-up, e.g. moving a clock column). */
    public static int update(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}

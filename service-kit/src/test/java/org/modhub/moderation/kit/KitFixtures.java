package org.modhub.moderation.kit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.smallrye.jwt.build.Jwt;

/** What the kit's tests share: SQL through the JDBC datasource and tokens signed with the test key. */
public final class KitFixtures {

    private KitFixtures() {
    }

    public static long count(DataSource ds, String sql, Object... params) {
        List<List<Object>> rows = rows(ds, sql, params);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    public static List<List<Object>> rows(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
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
            throw new IllegalStateException(e);
        }
    }

    public static String token(String subject, String... roles) {
        return Jwt.subject(subject).upn(subject).groups(java.util.Set.of(roles)).expiresIn(Duration.ofMinutes(10)).sign();
    }
}

package org.modhub.moderation.review.transparency;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

import org.modhub.moderation.kit.validation.Params;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every decision that took effect in a period, as Transparency Database statements, one JSON
 * object per line, each as stored when its decision took effect. Rows come through a database
 * cursor a few hundred at a time, so memory stays flat whatever the period holds (the reactive
 * client has no cursor that outlives a transaction, hence JDBC on a worker thread).
 */
@ApplicationScoped
public class StatementExport {

    /** Rows fetched per round trip. */
    static final int FETCH = 500;

    private static final String QUERY = "SELECT " + StatementSource.COLUMNS + StatementSource.FROM + """
            WHERE d.status = 'ENFORCED' AND d.kind = 'DECISION' AND d.statement IS NOT NULL
              AND d.decided_at >= ? AND d.decided_at < ?
            ORDER BY d.decided_at, d.id
            """;

    private final DataSource db;
    private final StatementSource source;

    public StatementExport(DataSource db, StatementSource source) {
        this.db = db;
        this.source = source;
    }

    /** Writes the period's statements to {@code out}; returns how many. Blocking. */
    public long write(Params.Range period, OutputStream out) {
        long written = 0;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL only streams with a cursor inside a transaction
            c.setReadOnly(true);
            try (PreparedStatement q = c.prepareStatement(QUERY)) {
                q.setFetchSize(FETCH);
                q.setObject(1, period.from().atOffset(ZoneOffset.UTC));
                q.setObject(2, period.to().atOffset(ZoneOffset.UTC));
                BufferedOutputStream w = new BufferedOutputStream(out, 64 * 1024);
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        Optional<byte[]> json = source.json(rows, 1);
                        if (json.isPresent()) {
                            w.write(json.get());
                            w.write('\n');
                            written++;
                        }
                    }
                }
                w.flush();
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statement export failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("the client went away during the statement export", e);
        }
        return written;
    }
}

package org.modhub.moderation.matching.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.modhub.moderation.contracts.event.matching.UploadVerdict;
import org.modhub.moderation.matching.domain.BankSource;
import org.modhub.moderation.matching.domain.HashIndex;
import org.postgresql.PGStatement;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the bank in bulk over JDBC, on a worker thread: the chunks stream through a server-side cursor (a few rows
 * of 2 MiB at a time) straight into a {@link HashIndex.Builder}, so loading holds the index being built and one
 * fetch, never the whole result set. The chunks come in binary (not pgjdbc's hex text) and in order of source and
 * {@code seq}: a source's chunks are stored sorted, so a load of one source is already in hash order and the
 * builder sorts nothing. Each read runs in one REPEATABLE READ snapshot, so the revision, the sources
 * and their chunks agree.
 */
@ApplicationScoped
public class BankReader {

    private static final String SOURCE_COLUMNS =
            "id, kind, decision_id, subject_key, import_id, list_source, reason, verdict, active";
    private static final int CHUNKS_PER_FETCH = 4;

    private final DataSource db;

    public BankReader(DataSource db) {
        this.db = db;
    }

    /** What one read found: the revision it saw, the sources changed after the given one, their hashes. */
    public record Snapshot(long revision, List<BankSource> sources, HashIndex.Segment segment) {}

    /** The current revision (one index probe; what every replica polls). */
    public long revision() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT rev FROM bank_revision WHERE id = 1");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Sources whose revision is above {@code after} (all of them for -1), and the hashes of those among them that
     * are not in {@code known}.
     */
    public Snapshot changedSince(long after, Collection<Integer> known) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                long revision;
                try (PreparedStatement st = c.prepareStatement("SELECT rev FROM bank_revision WHERE id = 1");
                        ResultSet rs = st.executeQuery()) {
                    rs.next();
                    revision = rs.getLong(1);
                }
                List<BankSource> sources = new ArrayList<>();
                long expected = 0;
                try (PreparedStatement st = c.prepareStatement(
                        "SELECT " + SOURCE_COLUMNS + ", hashes FROM bank_source WHERE rev > ? ORDER BY id")) {
                    st.setLong(1, after);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            BankSource source = source(rs);
                            sources.add(source);
                            if (!known.contains(source.id())) {
                                expected += rs.getInt("hashes");
                            }
                        }
                    }
                }
                HashIndex.Builder builder = new HashIndex.Builder((int) Math.min(Integer.MAX_VALUE - 8, expected));
                try (PreparedStatement st = c.prepareStatement("SELECT c.source_id, c.hashes FROM bank_chunk c "
                        + "JOIN bank_source s ON s.id = c.source_id WHERE s.rev > ? ORDER BY c.source_id, c.seq")) {
                    st.setLong(1, after);
                    st.setFetchSize(CHUNKS_PER_FETCH);
                    // pgjdbc sends bytea as hex text until a statement has run prepareThreshold (5) times; a
                    // negative threshold asks for binary from the first execution: half the bytes, no hex decoding.
                    st.unwrap(PGStatement.class).setPrepareThreshold(-1);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            int sourceId = rs.getInt(1);
                            if (known.contains(sourceId)) {
                                continue;
                            }
                            byte[] hashes = rs.getBytes(2);
                            builder.addRaw(hashes, 0, hashes.length, sourceId);
                        }
                    }
                }
                return new Snapshot(revision, sources, builder.build());
            } finally {
                c.rollback();
            }
        }
    }

    /** The source by id, or null. */
    static BankSource source(ResultSet rs) throws SQLException {
        return new BankSource(
                rs.getInt("id"),
                BankSource.Kind.valueOf(rs.getString("kind")),
                rs.getObject("decision_id", UUID.class),
                rs.getString("subject_key"),
                rs.getObject("import_id", UUID.class),
                rs.getString("list_source"),
                rs.getString("reason"),
                UploadVerdict.valueOf(rs.getString("verdict")),
                rs.getBoolean("active"));
    }
}

package org.modhub.moderation.matching.persistence;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;

import javax.sql.DataSource;

import org.modhub.moderation.contracts.event.matching.UploadVerdict;
import org.modhub.moderation.matching.domain.HashIndex;
import org.modhub.moderation.matching.domain.SignalCsv;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes the active bank as CSV straight from PostgreSQL, chunk by chunk through a cursor: an export of ten million
 * hashes holds one 2 MiB chunk at a time, never the list.
 */
@ApplicationScoped
public class BankExporter {

    /** Which sources an export holds. */
    public enum Origin {
        DECISIONS,
        IMPORTS,
        ALL
    }

    private final DataSource db;

    public BankExporter(DataSource db) {
        this.db = db;
    }

    /** Writes the header and one row per active (source, hash); decision rows name {@code sourceName}. */
    public void write(OutputStream out, Origin origin, String sourceName) {
        String filter = switch (origin) {
            case DECISIONS -> " AND s.kind = 'DECISION'";
            case IMPORTS -> " AND s.kind = 'IMPORT'";
            case ALL -> "";
        };
        HexFormat hex = HexFormat.of();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement st = c.prepareStatement("SELECT s.kind, s.decision_id, s.list_source, s.reason, "
                    + "s.verdict, c.hashes FROM bank_source s JOIN bank_chunk c ON c.source_id = s.id "
                    + "WHERE s.active" + filter + " ORDER BY s.id, c.seq")) {
                st.setFetchSize(4);
                Writer writer = new java.io.BufferedWriter(
                        new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                writer.write(SignalCsv.HEADER + "\r\n");
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String source = "DECISION".equals(rs.getString(1))
                                ? sourceName + ":decision:" + rs.getObject(2, UUID.class)
                                : rs.getString(3);
                        String reason = rs.getString(4);
                        UploadVerdict verdict = UploadVerdict.valueOf(rs.getString(5));
                        byte[] hashes = rs.getBytes(6);
                        for (int at = 0; at < hashes.length; at += HashIndex.HASH_BYTES) {
                            writer.write(SignalCsv.row(
                                    hex.formatHex(hashes, at, at + HashIndex.HASH_BYTES), source, reason, verdict));
                        }
                    }
                }
                writer.flush();
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot export the bank: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

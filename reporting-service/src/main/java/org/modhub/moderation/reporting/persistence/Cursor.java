package org.modhub.moderation.reporting.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.modhub.moderation.kit.problem.ProblemException;

/** A keyset position in a newest-first list of reports: the last item's filing time and id, opaque to clients. */
public record Cursor(Instant filedAt, UUID id) {

    public static Cursor after(ReportEntity last) {
        return new Cursor(last.filedAt, last.id);
    }

    public String encode() {
        long micros = filedAt.getEpochSecond() * 1_000_000L + filedAt.getNano() / 1_000;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor a client sent back; null for none; a malformed one is a 400 on {@code query.cursor}. */
    public static Cursor decode(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            long micros = Long.parseLong(text.substring(0, bar));
            UUID id = UUID.fromString(text.substring(bar + 1));
            return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L), id);
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("query.cursor", "is not a cursor this service issued");
        }
    }
}

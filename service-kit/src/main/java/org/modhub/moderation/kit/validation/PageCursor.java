package org.modhub.moderation.kit.validation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.modhub.moderation.kit.problem.ProblemException;

/**
 * A keyset position in a list ordered by an optional rank (a priority), a time and an id: the last
 * item's values, opaque to clients. Keyset paging stays fast at any depth, unlike OFFSET. Lists
 * ordered by time alone leave the rank 0.
 */
public record PageCursor(int rank, Instant at, UUID id) {

    public PageCursor(Instant at, UUID id) {
        this(0, at, id);
    }

    public String encode() {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((rank + "|" + micros + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor a client sent back; null for none; a malformed one is a 400 on {@code query.cursor}. */
    public static PageCursor decode(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("three parts expected");
            }
            long micros = Long.parseLong(parts[1]);
            return new PageCursor(
                    Integer.parseInt(parts[0]),
                    Instant.ofEpochSecond(
                            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("query.cursor", "is not a cursor this service issued");
        }
    }
}

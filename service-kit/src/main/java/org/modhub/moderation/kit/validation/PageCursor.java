package org.modhub.moderation.kit.validation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.modhub.moderation.kit.problem.ProblemException;

/**
 * A keyset position in a list ordered by a time and an id (newest first, or by due time): the
 * last item's values, opaque to clients. Keyset paging stays fast at any depth, unlike OFFSET.
 */
public record PageCursor(Instant at, UUID id) {

    public String encode() {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        return Base64.getUrlEncoder().withoutPadding().encodeToString((micros + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor a client sent back; null for none; a malformed one is a 400 on {@code query.cursor}. */
    public static PageCursor decode(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            long micros = Long.parseLong(text.substring(0, bar));
            UUID id = UUID.fromString(text.substring(bar + 1));
            return new PageCursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L),
                    id);
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("query.cursor", "is not a cursor this service issued");
        }
    }
}

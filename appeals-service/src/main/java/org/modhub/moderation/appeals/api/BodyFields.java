package org.modhub.moderation.appeals.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.modhub.moderation.kit.validation.FieldChecks;

/**
 * Two field checks the kit's {@link FieldChecks} lacks (a UUID field, a date field), recorded on it like its own, until
 * the kit has them.
 */
final class BodyFields {

    private BodyFields() {}

    /** A UUID in its canonical form. */
    static UUID uuid(FieldChecks check, String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            return absent(check, field, required);
        }
        try {
            UUID id = UUID.fromString(value.strip());
            if (id.toString().equalsIgnoreCase(value.strip())) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // recorded below
        }
        check.add(field, "must be a UUID like 0b6c2a9e-1d3f-4e5a-9b7c-2d8e4f6a1b3c");
        return null;
    }

    /** A calendar date, ISO 8601. */
    static LocalDate date(FieldChecks check, String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            return absent(check, field, required);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            check.add(field, "must be a date like 2026-01-31");
            return null;
        }
    }

    private static <T> T absent(FieldChecks check, String field, boolean required) {
        if (required) {
            check.add(field, "is required");
        }
        return null;
    }
}

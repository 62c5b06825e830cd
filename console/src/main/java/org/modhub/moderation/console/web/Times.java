package org.modhub.moderation.console.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * Instants as staff read them: {@code {when:at(c.dueAt)}} "6 Dec 2026 17:03 UTC", {@code {when:from(c.dueAt)}}
 * "in 3 h" or "2 h ago". Every time is UTC and says so: moderators work across time zones.
 */
@TemplateExtension(namespace = "when")
public final class Times {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Times() {}

    public static String at(Object iso) {
        Instant instant = parse(iso);
        return instant == null ? "" : AT.format(instant);
    }

    public static String day(Object iso) {
        Instant instant = parse(iso);
        return instant == null ? "" : DAY.format(instant);
    }

    /** The ISO form, for {@code <time datetime>}. */
    public static String iso(Object iso) {
        Instant instant = parse(iso);
        return instant == null ? "" : instant.toString();
    }

    public static String from(Object iso) {
        Instant instant = parse(iso);
        if (instant == null) {
            return "";
        }
        Duration d = Duration.between(Instant.now(), instant);
        String span = span(d.abs());
        return d.isNegative() ? span + " ago" : "in " + span;
    }

    static String span(Duration d) {
        if (d.toDays() >= 2) {
            return d.toDays() + " days";
        }
        if (d.toHours() >= 1) {
            return d.toHours() + " h";
        }
        return Math.max(1, d.toMinutes()) + " min";
    }

    static Instant parse(Object iso) {
        if (iso == null || iso.toString().isBlank()) {
            return null;
        }
        try {
            return Instant.parse(iso.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

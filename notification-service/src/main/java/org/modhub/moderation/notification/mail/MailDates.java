package org.modhub.moderation.notification.mail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people read them. Senders pass ISO instants ({@code 2026-05-03T10:00:00Z}) and dates ({@code 2026-05-22});
 * a mail shows "3 May 2026, 10:00 UTC" and "22 May 2026" (German: "3. Mai 2026, 10:00 UTC"). Times are always given in
 * UTC, named, because we do not know the reader's time zone and a deadline must mean one instant for everyone.
 */
final class MailDates {

    /** An ISO date, optionally with a time and an offset; not inside a longer word or number. */
    private static final Pattern ISO = Pattern.compile(
            "(?<![\\w-])(\\d{4}-\\d{2}-\\d{2})(?:T(\\d{2}:\\d{2})(?::\\d{2}(?:\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?(?![\\w-])");

    private static final Pattern URL = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);

    private MailDates() {}

    /** {@code text} with every ISO date or instant in it written for a reader of {@code language}; links left alone. */
    static String readable(String text, String language) {
        if (text == null || text.isEmpty() || text.indexOf('-') < 0) {
            return text;
        }
        List<int[]> links = new ArrayList<>();
        Matcher url = URL.matcher(text);
        while (url.find()) {
            links.add(new int[] {url.start(), url.end()});
        }
        Matcher m = ISO.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        int last = 0;
        while (m.find()) {
            if (inside(links, m.start())) {
                continue;
            }
            String replacement = format(m.group(), m.group(2) != null, language);
            if (replacement != null) {
                out.append(text, last, m.start()).append(replacement);
                last = m.end();
            }
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    /** The instant as "3 May 2026, 10:00 UTC", or null when {@code value} is not an ISO date or instant. */
    static String format(String value, boolean withTime, String language) {
        Locale locale = locale(language);
        try {
            if (withTime) {
                Instant instant = OffsetDateTime.parse(value).toInstant();
                return DateTimeFormatter.ofPattern(pattern(locale, true), locale)
                        .format(instant.atZone(ZoneOffset.UTC));
            }
            return DateTimeFormatter.ofPattern(pattern(locale, false), locale).format(LocalDate.parse(value));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String pattern(Locale locale, boolean withTime) {
        String date = locale.getLanguage().equals("de") ? "d. MMMM yyyy" : "d MMMM yyyy";
        return withTime ? date + ", HH:mm 'UTC'" : date;
    }

    private static Locale locale(String language) {
        return language != null && language.startsWith("de") ? Locale.GERMAN : Locale.ENGLISH;
    }

    private static boolean inside(List<int[]> spans, int index) {
        for (int[] span : spans) {
            if (index >= span[0] && index < span[1]) {
                return true;
            }
        }
        return false;
    }
}

package org.modhub.moderation.review.transparency;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes personal data out of the free text of a statement before it leaves the hub: every email
 * address, and the names of the people involved (reporters, the owner) wherever they stand as a
 * word of their own. The DSA Transparency Database is public; a moderator's facts may quote a
 * mail or name a reporter, the statement must not.
 */
final class Redactor {

    static final String EMAIL_REMOVED = "[email removed]";
    static final String NAME_REMOVED = "[name removed]";

    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*", Pattern.UNICODE_CHARACTER_CLASS);
    /** Shorter names would strike ordinary words. */
    private static final int MIN_NAME = 3;

    /** The identities, lower-cased; each one's pattern is compiled only for a text that may hold it. */
    private final List<String> names;

    private final Map<String, Pattern> patterns = new HashMap<>();

    private Redactor(List<String> names) {
        this.names = names;
    }

    /** A redactor for one statement, given the identities of the people its decision involved. */
    static Redactor of(Collection<String> identities) {
        return new Redactor(identities.stream()
                .filter(id -> id != null && id.length() >= MIN_NAME && !id.contains("@"))
                .map(id -> id.toLowerCase(Locale.ROOT))
                .distinct()
                .toList());
    }

    String clean(String text) {
        if (text == null) {
            return null;
        }
        // No '@', no address: skips a regex scan of every field of every exported statement.
        String out = text.indexOf('@') < 0 ? text : EMAIL.matcher(text).replaceAll(EMAIL_REMOVED);
        String lower = null;
        for (String name : names) {
            boolean ascii = name.chars().allMatch(c -> c < 128);
            if (ascii) {
                lower = lower != null ? lower : out.toLowerCase(Locale.ROOT);
                if (!lower.contains(name)) {
                    continue; // most texts name nobody: no regex for them
                }
            }
            out = pattern(name).matcher(out).replaceAll(Matcher.quoteReplacement(NAME_REMOVED));
            lower = null;
        }
        return out;
    }

    private Pattern pattern(String name) {
        return patterns.computeIfAbsent(
                name,
                id -> Pattern.compile(
                        "(?<![\\p{L}\\p{N}_-])" + Pattern.quote(id) + "(?![\\p{L}\\p{N}_-])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
}

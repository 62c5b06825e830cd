package org.modhub.moderation.review.transparency;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
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

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** Shorter names would strike ordinary words. */
    private static final int MIN_NAME = 3;

    private final List<Pattern> names;

    private Redactor(List<Pattern> names) {
        this.names = names;
    }

    /** A redactor for one statement, given the identities of the people its decision involved. */
    static Redactor of(Collection<String> identities) {
        return new Redactor(identities.stream()
                .filter(id -> id != null && id.length() >= MIN_NAME && !id.contains("@"))
                .map(id -> id.toLowerCase(Locale.ROOT))
                .distinct()
                .map(id -> Pattern.compile("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(id) + "(?![\\p{L}\\p{N}_-])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList());
    }

    String clean(String text) {
        if (text == null) {
            return null;
        }
        // No '@', no address: skips a regex scan of every field of every exported statement.
        String out = text.indexOf('@') < 0 ? text : EMAIL.matcher(text).replaceAll(EMAIL_REMOVED);
        for (Pattern name : names) {
            out = name.matcher(out).replaceAll(Matcher.quoteReplacement(NAME_REMOVED));
        }
        return out;
    }
}

package org.modhub.moderation.appeals.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modhub.moderation.kit.privacy.Person;

/**
 * Where free text (an appeal's arguments or explanation, a dispute's notes) names a person: by one of their addresses
 * or party keys ({@code user:<id>}, {@code email:<address>}), whole, in any case. A bare account id is not looked for
 * in prose (a short id would match ordinary words), as the kit's audit log anonymisation does. The texts are bounded
 * by the request checks (a few thousand characters), and each pattern is a quoted literal: linear.
 */
final class Mentions {

    /** Not preceded by a character that would make the match part of a longer address or key. */
    private static final String BEFORE = "(?<![\\w.+-])";
    /** Not followed by one either; a full stop ending the sentence is fine. */
    private static final String AFTER = "(?![\\w-]|\\.\\w)";

    private final List<Pattern> patterns;
    private final String replacement;
    private final List<String> needles;

    private Mentions(Person person) {
        List<String> all = new ArrayList<>(person.partyKeys());
        all.addAll(person.emails());
        // Longest first: "email:a@b.org" goes whole before "a@b.org" would leave "email:" behind.
        this.needles = all.stream()
                .map(n -> n.toLowerCase(Locale.ROOT))
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        this.patterns = needles.stream()
                .map(n -> Pattern.compile(BEFORE + Pattern.quote(n) + AFTER, Pattern.CASE_INSENSITIVE))
                .toList();
        this.replacement = Matcher.quoteReplacement(person.anonymousRef());
    }

    static Mentions of(Person person) {
        return new Mentions(person);
    }

    /** The lower-cased strings a SQL pre-filter ({@code strpos(lower(text), needle) > 0}) looks for. */
    String[] needles() {
        return needles.toArray(String[]::new);
    }

    /** Whether any of {@code texts} names the person. */
    boolean in(String... texts) {
        for (String text : texts) {
            if (text != null) {
                for (Pattern p : patterns) {
                    if (p.matcher(text).find()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** {@code text} with every mention of the person replaced by their anonymous reference. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Pattern p : patterns) {
            out = p.matcher(out).replaceAll(replacement);
        }
        return out;
    }
}

package org.modhub.moderation.contracts.subject;

/**
 * A subject key or subject part that breaks the grammar of {@link SubjectRef}. The message names
 * the part that is wrong and never echoes more than a cleaned, shortened copy of the input.
 */
public class InvalidSubjectException extends IllegalArgumentException {

    public InvalidSubjectException(String message) {
        super(message);
    }

    /** A log-safe rendering of untrusted input: control and format characters escaped, length capped. */
    static String quote(String input) {
        if (input == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("'");
        input.codePoints().limit(80).forEach(c -> {
            if (c < 0x20
                    || c == 0x7f
                    || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                    || Character.getType(c) == Character.SURROGATE) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (input.codePointCount(0, input.length()) > 80) {
            out.append("…");
        }
        return out.append('\'').toString();
    }
}

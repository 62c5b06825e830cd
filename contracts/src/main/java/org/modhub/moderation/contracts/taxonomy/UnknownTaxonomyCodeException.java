package org.modhub.moderation.contracts.taxonomy;

/**
 * A category or subcategory code that the taxonomy does not know. An {@link IllegalArgumentException}
 * so REST layers map it to a 400 with the message as the field error.
 */
public class UnknownTaxonomyCodeException extends IllegalArgumentException {

    private final String code;

    public UnknownTaxonomyCodeException(String kind, String code, Iterable<String> known) {
        super("unknown policy " + kind + " code '" + printable(code) + "'; known codes: " + String.join(", ", known));
        this.code = code;
    }

    /** The code that was asked for, as given. */
    public String code() {
        return code;
    }

    // The code comes from user input: keep control characters and long strings out of logs.
    private static String printable(String code) {
        if (code == null) {
            return "null";
        }
        String cleaned = code.codePoints()
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }
}

package org.modhub.moderation.dmca.domain;

import java.util.regex.Pattern;

/**
 * What of a notice may be shown to the uploader and the public, the way public notice archives
 * (Lumen) do it: a company claimant keeps its name; an individual's name, and every email address
 * and telephone number in free text, are removed. Signatures and contact details never leave staff views.
 */
public final class Redaction {

    public static final String INDIVIDUAL = "[private individual]";
    public static final String REDACTED = "[redacted]";

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"(),;:]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()./-]{6,}\\d");

    private Redaction() {}

    /** The claimant as shown outside staff views. */
    public static String claimant(String organisation) {
        return organisation == null || organisation.isBlank() ? INDIVIDUAL : organisation.strip();
    }

    /** Free text with email addresses and telephone numbers removed. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        return PHONE.matcher(EMAIL.matcher(text).replaceAll(REDACTED)).replaceAll(REDACTED);
    }
}

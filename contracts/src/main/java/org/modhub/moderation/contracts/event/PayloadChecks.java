package org.modhub.moderation.contracts.event;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks that payload records run in their compact constructors. Each throws
 * {@link IllegalArgumentException} naming the field, so a producer fails before writing its outbox
 * and a consumer sends a malformed message to its dead-letter topic with a useful reason.
 */
public final class PayloadChecks {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"]{1,64}@[^\\s@<>\"]{1,253}");
    public static final int MAX_URL_LENGTH = 2048;

    private PayloadChecks() {}

    /** {@code value}, which must not be null. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** {@code value}, which must be present and not blank. */
    public static String text(String value, String field) {
        if (required(value, field).isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** {@code value}, which may be null but not blank. */
    public static String optionalText(String value, String field) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(field + " must be absent or not blank");
        }
        return value;
    }

    /** An immutable copy of a required list without null elements (it may be empty). */
    public static <T> List<T> list(List<T> values, String field) {
        required(values, field);
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(field + " must not contain null");
            }
        }
        return List.copyOf(values);
    }

    /** As {@link #list}, and not empty. */
    public static <T> List<T> nonEmptyList(List<T> values, String field) {
        List<T> copy = list(values, field);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return copy;
    }

    /** An immutable copy of a required map without null keys or values. */
    public static <K, V> Map<K, V> map(Map<K, V> values, String field) {
        required(values, field);
        values.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException(field + " must not contain null keys or values");
            }
        });
        return Map.copyOf(values);
    }

    /** An ISO 3166-1 alpha-2 country code in upper case; null allowed when {@code optional}. */
    public static String countryCode(String value, String field, boolean optional) {
        if (value == null && optional) {
            return null;
        }
        if (!COUNTRY.matcher(required(value, field)).matches()) {
            throw new IllegalArgumentException(
                    field + " must be an ISO 3166-1 alpha-2 code like 'DE', not '" + shorten(value) + "'");
        }
        return value;
    }

    /** A plausible e-mail address (one '@', no spaces or angle brackets); null allowed when {@code optional}. */
    public static String email(String value, String field, boolean optional) {
        if (value == null && optional) {
            return null;
        }
        if (!EMAIL.matcher(required(value, field)).matches()) {
            throw new IllegalArgumentException(field + " is not an e-mail address: '" + shorten(value) + "'");
        }
        return value;
    }

    /** An absolute http or https URL with a host (no javascript:, data: or file: links reach staff views). */
    public static String httpUrl(String value, String field) {
        text(value, field);
        if (value.length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        field + " must be an absolute http(s) URL: '" + shorten(value) + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " is not a valid URL: '" + shorten(value) + "'");
        }
        return value;
    }

    /** Requires {@code later} to be strictly after {@code earlier}. */
    public static void after(Instant later, Instant earlier, String laterField, String earlierField) {
        if (later != null && earlier != null && !later.isAfter(earlier)) {
            throw new IllegalArgumentException(laterField + " must be after " + earlierField);
        }
    }

    /** Throws with {@code message} unless {@code condition} holds. */
    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String shorten(String value) {
        String cleaned = value.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) + "…" : cleaned;
    }
}

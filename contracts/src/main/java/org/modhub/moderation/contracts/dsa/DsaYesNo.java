package org.modhub.moderation.contracts.dsa;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The answers of the DSA statement's yes/no attributes, {@code automated_detection} and
 * {@code incompatible_content_illegal}. Unlike the other enumerations, the API spells these as
 * the capitalised words {@code "Yes"} and {@code "No"}, which is what {@link #apiValue()} (and so
 * JSON) carries; the constant names are Java's.
 */
public enum DsaYesNo {
    YES("Yes"),
    NO("No");

    private final String apiValue;

    DsaYesNo(String apiValue) {
        this.apiValue = apiValue;
    }

    /** The exact string the API accepts: {@code "Yes"} or {@code "No"}. */
    @JsonValue
    public String apiValue() {
        return apiValue;
    }

    /** {@link #YES} for {@code true}, {@link #NO} for {@code false}. */
    public static DsaYesNo of(boolean yes) {
        return yes ? YES : NO;
    }

    /** The constant for an API string; exact spelling only, as the API is case-sensitive. */
    @JsonCreator
    public static DsaYesNo fromApiValue(String value) {
        for (DsaYesNo answer : values()) {
            if (answer.apiValue.equals(value)) {
                return answer;
            }
        }
        throw new IllegalArgumentException("not \"Yes\" or \"No\": " + value);
    }
}

package org.modhub.moderation.appeals.domain;

import java.util.Locale;

import org.modhub.moderation.kit.problem.ProblemException;

/** Names an appellant: {@code user:<account id>} for hub accounts, {@code email:<address>} for mail senders. */
public record AppellantKey(String value) {

    public static AppellantKey user(String accountId) {
        return new AppellantKey("user:" + accountId);
    }

    public static AppellantKey email(String address) {
        return new AppellantKey("email:" + address.toLowerCase(Locale.ROOT));
    }

    /** Parses a path parameter; anything else is a 400 naming {@code field}. */
    public static AppellantKey parse(String value, String field) {
        if (value != null && value.startsWith("user:") && value.length() > 5 && value.length() <= 300) {
            return new AppellantKey(value);
        }
        if (value != null && value.startsWith("email:") && value.indexOf('@') > 6 && value.length() <= 300) {
            return email(value.substring(6));
        }
        throw ProblemException.invalidField(field, "must be user:<account id> or email:<address>");
    }

    @Override
    public String toString() {
        return value;
    }
}

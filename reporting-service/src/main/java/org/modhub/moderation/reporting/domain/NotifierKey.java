package org.modhub.moderation.reporting.domain;

import java.util.Locale;

import org.modhub.moderation.kit.problem.ProblemException;

/**
 * Who filed a report, as one string: {@code user:<hub account id>} for signed-in notifiers,
 * {@code email:<address>} for people known only by mail. Rate limits, merging and standing are
 * kept per key.
 */
public record NotifierKey(String value) {

    public static NotifierKey user(String accountId) {
        return new NotifierKey("user:" + accountId);
    }

    public static NotifierKey email(String address) {
        return new NotifierKey("email:" + address.toLowerCase(Locale.ROOT));
    }

    /** Parses a key as given in a URL; a malformed one is a 400 naming {@code field}. */
    public static NotifierKey parse(String value, String field) {
        if (value != null && value.startsWith("user:") && value.length() > 5 && value.length() <= 260) {
            return new NotifierKey(value);
        }
        if (value != null && value.startsWith("email:") && value.indexOf('@') > 6 && value.length() <= 330) {
            return email(value.substring(6));
        }
        throw ProblemException.invalidField(field, "must be 'user:<account id>' or 'email:<address>'");
    }

    public boolean isUser() {
        return value.startsWith("user:");
    }

    /** The account id of a {@code user:} key, else null. */
    public String accountId() {
        return isUser() ? value.substring(5) : null;
    }

    /** The address of an {@code email:} key, else null. */
    public String emailAddress() {
        return isUser() ? null : value.substring(6);
    }

    @Override
    public String toString() {
        return value;
    }
}

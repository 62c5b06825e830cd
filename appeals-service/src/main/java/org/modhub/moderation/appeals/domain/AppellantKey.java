package org.modhub.moderation.appeals.domain;

import java.util.Locale;

import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.validation.FieldChecks;

/** Names an appellant: {@code user:<account id>} for hub accounts, {@code email:<address>} for mail senders. */
public record AppellantKey(String value) {

    public static AppellantKey user(String accountId) {
        return new AppellantKey("user:" + accountId);
    }

    public static AppellantKey email(String address) {
        return new AppellantKey("email:" + address.toLowerCase(Locale.ROOT));
    }

    /** Parses a path parameter (the address by the kit's e-mail rule); anything else is a 400 naming {@code field}. */
    public static AppellantKey parse(String value, String field) {
        if (value != null && value.startsWith("user:") && value.length() > 5 && value.length() <= 300) {
            return new AppellantKey(value);
        }
        if (value != null && value.startsWith("email:")) {
            String address = new FieldChecks().email(value.substring(6), field, true);
            if (address != null) {
                return email(address);
            }
        }
        throw ProblemException.invalidField(field, "must be user:<account id> or email:<address>");
    }

    @Override
    public String toString() {
        return value;
    }
}

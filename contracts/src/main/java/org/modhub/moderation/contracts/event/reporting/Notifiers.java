package org.modhub.moderation.contracts.event.reporting;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

/** Shared checks for the notifier-standing events (DSA Art. 23). */
final class Notifiers {

    private Notifiers() {}

    /** A notifier is known by hub user id, by mail address, or both. */
    static void checkIdentity(String notifierId, String notifierEmail) {
        optionalText(notifierId, "notifierId");
        email(notifierEmail, "notifierEmail", true);
        check(notifierId != null || notifierEmail != null, "notifierId or notifierEmail is required");
    }

    /** Keeps one notifier's standing events in order. */
    static String partitionKey(String notifierId, String notifierEmail) {
        return "notifier:" + (notifierId != null ? notifierId : notifierEmail.toLowerCase(java.util.Locale.ROOT));
    }
}

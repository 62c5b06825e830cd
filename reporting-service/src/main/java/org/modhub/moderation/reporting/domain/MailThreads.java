package org.modhub.moderation.reporting.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.modhub.moderation.contracts.MailRoutes.ThreadKind;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;

/**
 * The threads of the mails to notifiers: what a reply belongs to, and so which service handles it
 * (contracts {@code MailRoutes}), whatever address it reaches.
 */
public final class MailThreads {

    private MailThreads() {}

    /** A report's receipt and location requests: a reply comes back here and adds to the report. */
    public static String report(UUID reportId) {
        return NotificationRequested.threadKey(ThreadKind.REPORT.prefix(), reportId);
    }

    /** A report's outcome: a reply contests the decision at appeals-service, apart from the owner's thread. */
    public static String outcome(UUID decisionId) {
        return NotificationRequested.threadKey(ThreadKind.OUTCOME.prefix(), decisionId);
    }

    /** A notifier's warning, suspension and reinstatement: {@code notifier:<uuid>}, no address in the key. */
    public static String notifier(String notifierKey) {
        return NotificationRequested.threadKey(
                ThreadKind.NOTIFIER_STANDING.prefix(),
                UUID.nameUUIDFromBytes(notifierKey.getBytes(StandardCharsets.UTF_8)));
    }
}

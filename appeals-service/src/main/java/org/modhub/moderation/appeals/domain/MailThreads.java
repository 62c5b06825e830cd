package org.modhub.moderation.appeals.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.modhub.moderation.contracts.MailRoutes;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;

/**
 * The threads of this service's mails, which replies come back on (contracts {@code MailRoutes}). No address is ever
 * part of a key: a person's address would otherwise travel in every Message-ID.
 */
final class MailThreads {

    private MailThreads() {}

    /** An appeal's mails and their replies: {@code appeal:<id>}. */
    static String appeal(UUID appealId) {
        return NotificationRequested.threadKey(MailRoutes.ThreadKind.APPEAL.prefix(), appealId);
    }

    /** An appellant's standing mails: {@code appellant:<uuid of the appellant key>}. */
    static String appellant(String appellantKey) {
        return "appellant:" + nameId(appellantKey);
    }

    /** The answer to a mail that did not become an appeal: {@code inquiry:<uuid of its Message-ID>}. */
    static String inquiry(String messageId) {
        return NotificationRequested.threadKey(MailRoutes.ThreadKind.INQUIRY.prefix(), nameId(messageId));
    }

    /** A stable id for a name, e.g. of the person's mail a receipt answers. */
    static UUID nameId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The id of a thread token of {@code kind} ({@code <kind>:<uuid>}); null for another kind or no id. */
    static UUID idOf(String threadToken, String kind) {
        if (threadToken == null || !threadToken.startsWith(kind + ":")) {
            return null;
        }
        try {
            return UUID.fromString(threadToken.substring(kind.length() + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

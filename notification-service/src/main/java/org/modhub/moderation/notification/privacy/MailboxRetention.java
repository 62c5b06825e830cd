package org.modhub.moderation.notification.privacy;

import java.time.Instant;

import org.modhub.moderation.kit.privacy.RetentionRule;
import org.modhub.moderation.notification.mail.MailboxMessages;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code mailbox-messages}: the gateway files every message it has recorded into its mailbox's processed folder (or,
 * when unreadable, the quarantine folder) and never reads it again; 30 days after the server received it, it is
 * deleted from the mail server. What a service needs of it travelled on {@code mail.inbound} and is kept there; the
 * inbox folder itself (mail still to be handled) is never touched. The journal's copies have their own, shorter purge
 * ({@code JournalPurge}, {@code notification.outbound.journal.retention}).
 */
@ApplicationScoped
public class MailboxRetention implements RetentionRule {

    private final MailboxMessages mailboxes;

    public MailboxRetention(MailboxMessages mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public String kind() {
        return "mailbox-messages";
    }

    @Override
    public String description() {
        return "Messages the gateway has handled (processed and quarantine folders of every inbox) that the mail "
                + "server received before the cutoff: deleted from the mail server";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return OffTheEventLoop.run(() -> mailboxes.purgeHandled(cutoff, limit));
    }
}

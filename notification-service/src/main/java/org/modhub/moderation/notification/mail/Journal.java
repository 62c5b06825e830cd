package org.modhub.moderation.notification.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.modhub.moderation.notification.config.NotificationConfig;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.ComparisonTerm;

/**
 * The journal mailbox gets a Bcc of every outbound mail. The SMTP server accepts a message for all its recipients at
 * once, so "the journal holds this Message-ID" means "the recipient's copy was accepted too": after an ambiguous
 * failure (timeout, crash between SMTP and recording) the sender asks here before sending again.
 */
@ApplicationScoped
public class Journal {

    private final NotificationConfig.Journal config;
    private final ImapConnector imap;
    private final Clock clock;

    public Journal(NotificationConfig config, ImapConnector imap, Clock clock) {
        this.config = config.outbound().journal();
        this.imap = imap;
        this.clock = clock;
    }

    public boolean enabled() {
        return config.address().isPresent() && config.user().isPresent() && config.password().isPresent();
    }

    public Optional<String> address() {
        return enabled() ? config.address() : Optional.empty();
    }

    /** Whether a copy with this Message-ID reached the journal. Blocking; throws when the journal cannot be read. */
    public boolean contains(String messageId) throws MessagingException {
        try (Store store = imap.connect(config.user().orElseThrow(), config.password().orElseThrow())) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                for (Message message : inbox.search(new HeaderTerm("Message-ID", messageId))) {
                    String[] ids = message.getHeader("Message-ID");
                    if (ids != null && ids.length > 0 && ids[0].strip().equals(messageId)) {
                        return true;
                    }
                }
                return false;
            } finally {
                inbox.close(false);
            }
        }
    }

    /** Deletes journal copies older than the retention. Blocking. */
    public void purgeOld() {
        if (!enabled()) {
            return;
        }
        Instant before = clock.instant().minus(config.retention());
        try (Store store = imap.connect(config.user().orElseThrow(), config.password().orElseThrow())) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] old = inbox.search(new ReceivedDateTerm(ComparisonTerm.LT, Date.from(before)));
            for (Message message : old) {
                message.setFlag(Flags.Flag.DELETED, true);
            }
            inbox.close(true);
        } catch (MessagingException e) {
            Log.warnf("Cannot purge the mail journal: %s", e.getMessage());
        }
    }
}

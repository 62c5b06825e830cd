package org.modhub.moderation.notification.mail;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.modhub.moderation.notification.config.NotificationConfig;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.HeaderTerm;
import jakarta.mail.search.ReceivedDateTerm;

/**
 * The journal mailbox gets a Bcc of every outbound mail. The SMTP server accepts a message for all its recipients at
 * once, so "the journal holds this Message-ID" means "the recipient's copy was accepted too": after an ambiguous
 * failure (timeout, crash between SMTP and recording) the sender asks here before sending again.
 */
@ApplicationScoped
public class Journal {

    private final NotificationConfig.Journal config;
    private final ImapConnector imap;

    public Journal(NotificationConfig config, ImapConnector imap) {
        this.config = config.outbound().journal();
        this.imap = imap;
    }

    public boolean enabled() {
        return config.address().isPresent()
                && config.user().isPresent()
                && config.password().isPresent();
    }

    public Optional<String> address() {
        return enabled() ? config.address() : Optional.empty();
    }

    /** Whether a copy with this Message-ID reached the journal. Blocking; throws when the journal cannot be read. */
    public boolean contains(String messageId) throws MessagingException {
        try (Store store =
                imap.connect(config.user().orElseThrow(), config.password().orElseThrow())) {
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

    /**
     * Deletes the journal's copy of one mail, by Message-ID. Blocking; returns how many copies it deleted (0 when the
     * copy has not arrived yet or is gone already).
     */
    public int deleteCopy(String messageId) throws MessagingException {
        if (!enabled()) {
            return 0;
        }
        try (Store store =
                imap.connect(config.user().orElseThrow(), config.password().orElseThrow())) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            List<Long> copies = new ArrayList<>();
            try {
                Message[] candidates = inbox.search(new HeaderTerm("Message-ID", messageId));
                long[] uids = ImapUids.fetch(inbox, candidates, "Message-ID");
                for (int i = 0; i < candidates.length; i++) {
                    String[] ids = candidates[i].getHeader("Message-ID");
                    if (ids != null && ids.length > 0 && ids[0].strip().equals(messageId)) {
                        copies.add(uids[i]);
                    }
                }
                ImapUids.delete(inbox, copies);
            } finally {
                inbox.close(true);
            }
            return copies.size();
        }
    }

    /**
     * Deletes journal copies older than the retention, except those in {@code unresolved} (Message-IDs of deliveries a
     * retry may still look up). Age is judged on the mail server's clock (the newest copy's INTERNALDATE), not ours: a
     * sender whose clock runs ahead of the server's must not purge the copies a retry is about to ask for. Blocking;
     * returns how many copies were deleted.
     */
    public int purgeOld(Set<String> unresolved) {
        if (!enabled()) {
            return 0;
        }
        try (Store store =
                imap.connect(config.user().orElseThrow(), config.password().orElseThrow())) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            List<Long> old = new ArrayList<>();
            try {
                // The gateway reads the same mailbox and may expunge a message under us: such a message is skipped.
                Date newest = null;
                for (int i = inbox.getMessageCount(); i >= 1 && newest == null; i--) {
                    newest = receivedDate(inbox.getMessage(i));
                }
                if (newest == null) {
                    return 0;
                }
                Date before = Date.from(newest.toInstant().minus(config.retention()));
                Message[] candidates = inbox.search(new ReceivedDateTerm(ComparisonTerm.LT, before));
                long[] uids = ImapUids.fetch(inbox, candidates, "Message-ID");
                for (int i = 0; i < candidates.length; i++) {
                    try {
                        // IMAP SEARCH compares whole days; the exact cut is ours.
                        Date received = candidates[i].getReceivedDate();
                        String[] ids = candidates[i].getHeader("Message-ID");
                        String id = ids == null || ids.length == 0 ? null : ids[0].strip();
                        if (received != null && received.before(before) && (id == null || !unresolved.contains(id))) {
                            old.add(uids[i]);
                        }
                    } catch (MessagingException gone) {
                        Log.debugf("Journal purge skipped a message that changed under it: %s", gone.getMessage());
                    }
                }
                ImapUids.delete(inbox, old);
            } finally {
                inbox.close(true);
            }
            return old.size();
        } catch (MessagingException e) {
            Log.warnf("Cannot purge the mail journal: %s", e.getMessage());
            return 0;
        }
    }

    /** A message's received date, or null when it is gone (expunged by another session meanwhile). */
    private static Date receivedDate(Message message) {
        try {
            return message.getReceivedDate();
        } catch (MessagingException gone) {
            return null;
        }
    }
}

package org.modhub.moderation.notification.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.modhub.moderation.notification.config.NotificationConfig;
import org.modhub.moderation.notification.domain.InboundService;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.NotTerm;
import jakarta.mail.search.SearchTerm;

/**
 * Polls the safety@, dmca@, legal@ and feedback@ inboxes (and the sender's mailbox for delivery reports) over IMAP. For
 * each message: parse, record and route in one transaction ({@link InboundService}), and only after that commit move
 * it to the processed folder; a crash in between leaves it in the inbox, and the next poll finds it already recorded
 * and only moves it. Hostile mail cannot stall it: a message over {@code max-message-bytes} is not downloaded, and one
 * that cannot be parsed within {@code parse-budget} (or at all) is recorded as quarantined and then moved to the
 * quarantine folder, so it is parsed once, never again. A database or IMAP failure leaves the message where it is for
 * the next poll. The poller never stops for one bad message.
 */
@ApplicationScoped
public class InboxPoller {

    private static final SearchTerm NOT_DELETED = new FlagTerm(new Flags(Flags.Flag.DELETED), false);

    /** The name under which delivery reports are recorded (not an inbox of {@code Mailboxes}). */
    public static final String BOUNCES = "bounces";

    private final NotificationConfig.Inbound config;
    /** Our own sender address: mail from it in the sender's mailbox is the journal's copy of what we sent. */
    private final String ownAddress;
    /** Unread mail not from our own address: an IMAP SEARCH (UNSEEN NOT FROM), answered by the server. */
    private final SearchTerm unseenNotOurs;

    private final ImapConnector imap;
    private final InboundService inbound;
    private final MeterRegistry registry;
    private final MimeParser parser;
    private final InboxWatch watch;

    public InboxPoller(
            NotificationConfig config,
            ImapConnector imap,
            InboundService inbound,
            MeterRegistry registry,
            InboxWatch watch) {
        this.config = config.inbound();
        this.ownAddress = MailAddresses.bare(config.outbound().from());
        this.unseenNotOurs = new AndTerm(
                new FlagTerm(new Flags(Flags.Flag.SEEN), false), new NotTerm(new FromStringTerm(ownAddress)));
        this.imap = imap;
        this.inbound = inbound;
        this.registry = registry;
        this.watch = watch;
        this.parser = new MimeParser(
                imap.session(),
                this.config.maxAttachmentBytes(),
                this.config.maxTextChars(),
                this.config.maxHtmlChars());
    }

    @Scheduled(
            every = "${notification.inbound.poll-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "inbox-poller")
    void poll() {
        if (!config.enabled()) {
            return;
        }
        for (Map.Entry<String, NotificationConfig.Mailbox> entry :
                config.mailboxes().entrySet()) {
            pollQuietly(entry.getKey(), entry.getValue(), false);
        }
        config.bounces().ifPresent(box -> pollQuietly(BOUNCES, box, true));
    }

    private void pollQuietly(String name, NotificationConfig.Mailbox box, boolean reportsOnly) {
        try {
            pollMailbox(name, box, reportsOnly);
            watch.polled(name);
        } catch (MessagingException | RuntimeException e) {
            registry.counter("notification.inbound.poll_failures", "mailbox", name)
                    .increment();
            Log.warnf("Polling %s failed; retrying on the next poll: %s", name, e.toString());
        }
    }

    /**
     * One pass over a mailbox. For the sender's mailbox ({@code reportsOnly}) only delivery reports and auto-replies are
     * taken: the server's search leaves out the journal's copies of our own mail (fetching, parsing and flagging each of
     * them cost the gateway, and the server, as much as sending it), and anything else there is marked seen and left.
     */
    void pollMailbox(String name, NotificationConfig.Mailbox box, boolean reportsOnly) throws MessagingException {
        try (Store store = imap.connect(box.user(), box.password())) {
            Folder inbox = store.getFolder(box.folder());
            inbox.open(Folder.READ_WRITE);
            Folder processed = ensure(store, box.processedFolder());
            Folder quarantine = ensure(store, box.quarantineFolder());
            try {
                Message[] messages = reportsOnly ? inbox.search(unseenNotOurs) : inbox.getMessages();
                if (messages.length > config.batchSize()) {
                    messages = Arrays.copyOf(messages, config.batchSize());
                }
                // Each message is read and moved by the UID fetched with its headers, never by its number (see
                // ImapUids).
                long[] uids = ImapUids.fetch(inbox, messages, "Message-ID", "From");
                for (int i = 0; i < messages.length; i++) {
                    handle(name, box, reportsOnly, inbox, processed, quarantine, messages[i], uids[i]);
                }
            } finally {
                noteWhatIsLeft(name, inbox, reportsOnly);
                inbox.close(true);
            }
        }
    }

    /**
     * Tells {@link InboxWatch} when the oldest message still waiting in the inbox arrived (the server's received date):
     * after a poll that went through, what did not fit its batch; after one that failed on a message, that message
     * too. Only undeleted messages count (a moved one is deleted here until the folder closes), and in the sender's
     * mailbox only the unseen ones not from us, what the next poll would take. At most the first
     * {@code batch-size} are looked at.
     */
    private void noteWhatIsLeft(String name, Folder inbox, boolean reportsOnly) {
        try {
            SearchTerm waiting = reportsOnly ? new AndTerm(unseenNotOurs, NOT_DELETED) : NOT_DELETED;
            Message[] left = inbox.search(waiting);
            if (left.length > config.batchSize()) {
                left = Arrays.copyOf(left, config.batchSize());
            }
            FetchProfile received = new FetchProfile();
            received.add(FetchProfile.Item.ENVELOPE); // INTERNALDATE comes with it
            inbox.fetch(left, received);
            Instant oldest = null;
            for (Message message : left) {
                Date at = message.isExpunged() ? null : message.getReceivedDate();
                if (at != null && (oldest == null || at.toInstant().isBefore(oldest))) {
                    oldest = at.toInstant();
                }
            }
            watch.left(name, oldest);
        } catch (MessagingException | RuntimeException e) {
            Log.debugf("Could not look at what is left in %s (kept the last look): %s", name, e.toString());
        }
    }

    private void handle(
            String name,
            NotificationConfig.Mailbox box,
            boolean reportsOnly,
            Folder inbox,
            Folder processed,
            Folder quarantine,
            Message message,
            long uid)
            throws MessagingException {
        // The server's RFC822.SIZE: an oversized message is never downloaded, only recorded by its headers and moved.
        int size = message.getSize();
        if (size > config.maxMessageBytes()) {
            byte[] header = ImapUids.body(inbox, uid, "HEADER");
            if (header == null) {
                return; // expunged by another session meanwhile
            }
            // The header lines without the blank line that ends them, then the size: what identified it before.
            String lines = new String(header, StandardCharsets.ISO_8859_1);
            if (lines.endsWith("\r\n\r\n")) {
                lines = lines.substring(0, lines.length() - 2);
            }
            byte[] identity = (lines + size).getBytes(StandardCharsets.UTF_8);
            String key = MimeParser.messageKey(message.getHeader("Message-ID"), identity);
            quarantine(
                    name,
                    inbox,
                    quarantine,
                    message,
                    uid,
                    key,
                    "larger than " + config.maxMessageBytes() + " bytes (" + size + ")");
            return;
        }
        byte[] raw = ImapUids.body(inbox, uid, "");
        if (raw == null) {
            return; // expunged by another session meanwhile
        }
        String key = MimeParser.messageKey(message.getHeader("Message-ID"), raw);
        // Recorded before (the move after the commit failed, or the connection dropped): move it on, never parse it
        // again.
        String known = await(() -> inbound.dispositionOf(name, key), "look up " + key + " in " + name);
        if (known != null) {
            Log.infof("Mail %s in %s was recorded before (%s); only moving it", key, name, known);
            ImapUids.move(inbox, uid, ("QUARANTINED".equals(known) ? quarantine : processed).getFullName());
            return;
        }
        ParsedMail mail;
        long started = System.nanoTime();
        try {
            mail = parser.parse(raw, started + config.parseBudget().toNanos());
        } catch (UnparsableMailException e) {
            quarantine(name, inbox, quarantine, message, uid, key, e.getMessage());
            return;
        }
        // Our own mails carry Auto-Submitted, so their journal copies look like auto-replies: they must stay where
        // the sender looks for them before re-sending (moving them away let an interrupted mail go out twice).
        boolean journalCopy = reportsOnly
                && mail.from() != null
                && MailAddresses.bare(mail.from()).equals(ownAddress);
        if (reportsOnly && (mail.kind() == ParsedMail.Kind.ORDINARY || journalCopy)) {
            ImapUids.markSeen(inbox, List.of(uid));
            return;
        }
        // Blocks this worker thread until the transaction committed; a failure leaves the message for the next poll.
        InboundService.Outcome outcome = await(
                () -> inbound.accept(name, box.address(), mail), "record mail " + mail.messageId() + " of " + name);
        registry.counter("notification.inbound.handled", "mailbox", name, "outcome", outcome.name())
                .increment();
        ImapUids.move(inbox, uid, processed.getFullName());
    }

    /**
     * Records the message as quarantined, then moves it: once recorded, a failed move or a dropped connection only
     * means the next poll moves it, without reading or parsing it again. The poll goes on with the next message.
     */
    private void quarantine(
            String name, Folder inbox, Folder quarantine, Message message, long uid, String key, String reason)
            throws MessagingException {
        String from = firstHeader(message, "From");
        boolean recorded =
                await(() -> inbound.quarantine(name, key, from, reason), "quarantine " + key + " of " + name);
        if (recorded) {
            registry.counter("notification.inbound.quarantined", "mailbox", name)
                    .increment();
        }
        Log.warnf("Mail %s in %s moved to %s: %s", key, name, quarantine.getName(), reason);
        ImapUids.move(inbox, uid, quarantine.getFullName());
    }

    private static String firstHeader(Message message, String name) {
        try {
            String[] values = message.getHeader(name);
            if (values == null || values.length == 0) {
                return null;
            }
            String value = values[0].strip();
            return value.length() > 320 ? value.substring(0, 320) : value;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work, String what) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private static Folder ensure(Store store, String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
            folder.create(Folder.HOLDS_MESSAGES);
        }
        return folder;
    }
}

package org.modhub.moderation.notification.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.modhub.moderation.notification.config.NotificationConfig;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.RecipientStringTerm;
import jakarta.mail.search.SearchTerm;

/**
 * A person's messages on the mail server itself (GDPR Arts. 15 and 17), and the retention of what the gateway has
 * handled (Art. 5(1)(e)). A person's mail sits in the inboxes (safety@, dmca@, legal@, feedback@, and the sender's
 * mailbox where delivery reports and stray replies arrive): unread in the inbox folder, or filed by {@link InboxPoller}
 * into the processed or quarantine folder after it recorded it. Mail we sent them has a copy in the {@link Journal}.
 * Blocking, like every IMAP call here: callers run it on a worker thread. Deleting what another session (the poller,
 * the journal purge) deleted first is not an error, so an erasure can run twice.
 */
@ApplicationScoped
public class MailboxMessages {

    /** The journal's name in answers (its mailbox may be the sender's, where delivery reports arrive too). */
    public static final String JOURNAL = "journal";

    /**
     * One message of the person on the server.
     *
     * @param mailbox the inbox name (safety, dmca, legal, feedback, bounces) or {@link #JOURNAL}
     * @param folder the IMAP folder it is in
     * @param messageId its Message-ID, or null when it has none
     * @param date when the server received it (INTERNALDATE), else its Date header
     */
    public record Found(String mailbox, String folder, String messageId, Instant date, String subject) {

        /** A stable name of the message for an answer: mailbox, folder and Message-ID. */
        public String id() {
            return mailbox + "/" + folder + "/" + (messageId == null ? "(no Message-ID)" : messageId);
        }

        public boolean journalCopy() {
            return JOURNAL.equals(mailbox);
        }
    }

    /** One folder of one login, and what makes a message there the person's. */
    private record Scan(String name, String folder, boolean fromPerson, boolean toPerson) {}

    private record Login(String user, String password) {}

    private final NotificationConfig config;
    private final ImapConnector imap;
    private final Journal journal;

    public MailboxMessages(NotificationConfig config, ImapConnector imap, Journal journal) {
        this.config = config;
        this.imap = imap;
        this.journal = journal;
    }

    /** The person's messages: mail from any of {@code emails} in every folder of the inboxes, journal copies to them. */
    public List<Found> of(Collection<String> emails) throws MessagingException {
        return walk(lower(emails), false);
    }

    /**
     * The journal's copy of a mail sent moments ago reaches the journal a little after the send, so a search may miss
     * it. Each of these Message-IDs is looked for during {@code wait} and deleted when it arrives. Blocking (it waits on
     * the worker thread it runs on); returns what it deleted.
     */
    public List<Found> expungeLateJournalCopies(Collection<String> messageIds, java.time.Duration wait)
            throws MessagingException {
        List<Found> deleted = new ArrayList<>();
        if (!journal.enabled()) {
            return deleted;
        }
        for (String messageId : messageIds) {
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                if (journal.deleteCopy(messageId) > 0) {
                    deleted.add(new Found(JOURNAL, "INBOX", messageId, null, null));
                    break;
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return deleted;
                }
            }
        }
        return deleted;
    }

    /** Deletes (expunges) what {@link #of} finds; returns what it deleted. */
    public List<Found> expunge(Collection<String> emails) throws MessagingException {
        return walk(lower(emails), true);
    }

    /**
     * Deletes at most {@code limit} messages the gateway has handled (in a processed or quarantine folder) that the
     * server received before {@code cutoff}; the inbox folders are never touched (mail there is still to be handled).
     */
    public int purgeHandled(Instant cutoff, int limit) throws MessagingException {
        int deleted = 0;
        for (Map.Entry<String, NotificationConfig.Mailbox> entry : inboxes().entrySet()) {
            NotificationConfig.Mailbox box = entry.getValue();
            try (Store store = imap.connect(box.user(), box.password())) {
                for (String folderName : List.of(box.processedFolder(), box.quarantineFolder())) {
                    if (deleted >= limit) {
                        return deleted;
                    }
                    deleted += purgeFolder(store, entry.getKey(), folderName, cutoff, limit - deleted);
                }
            }
        }
        return deleted;
    }

    private int purgeFolder(Store store, String name, String folderName, Instant cutoff, int limit)
            throws MessagingException {
        Folder folder = store.getFolder(folderName);
        if (!folder.exists()) {
            return 0;
        }
        folder.open(Folder.READ_WRITE);
        List<Long> old = new ArrayList<>();
        try {
            // IMAP SEARCH BEFORE compares whole days: ask for a day more, cut exactly here.
            Date before = Date.from(cutoff.plus(Duration.ofDays(1)));
            Message[] candidates = folder.search(new ReceivedDateTerm(ComparisonTerm.LT, before));
            long[] uids = ImapUids.fetch(folder, candidates);
            for (int i = 0; i < candidates.length && old.size() < limit; i++) {
                try {
                    Date received = candidates[i].getReceivedDate();
                    if (received != null && received.toInstant().isBefore(cutoff)) {
                        old.add(uids[i]);
                    }
                } catch (MessageRemovedException gone) {
                    Log.debugf("A message in %s/%s went while the retention looked at it", name, folderName);
                }
            }
            ImapUids.delete(folder, old);
        } finally {
            folder.close(true);
        }
        return old.size();
    }

    private List<Found> walk(Set<String> emails, boolean delete) throws MessagingException {
        if (emails.isEmpty()) {
            return List.of();
        }
        Map<Login, List<Scan>> plan = plan();
        Map<String, Found> found = new LinkedHashMap<>();
        for (Map.Entry<Login, List<Scan>> entry : plan.entrySet()) {
            try (Store store =
                    imap.connect(entry.getKey().user(), entry.getKey().password())) {
                for (Scan scan : entry.getValue()) {
                    for (Found f : scanFolder(store, scan, emails, delete)) {
                        found.putIfAbsent(entry.getKey().user() + "|" + f.id(), f);
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** Every folder to look in, by login: a login shared by two roles (bounces and journal) is connected to once. */
    private Map<Login, List<Scan>> plan() {
        Map<Login, List<Scan>> plan = new LinkedHashMap<>();
        inboxes().forEach((name, box) -> {
            List<Scan> scans = plan.computeIfAbsent(new Login(box.user(), box.password()), l -> new ArrayList<>());
            for (String folder :
                    new LinkedHashSet<>(List.of(box.folder(), box.processedFolder(), box.quarantineFolder()))) {
                scans.add(new Scan(name, folder, true, false));
            }
        });
        if (journal.enabled()) {
            NotificationConfig.Journal j = config.outbound().journal();
            plan.computeIfAbsent(new Login(j.user().orElseThrow(), j.password().orElseThrow()), l -> new ArrayList<>())
                    .add(new Scan(JOURNAL, "INBOX", false, true));
        }
        return plan;
    }

    /** The inboxes and the mailbox delivery reports arrive in. */
    private Map<String, NotificationConfig.Mailbox> inboxes() {
        Map<String, NotificationConfig.Mailbox> boxes =
                new LinkedHashMap<>(config.inbound().mailboxes());
        config.inbound().bounces().ifPresent(box -> boxes.put(InboxPoller.BOUNCES, box));
        return boxes;
    }

    private List<Found> scanFolder(Store store, Scan scan, Set<String> emails, boolean delete)
            throws MessagingException {
        Folder folder = store.getFolder(scan.folder());
        if (!folder.exists()) {
            return List.of();
        }
        folder.open(delete ? Folder.READ_WRITE : Folder.READ_ONLY);
        List<Found> found = new ArrayList<>();
        List<Long> doomed = new ArrayList<>();
        try {
            // The server narrows by substring (SEARCH FROM / TO / CC); the exact address is compared here, on what the
            // same FETCH returned with each message's UID.
            Message[] candidates = folder.search(term(scan, emails));
            long[] uids = ImapUids.fetch(folder, candidates, "Message-ID");
            for (int i = 0; i < candidates.length; i++) {
                Message message = candidates[i];
                try {
                    if (!matches(message, scan, emails)) {
                        continue;
                    }
                    found.add(describe(scan, message));
                    doomed.add(uids[i]);
                } catch (MessageRemovedException gone) {
                    // Expunged by another session meanwhile (the poller moved it, the journal purge dropped it).
                    Log.debugf("A message in %s/%s went while it was being looked at", scan.name(), scan.folder());
                }
            }
            if (delete) {
                ImapUids.delete(folder, doomed);
            }
        } finally {
            folder.close(delete);
        }
        return found;
    }

    private static SearchTerm term(Scan scan, Set<String> emails) {
        List<SearchTerm> terms = new ArrayList<>();
        for (String email : emails) {
            if (scan.fromPerson()) {
                terms.add(new FromStringTerm(email));
            }
            if (scan.toPerson()) {
                terms.add(new RecipientStringTerm(Message.RecipientType.TO, email));
                terms.add(new RecipientStringTerm(Message.RecipientType.CC, email));
            }
        }
        return terms.size() == 1 ? terms.get(0) : new OrTerm(terms.toArray(SearchTerm[]::new));
    }

    private static boolean matches(Message message, Scan scan, Set<String> emails) throws MessagingException {
        if (scan.fromPerson() && anyOf(safe(() -> message.getFrom()), emails)) {
            return true;
        }
        return scan.toPerson()
                && (anyOf(safe(() -> message.getRecipients(Message.RecipientType.TO)), emails)
                        || anyOf(safe(() -> message.getRecipients(Message.RecipientType.CC)), emails));
    }

    private static Found describe(Scan scan, Message message) throws MessagingException {
        String[] ids = message.getHeader("Message-ID");
        String messageId = ids == null || ids.length == 0 ? null : ids[0].strip();
        Date date = message.getReceivedDate();
        if (date == null) {
            date = message.getSentDate();
        }
        String subject;
        try {
            subject = message.getSubject();
        } catch (MessagingException unreadable) {
            subject = null;
        }
        return new Found(scan.name(), scan.folder(), messageId, date == null ? null : date.toInstant(), subject);
    }

    private interface AddressRead {
        Address[] read() throws MessagingException;
    }

    /** Addresses of a header, or none when it cannot be read (a hostile header must not stop an erasure). */
    private static Address[] safe(AddressRead read) throws MessagingException {
        try {
            Address[] addresses = read.read();
            return addresses == null ? new Address[0] : addresses;
        } catch (MessageRemovedException gone) {
            throw gone;
        } catch (MessagingException | RuntimeException unreadable) {
            return new Address[0];
        }
    }

    private static boolean anyOf(Address[] addresses, Set<String> emails) {
        for (Address address : addresses) {
            if (address instanceof InternetAddress internet
                    && internet.getAddress() != null
                    && emails.contains(internet.getAddress().strip().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> lower(Collection<String> emails) {
        Set<String> lower = new LinkedHashSet<>();
        emails.forEach(e -> lower.add(e.strip().toLowerCase(Locale.ROOT)));
        return lower;
    }
}

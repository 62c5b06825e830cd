package org.modhub.moderation.notification.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modhub.moderation.contracts.event.privacy.ItemTreatment;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.kit.privacy.Person;
import org.modhub.moderation.kit.privacy.PersonalDataHolder;
import org.modhub.moderation.notification.mail.MailboxMessages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What notification-service holds about a person, and its erasure (GDPR Arts. 15 and 17). A person is matched by their
 * addresses (lower-cased, as every address is stored here) and, where a row has one, their hub account id:
 *
 * <ul>
 *   <li>{@code mail_delivery} to them: kept for the delivery log with recipient, account id, parameters, subject, the
 *       Message-ID of their mail it answered and any quote of their address in the last error replaced
 *       (ANONYMISED); a mail still waiting to go is cancelled first, so nothing is sent to an erased address.
 *   <li>{@code mail_delivery} to someone else whose parameters or subject name them (a counter-notice forwarded to a
 *       claimant quotes the counter-notifier): their address, or a parameter that is exactly their account id,
 *       replaced (ANONYMISED); only the parameters naming them are shown on access, never the other recipient.
 *   <li>{@code inbound_mail} from them: the record that a Message-ID reached a mailbox stays, so the gateway never
 *       handles it twice, without the sender (ANONYMISED); its {@code inbound_attachment} rows are deleted (ERASED).
 *   <li>{@code unmatched_mail} from them (feedback@ mail kept for staff): deleted (ERASED). Unmatched mail the person
 *       marked handled as staff keeps the fact with {@code handled_by} replaced (ANONYMISED).
 *   <li>{@code mail_suppression} of their address: deleted (ERASED).
 *   <li>On the mail server: their messages in every folder of the inboxes and the journal's copies of mail to them,
 *       expunged (ERASED) — after the database work, so a failure there leaves the database untouched (the request
 *       is retried) and a second run finds nothing.
 * </ul>
 *
 * Nothing here is held: notification-service keeps no record a legal hold needs (the services that own the cases keep
 * those). The audit log is the kit's ({@code PrivacyDesk}).
 */
@ApplicationScoped
public class NotificationPersonalData implements PersonalDataHolder {

    static final String DELIVERY_WHY = "The delivery log of mail the moderation services asked us to send you (GDPR "
            + "Art. 6(1)(c) and (f): proving that a notice the DSA requires — Arts. 16, 17, 20 — was sent, and never "
            + "sending one twice). Kept 365 days after the mail was queued; then your address, the mail's parameters "
            + "and its subject are removed and only template, status and times stay.";
    static final String MENTION_WHY = "A mail to someone else that names you, as the service that asked for it "
            + "required (for example a counter-notice forwarded under 17 U.S.C. 512(g)(2)); the parameters are kept "
            + "365 days after the mail was queued, then removed.";
    static final String INBOUND_WHY = "Our record that your mail reached one of our inboxes, so it is handled once "
            + "(GDPR Art. 6(1)(f)), with its attachments kept as evidence for the service that handles it. Your "
            + "address and the attachments are removed 90 days after receipt; the record of the Message-ID stays.";
    static final String ATTACHMENT_WHY = "A file attached to your mail, kept as evidence for the service that handles "
            + "the mail (GDPR Art. 6(1)(f)); deleted 90 days after receipt (180 days for mail kept for staff).";
    static final String UNMATCHED_WHY = "Mail to us that no case owns, kept for staff to read and answer (GDPR "
            + "Art. 6(1)(f)); deleted 180 days after receipt.";
    static final String HANDLED_WHY = "You marked this mail handled as staff; kept with the mail for accountability "
            + "(GDPR Art. 5(2)) until the mail is deleted, 180 days after it arrived.";
    static final String SUPPRESSION_WHY = "Your address refused our mail for good (a hard bounce), so we send it no "
            + "more (GDPR Art. 6(1)(f); keeping our sender reputation); removed 730 days after the bounce.";
    static final String MAILBOX_WHY = "Your mail as it arrived on our mail server. The gateway reads it, records it "
            + "and files it away (GDPR Art. 6(1)(f)); filed mail is deleted from the server 30 days after it arrived.";
    static final String JOURNAL_WHY = "A copy of a mail we sent you, kept in our sender's journal so that a retry "
            + "after a crash never sends it twice (GDPR Art. 6(1)(f)); deleted after 2 days unless a retry still "
            + "needs it.";

    private static final String PENDING_CANCELLED = "cancelled: the recipient's personal data was erased";

    private final MailboxMessages mailboxes;
    private final Clock clock;
    private final ObjectMapper json;

    public NotificationPersonalData(MailboxMessages mailboxes, Clock clock, ObjectMapper json) {
        this.mailboxes = mailboxes;
        this.clock = clock;
        this.json = json;
    }

    // --- access ---

    @Override
    public Uni<List<PersonalDataItem>> find(Person person) {
        List<PersonalDataItem> items = new ArrayList<>();
        return deliveries(person)
                .invoke(rows -> rows.forEach(r -> items.add(found(
                        "mail-delivery",
                        r[0],
                        deliveryWhat(r),
                        DELIVERY_WHY,
                        fields(
                                "template", r[1],
                                "recipient", r[2],
                                "recipientUserId", r[3],
                                "subject", r[4],
                                "parameters", r[5],
                                "inReplyTo", r[6],
                                "status", r[7],
                                "queuedAt", r[8],
                                "sentAt", r[9],
                                "language", r[10])))))
                .chain(() -> mentions(person))
                .invoke(rows -> rows.forEach(r -> items.add(found(
                        "mail-delivery-mention",
                        r[0],
                        "A mail we sent to someone else (" + r[1] + ", " + Rows.text(r[4]) + ") names you",
                        MENTION_WHY,
                        mentionFields(person, r)))))
                .chain(() -> inboundMail(person))
                .chain(mails -> attachmentsOf(ids(mails)).invoke(attachments -> {
                    for (Object[] m : mails) {
                        items.add(found(
                                "inbound-mail",
                                m[0],
                                "Your mail to our " + m[1] + " inbox, received " + Rows.text(m[6]),
                                INBOUND_WHY,
                                fields(
                                        "mailbox", m[1],
                                        "messageId", m[2],
                                        "handledAs", m[3],
                                        "from", m[4],
                                        "thread", m[5],
                                        "receivedAt", m[6],
                                        "quarantineReason", m[7])));
                    }
                    for (Object[] a : attachments) {
                        items.add(found(
                                "mail-attachment",
                                a[0],
                                "A file attached to your mail" + (a[2] == null ? "" : ", " + a[2]),
                                ATTACHMENT_WHY,
                                fields(
                                        "mail",
                                        a[1],
                                        "name",
                                        a[2],
                                        "contentType",
                                        a[3],
                                        "size",
                                        a[4],
                                        "sha256",
                                        a[5],
                                        "content",
                                        Boolean.TRUE.equals(a[6])
                                                ? "not kept (larger than the limit; only its hash)"
                                                : "kept, " + a[4] + " bytes (staff can send you a copy)")));
                    }
                }))
                .chain(() -> unmatchedFrom(person))
                .invoke(rows -> rows.forEach(r -> items.add(found(
                        "unmatched-mail",
                        r[0],
                        "Your mail to our " + r[1] + " inbox that no case owns, kept for staff",
                        UNMATCHED_WHY,
                        fields(
                                "mailbox", r[1],
                                "messageId", r[2],
                                "from", r[3],
                                "subject", r[4],
                                "text", r[5],
                                "receivedAt", r[6],
                                "handledAt", r[7])))))
                .chain(() -> handledBy(person))
                .invoke(rows -> rows.forEach(r -> items.add(found(
                        "unmatched-mail-handled",
                        r[0],
                        "You marked a mail to our " + r[1] + " inbox handled",
                        HANDLED_WHY,
                        fields("mailbox", r[1], "receivedAt", r[2], "handledAt", r[3], "handledBy", r[4])))))
                .chain(() -> suppressions(person))
                .invoke(rows -> rows.forEach(r -> items.add(found(
                        "mail-suppression",
                        r[0],
                        "We send no more mail to " + r[0] + ": it refused our mail",
                        SUPPRESSION_WHY,
                        fields("address", r[0], "reason", r[1], "since", r[2])))))
                .chain(() -> OffTheEventLoop.run(() -> mailboxes.of(person.emails())))
                .invoke(messages -> messages.forEach(m -> items.add(found(
                        m.journalCopy() ? "journal-copy" : "mailbox-message",
                        m.id(),
                        m.journalCopy()
                                ? "Our journal's copy of a mail we sent you"
                                : "Your mail in our " + m.mailbox() + " mailbox (" + m.folder() + ")",
                        m.journalCopy() ? JOURNAL_WHY : MAILBOX_WHY,
                        fields(
                                "mailbox", m.mailbox(),
                                "folder", m.folder(),
                                "messageId", m.messageId(),
                                "date", m.date(),
                                "subject", m.subject())))))
                .map(ignored -> List.copyOf(items));
    }

    // --- erasure ---

    @Override
    public Uni<List<PersonalDataItem>> erase(Person person) {
        List<PersonalDataItem> items = new ArrayList<>();
        String ref = person.anonymousRef();
        List<String> justSent = new ArrayList<>();
        return deliveries(person)
                .invoke(rows -> justSent.addAll(justSent(rows)))
                .chain(rows -> anonymiseDeliveries(person, ids(rows))
                        .invoke(() -> rows.forEach(r -> items.add(done(
                                "mail-delivery",
                                r[0],
                                ItemTreatment.ANONYMISED,
                                "A mail we sent you (" + r[1] + ", " + Rows.text(r[8]) + "): your address, the mail's "
                                        + "parameters and subject now read " + ref + " or are empty"
                                        + (isPending(r[7]) ? "; it was still waiting to go and is cancelled" : ""),
                                DELIVERY_WHY)))))
                .chain(() -> mentions(person))
                .chain(rows -> anonymiseMentions(person, ids(rows))
                        .invoke(() -> rows.forEach(r -> items.add(done(
                                "mail-delivery-mention",
                                r[0],
                                ItemTreatment.ANONYMISED,
                                "A mail we sent to someone else (" + r[1] + ") named you; it now reads " + ref,
                                MENTION_WHY)))))
                .chain(() -> inboundMail(person))
                .chain(mails -> attachmentsOf(ids(mails))
                        .chain(attachments -> Rows.update(
                                        "DELETE FROM inbound_attachment WHERE id IN (:ids)",
                                        Map.of("ids", ids(attachments)))
                                .invoke(() -> attachments.forEach(a -> items.add(done(
                                        "mail-attachment",
                                        a[0],
                                        ItemTreatment.ERASED,
                                        "A file attached to your mail: deleted",
                                        ATTACHMENT_WHY)))))
                        .chain(() -> unmatchedFrom(person))
                        .chain(unmatched -> Rows.update(
                                        "DELETE FROM unmatched_mail WHERE id IN (:ids)", Map.of("ids", ids(unmatched)))
                                .invoke(() -> unmatched.forEach(u -> items.add(done(
                                        "unmatched-mail",
                                        u[0],
                                        ItemTreatment.ERASED,
                                        "Your mail to our " + u[1] + " inbox kept for staff: deleted",
                                        UNMATCHED_WHY)))))
                        .chain(() -> anonymiseInbound(person, ids(mails)))
                        .invoke(() -> mails.forEach(m -> items.add(done(
                                "inbound-mail",
                                m[0],
                                ItemTreatment.ANONYMISED,
                                "Our record that your mail reached our " + m[1] + " inbox on " + Rows.text(m[6])
                                        + ": your address removed",
                                INBOUND_WHY)))))
                .chain(() -> handledBy(person))
                .chain(rows -> Rows.update(
                                "UPDATE unmatched_mail SET handled_by = :ref WHERE id IN (:ids)",
                                Map.of("ref", ref, "ids", ids(rows)))
                        .invoke(() -> rows.forEach(r -> items.add(done(
                                "unmatched-mail-handled",
                                r[0],
                                ItemTreatment.ANONYMISED,
                                "You marked a mail handled as staff; it now names " + ref,
                                HANDLED_WHY)))))
                .chain(() -> suppressions(person))
                .chain(rows -> Rows.update(
                                "DELETE FROM mail_suppression WHERE address IN (:a)",
                                Map.of(
                                        "a",
                                        rows.stream().map(r -> (Object) r[0]).toList()))
                        .invoke(() -> rows.forEach(r -> items.add(done(
                                "mail-suppression",
                                "suppression:" + ref,
                                ItemTreatment.ERASED,
                                "Your address's place on our do-not-send list (it had refused our mail): deleted",
                                SUPPRESSION_WHY)))))
                // Last: the mail server is not part of the transaction. Should it fail, the request fails and is
                // retried, and the database work above is rolled back with it.
                .chain(() -> OffTheEventLoop.run(() -> {
                    List<MailboxMessages.Found> found = new ArrayList<>(mailboxes.expunge(person.emails()));
                    // Another session (the gateway, the journal purge) may hold a folder open while we expunge, and a
                    // deletion can be lost to it: look again, and delete what is still there, a few times.
                    for (int round = 0;
                            round < 3 && !mailboxes.of(person.emails()).isEmpty();
                            round++) {
                        found.addAll(mailboxes.expunge(person.emails()));
                    }
                    // A mail sent moments ago may have its journal copy still on the way: wait for it briefly.
                    List<String> missed = new ArrayList<>(justSent);
                    found.forEach(m -> missed.remove(m.messageId()));
                    found.addAll(mailboxes.expungeLateJournalCopies(missed, LATE_JOURNAL_COPY));
                    // A message deleted in a second look was found in the first one too: one item each.
                    Map<String, MailboxMessages.Found> once = new java.util.LinkedHashMap<>();
                    found.forEach(m -> once.putIfAbsent(m.id(), m));
                    return List.copyOf(once.values());
                }))
                .invoke(messages -> messages.forEach(m -> items.add(done(
                        m.journalCopy() ? "journal-copy" : "mailbox-message",
                        m.id(),
                        ItemTreatment.ERASED,
                        m.journalCopy()
                                ? "Our journal's copy of a mail we sent you: deleted from the mail server"
                                : "Your mail in our " + m.mailbox() + " mailbox (" + m.folder()
                                        + "): deleted from the mail server",
                        m.journalCopy() ? JOURNAL_WHY : MAILBOX_WHY))))
                .invoke(() -> Log.infof("Erasure %s: %d items", ref, items.size()))
                .map(ignored -> List.copyOf(items));
    }

    private Uni<Void> anonymiseDeliveries(Person person, List<Object> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> p = new HashMap<>();
        p.put("ids", ids);
        p.put("ref", person.anonymousRef());
        p.put("now", clock.instant());
        // A mail still waiting (or whose sender died) is not sent to an address being erased. One a lane is sending at
        // this moment (a live lease) finishes: its outcome is recorded against the anonymised row.
        String cancel = "UPDATE mail_delivery SET status = 'FAILED', last_error = :cancelled, next_attempt_at = NULL, "
                + "lease_until = NULL, updated_at = :now WHERE id IN (:ids) AND (status = 'QUEUED' "
                + "OR (status = 'SENDING' AND lease_until < :now))";
        String lastError =
                person.emails().isEmpty() ? "last_error" : "regexp_replace(last_error, :pattern, :ref, 'gi')";
        if (!person.emails().isEmpty()) {
            p.put("pattern", Rows.anyOf(person.emails()));
        }
        return Rows.update(cancel, Map.of("ids", ids, "now", clock.instant(), "cancelled", PENDING_CANCELLED))
                .chain(() -> Rows.update(
                        "UPDATE mail_delivery SET recipient = :ref, recipient_user_id = NULL, parameters = CAST('{}' AS jsonb), "
                                + "subject_line = NULL, in_reply_to = NULL, last_error = " + lastError
                                + ", updated_at = :now WHERE id IN (:ids)",
                        p))
                .replaceWithVoid();
    }

    private Uni<Void> anonymiseMentions(Person person, List<Object> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> p = new HashMap<>();
        p.put("ids", ids);
        p.put("ref", person.anonymousRef());
        String value = "p.value";
        String subject = "subject_line";
        if (!person.emails().isEmpty()) {
            p.put("pattern", Rows.anyOf(person.emails()));
            value = "regexp_replace(p.value, :pattern, :ref, 'gi')";
            subject = "regexp_replace(subject_line, :pattern, :ref, 'gi')";
        }
        if (person.hasAccount()) {
            p.put("account", person.accountId());
            value = "CASE WHEN p.value = :account THEN :ref ELSE " + value + " END";
        }
        return Rows.update(
                        "UPDATE mail_delivery SET parameters = (SELECT jsonb_object_agg(p.key, " + value + ") "
                                + "FROM jsonb_each_text(parameters) p), subject_line = " + subject
                                + " WHERE id IN (:ids)",
                        p)
                .replaceWithVoid();
    }

    private Uni<Void> anonymiseInbound(Person person, List<Object> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Rows.update(
                        "UPDATE inbound_mail SET from_address = NULL, "
                                + "reason = regexp_replace(reason, :pattern, :ref, 'gi') WHERE id IN (:ids)",
                        Map.of("ids", ids, "pattern", Rows.anyOf(person.emails()), "ref", person.anonymousRef()))
                .replaceWithVoid();
    }

    // --- what the person has here ---

    /** Deliveries to the person: 0 id, 1 template, 2 recipient, 3 account, 4 subject, 5 parameters, 6 in-reply-to, 7 status, 8 queued, 9 sent, 10 locale. */
    /** How long an erasure waits for the journal copy of a mail sent moments before it. */
    static final java.time.Duration LATE_JOURNAL_COPY = java.time.Duration.ofSeconds(5);

    /** Mails sent so recently (a minute) that their journal copy may not have arrived yet: their Message-IDs. */
    private List<String> justSent(List<Object[]> rows) {
        java.time.Instant since = clock.instant().minusSeconds(60);
        List<String> ids = new ArrayList<>();
        for (Object[] r : rows) {
            java.time.Instant sentAt = Rows.instant(r[9]);
            if ("SENT".equals(r[7]) && sentAt != null && sentAt.isAfter(since) && r[11] != null) {
                ids.add((String) r[11]);
            }
        }
        return ids;
    }

    private static Uni<List<Object[]>> deliveries(Person person) {
        Map<String, Object> p = new HashMap<>();
        return Rows.select(
                "SELECT id, template_id, recipient, recipient_user_id, subject_line, CAST(parameters AS text), in_reply_to, "
                        + "status, created_at, sent_at, locale, message_id FROM mail_delivery WHERE "
                        + recipientIs(person, p)
                        + " ORDER BY created_at, id",
                p);
    }

    private static String recipientIs(Person person, Map<String, Object> p) {
        List<String> or = new ArrayList<>();
        if (!person.emails().isEmpty()) {
            or.add("recipient IN (:emails)");
            p.put("emails", person.emails());
        }
        if (person.hasAccount()) {
            or.add("recipient_user_id = :account");
            p.put("account", person.accountId());
        }
        return "(" + String.join(" OR ", or) + ")";
    }

    /**
     * Deliveries to others whose parameters or subject name the person: 0 id, 1 template, 2 parameters, 3 subject, 4
     * queued. A scan of the delivery log (a year of mail at most, by the retention): a data subject's request is rare.
     */
    private static Uni<List<Object[]>> mentions(Person person) {
        Map<String, Object> p = new HashMap<>();
        List<String> or = new ArrayList<>();
        if (!person.emails().isEmpty()) {
            p.put("pattern", Rows.anyOf(person.emails()));
            or.add("CAST(parameters AS text) ~* :pattern");
            or.add("subject_line ~* :pattern");
        }
        if (person.hasAccount()) {
            p.put("account2", person.accountId());
            or.add("EXISTS (SELECT 1 FROM jsonb_each_text(parameters) v WHERE v.value = :account2)");
        }
        return Rows.select(
                "SELECT id, template_id, CAST(parameters AS text), subject_line, created_at FROM mail_delivery WHERE NOT "
                        + "COALESCE(" + recipientIs(person, p) + ", false) AND (" + String.join(" OR ", or)
                        + ") ORDER BY created_at, id",
                p);
    }

    /** Only what names the person in a mail to someone else: the parameters naming them, and the subject if it does. */
    private Map<String, String> mentionFields(Person person, Object[] row) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("template", Rows.text(row[1]));
        fields.put("queuedAt", Rows.text(row[4]));
        try {
            Map<String, String> parameters =
                    json.readValue((String) row[2], new TypeReference<Map<String, String>>() {});
            parameters.forEach((key, value) -> {
                if (names(person, value)) {
                    fields.put("parameter " + key, value);
                }
            });
        } catch (JsonProcessingException | RuntimeException unreadable) {
            Log.debugf("Parameters of delivery %s are not a flat JSON object: %s", row[0], unreadable.getMessage());
        }
        if (row[3] != null && names(person, (String) row[3])) {
            fields.put("subject", (String) row[3]);
        }
        return fields;
    }

    private static boolean names(Person person, String value) {
        if (value == null) {
            return false;
        }
        if (person.isAccount(value)) {
            return true;
        }
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        return person.emails().stream().anyMatch(lower::contains);
    }

    /**
     * Inbound mail from the person's addresses (the gateway stores the bare sender; a quarantined mail its raw From
     * header, {@code "Name" <address>}): 0 id, 1 mailbox, 2 Message-ID, 3 disposition, 4 from, 5 thread, 6 received,
     * 7 reason.
     */
    private static Uni<List<Object[]>> inboundMail(Person person) {
        if (person.emails().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Rows.select(
                "SELECT id, mailbox, message_id, disposition, from_address, thread_key, received_at, reason "
                        + "FROM inbound_mail WHERE lower(from_address) IN (:emails) OR lower(from_address) ~ :angled "
                        + "ORDER BY received_at, id",
                Map.of("emails", person.emails(), "angled", "<" + Rows.anyOf(person.emails()) + ">"));
    }

    /** 0 id, 1 mail id, 2 name, 3 type, 4 size, 5 sha256, 6 truncated. */
    private static Uni<List<Object[]>> attachmentsOf(List<Object> mailIds) {
        if (mailIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Rows.select(
                "SELECT id, mail_id, name, content_type, size, sha256, truncated FROM inbound_attachment "
                        + "WHERE mail_id IN (:ids) ORDER BY mail_id, name NULLS LAST, id",
                Map.of("ids", mailIds));
    }

    /** 0 id, 1 mailbox, 2 Message-ID, 3 from, 4 subject, 5 text, 6 received, 7 handled. */
    private static Uni<List<Object[]>> unmatchedFrom(Person person) {
        if (person.emails().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Rows.select(
                "SELECT id, mailbox, message_id, from_address, subject_line, text_body, received_at, handled_at "
                        + "FROM unmatched_mail WHERE lower(from_address) IN (:emails) ORDER BY received_at, id",
                Map.of("emails", person.emails()));
    }

    /** Unmatched mail of others the person (as staff) marked handled: 0 id, 1 mailbox, 2 received, 3 handled, 4 by. */
    private static Uni<List<Object[]>> handledBy(Person person) {
        if (!person.hasAccount()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, Object> p = new HashMap<>();
        p.put("account", person.accountId());
        String notTheirs = "";
        if (!person.emails().isEmpty()) {
            notTheirs = " AND lower(from_address) NOT IN (:emails)";
            p.put("emails", person.emails());
        }
        return Rows.select(
                "SELECT id, mailbox, received_at, handled_at, handled_by FROM unmatched_mail WHERE handled_by = :account"
                        + notTheirs + " ORDER BY received_at, id",
                p);
    }

    /** 0 address, 1 reason, 2 since. */
    private static Uni<List<Object[]>> suppressions(Person person) {
        if (person.emails().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Rows.select(
                "SELECT address, reason, created_at FROM mail_suppression WHERE address IN (:emails)",
                Map.of("emails", person.emails()));
    }

    // --- helpers ---

    private static boolean isPending(Object status) {
        return "QUEUED".equals(status);
    }

    private static String deliveryWhat(Object[] r) {
        return "A mail we sent you (" + r[1] + ", queued " + Rows.text(r[8]) + ", " + r[7] + ")";
    }

    private static List<Object> ids(List<Object[]> rows) {
        return rows.stream().map(r -> r[0]).toList();
    }

    private static Map<String, String> fields(Object... keyValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            String value = Rows.text(keyValues[i + 1]);
            if (value != null) {
                fields.put((String) keyValues[i], value);
            }
        }
        return fields;
    }

    private static PersonalDataItem found(String kind, Object id, String what, String why, Map<String, String> fields) {
        return new PersonalDataItem(kind, Rows.text(id), what, why, ItemTreatment.FOUND, null, null, fields);
    }

    private static PersonalDataItem done(String kind, Object id, ItemTreatment treatment, String what, String why) {
        return new PersonalDataItem(kind, Rows.text(id), what, why, treatment, null, null, Map.of());
    }
}

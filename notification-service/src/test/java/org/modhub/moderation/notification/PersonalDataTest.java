package org.modhub.moderation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.devstack.test.Sql.rows;
import static org.modhub.moderation.devstack.test.Sql.update;
import static org.modhub.moderation.notification.NotificationFixtures.answerOf;
import static org.modhub.moderation.notification.NotificationFixtures.as;
import static org.modhub.moderation.notification.NotificationFixtures.mail;
import static org.modhub.moderation.notification.NotificationFixtures.messageIds;
import static org.modhub.moderation.notification.NotificationFixtures.messages;
import static org.modhub.moderation.notification.NotificationFixtures.newMessageId;
import static org.modhub.moderation.notification.NotificationFixtures.newRecipient;
import static org.modhub.moderation.notification.NotificationFixtures.publish;
import static org.modhub.moderation.notification.NotificationFixtures.requestPrivacy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.privacy.ItemTreatment;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequestKind;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequested;
import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.InjectDevStack;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.notification.mail.MailTemplates;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.search.RecipientStringTerm;

/**
 * A data subject's access and erasure requests on privacy.requests, answered on privacy.answers: everything
 * notification-service holds about the person — in its database and on the real mail server — is listed with its data,
 * then erased or anonymised, and nothing of anyone else changes.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "notification"))
class PersonalDataTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @InjectDevStack
    DevStack devStack;

    @Inject
    DataSource db;

    @Test
    void accessListsEveryItemWithItsDataAndErasureLeavesNothingOfThePersonButTheOtherPersonsData() throws Exception {
        String person = newRecipient("subject");
        String account = "user-" + UUID.randomUUID().toString().substring(0, 8);
        String other = newRecipient("other");

        // --- the person's data, through the service's doors ---
        // A mail to them (with their account), and one still waiting to go.
        NotificationRequested toPerson = withAccount(NotificationFixtures.receipt(person), account);
        publish(toPerson);
        UUID waiting = UUID.randomUUID();
        update(
                db,
                "INSERT INTO mail_delivery (id, idempotency_key, request_event_id, template_id, locale, recipient, "
                        + "recipient_user_id, thread_key, reply_mailbox, parameters, message_id, subject_line, status, attempts, "
                        + "next_attempt_at, requested_at, created_at, updated_at) VALUES (?, ?, ?, 'report-location-request', "
                        + "'en', ?, ?, 'report:x', 'safety', '{\"reportId\":\"r-1\"}'::jsonb, ?, 'Where is it?', 'QUEUED', 0, "
                        + "now() + interval '1 day', now(), now(), now())",
                waiting,
                "waiting:" + waiting,
                UUID.randomUUID().toString(),
                person,
                account,
                "<" + waiting + "@hub.localhost>");
        // A counter-notice forwarded to someone else quotes the person's address.
        Map<String, String> forwarded = new HashMap<>(MailTemplates.byId("dmca-counter-notice-forwarded")
                .orElseThrow()
                .sample());
        forwarded.put("counterNoticeText", "I, Pat, object. Write to me at " + person.toUpperCase() + ".");
        NotificationRequested toOther = NotificationFixtures.request(
                "dmca-counter-notice-forwarded", other, "en", forwarded, "dmca:" + UUID.randomUUID(), "dmca");
        publish(toOther);
        // Their mail to safety@ (published) and to feedback@ (kept for staff, with a receipt), each with a file.
        String toSafety = newMessageId();
        String toFeedback = newMessageId();
        devStack.mail()
                .send(mail(
                        devStack,
                        person,
                        devStack.mail().address("safety"),
                        toSafety,
                        "A trojan in acme/evil",
                        "The model ships a trojan. Pat",
                        "scan of the trojan"));
        devStack.mail()
                .send(mail(
                        devStack,
                        person,
                        devStack.mail().address("feedback"),
                        toFeedback,
                        "About your policy " + UUID.randomUUID(),
                        "Why must every model have a card? Pat",
                        "my draft card"));
        // The other person's mail to feedback@, which the person (a moderator) marks handled.
        String othersMail = newMessageId();
        devStack.mail()
                .send(mail(
                        devStack,
                        other,
                        devStack.mail().address("feedback"),
                        othersMail,
                        "Hello",
                        "A question from someone else",
                        null));
        String othersUnmatched = await().atMost(WAIT)
                .until(
                        () -> rows(db, "SELECT id FROM unmatched_mail WHERE message_id = ?", othersMail),
                        r -> !r.isEmpty())
                .get(0)
                .get(0)
                .toString();
        as(account, Roles.MODERATOR)
                .post("/api/v1/mail/unmatched/" + othersUnmatched + "/handled")
                .then()
                .statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(messageIds(devStack, "safety", "Processed")).contains(toSafety);
            assertThat(messageIds(devStack, "feedback", "Processed")).contains(toFeedback, othersMail);
            assertThat(count(db, "SELECT count(*) FROM mail_delivery WHERE recipient = ? AND status = 'SENT'", person))
                    .as("the receipt of the report and of the feedback mail, sent")
                    .isEqualTo(2);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM mail_delivery WHERE idempotency_key = ? AND status = 'SENT'",
                            toOther.idempotencyKey()))
                    .isEqualTo(1);
            assertThat(journalCopiesTo(other)).isNotEmpty();
            assertThat(journalCopiesTo(person)).hasSize(2);
        });

        // Their address bounced later (after the receipts went out).
        update(
                db,
                "INSERT INTO mail_suppression (address, reason, created_at) VALUES (?, 'hard bounce reported by mailer-daemon@example.net', now())",
                person);

        try (KafkaProbe answers = KafkaProbe.from(Topics.PRIVACY_ANSWERS)) {
            // --- access ---
            PrivacyRequested access = requestPrivacy(PrivacyRequestKind.ACCESS, account, person);
            List<PersonalDataItem> found = await().atMost(WAIT).until(() -> answerOf(answers, access), a -> a != null);
            assertThat(found).allSatisfy(i -> assertThat(i.treatment()).isEqualTo(ItemTreatment.FOUND));
            assertThat(kinds(found))
                    .containsEntry("mail-delivery", 3L)
                    .containsEntry("mail-delivery-mention", 1L)
                    .containsEntry("inbound-mail", 2L)
                    .containsEntry("mail-attachment", 2L)
                    .containsEntry("unmatched-mail", 1L)
                    .containsEntry("unmatched-mail-handled", 1L)
                    .containsEntry("mail-suppression", 1L)
                    .containsEntry("mailbox-message", 2L)
                    .containsEntry("journal-copy", 2L);
            assertThat(found).allSatisfy(i -> assertThat(i.why()).isNotBlank());
            PersonalDataItem delivery = only(
                    found,
                    "mail-delivery",
                    i -> i.fields().containsKey("sentAt")
                            && "report-receipt".equals(i.fields().get("template")));
            assertThat(delivery.fields())
                    .containsEntry("recipient", person)
                    .containsEntry("recipientUserId", account)
                    .containsEntry("status", "SENT")
                    .containsKeys("subject", "parameters");
            assertThat(delivery.fields().get("parameters"))
                    .contains(toPerson.parameters().get("reportId"));
            PersonalDataItem mention = only(found, "mail-delivery-mention", i -> true);
            assertThat(mention.fields())
                    .containsEntry("template", "dmca-counter-notice-forwarded")
                    .containsKey("parameter counterNoticeText");
            assertThat(mention.fields().toString()).doesNotContain(other);
            assertThat(only(found, "unmatched-mail", i -> true).fields())
                    .containsEntry("text", "Why must every model have a card? Pat")
                    .containsEntry("from", person);
            assertThat(only(
                                    found,
                                    "inbound-mail",
                                    i -> toSafety.equals(i.fields().get("messageId")))
                            .fields())
                    .containsEntry("mailbox", "safety")
                    .containsEntry("from", person);
            assertThat(found)
                    .filteredOn(i -> i.kind().equals("mail-attachment"))
                    .allSatisfy(i -> assertThat(i.fields()).containsEntry("name", "evidence.txt"));
            assertThat(only(
                                    found,
                                    "mailbox-message",
                                    i -> toSafety.equals(i.fields().get("messageId")))
                            .fields())
                    .containsEntry("mailbox", "safety")
                    .containsEntry("folder", "Processed")
                    .containsEntry("subject", "A trojan in acme/evil")
                    .containsKey("date");
            assertThat(only(found, "unmatched-mail-handled", i -> true).fields())
                    .containsEntry("handledBy", account)
                    .doesNotContainValue(other);
            // Nothing of the other person's own data.
            assertThat(found).noneSatisfy(i -> assertThat(i.fields().values()).contains(other));
            assertThat(found).noneSatisfy(i -> assertThat(i.fields()).containsEntry("messageId", othersMail));

            // --- erasure ---
            PrivacyRequested erasure = requestPrivacy(PrivacyRequestKind.ERASURE, account, person);
            String ref = "erased:" + erasure.requestId();
            List<PersonalDataItem> erased =
                    await().atMost(WAIT).until(() -> answerOf(answers, erasure), a -> a != null);
            assertThat(erased).allSatisfy(i -> assertThat(i.fields()).isEmpty());
            assertThat(treatments(erased))
                    .containsEntry("mail-delivery", ItemTreatment.ANONYMISED)
                    .containsEntry("mail-delivery-mention", ItemTreatment.ANONYMISED)
                    .containsEntry("inbound-mail", ItemTreatment.ANONYMISED)
                    .containsEntry("mail-attachment", ItemTreatment.ERASED)
                    .containsEntry("unmatched-mail", ItemTreatment.ERASED)
                    .containsEntry("unmatched-mail-handled", ItemTreatment.ANONYMISED)
                    .containsEntry("mail-suppression", ItemTreatment.ERASED)
                    .containsEntry("mailbox-message", ItemTreatment.ERASED)
                    .containsEntry("journal-copy", ItemTreatment.ERASED);
            assertThat(kinds(erased))
                    .containsEntry("mail-delivery", 3L)
                    .containsEntry("mailbox-message", 2L)
                    .containsEntry("journal-copy", 2L);
            assertThat(erased)
                    .filteredOn(i -> i.treatment() == ItemTreatment.HELD)
                    .isEmpty();

            // The database: none of the person's identifiers remain.
            assertThat(count(
                            db,
                            "SELECT count(*) FROM mail_delivery WHERE recipient = ? OR recipient_user_id = ? "
                                    + "OR CAST(parameters AS text) ILIKE ? OR subject_line ILIKE ? OR last_error ILIKE ?",
                            person,
                            account,
                            "%" + person + "%",
                            "%" + person + "%",
                            "%" + person + "%"))
                    .isZero();
            assertThat(count(db, "SELECT count(*) FROM mail_delivery WHERE recipient = ?", ref))
                    .as("the delivery log keeps the mails, under the anonymous reference")
                    .isEqualTo(3);
            assertThat(rows(db, "SELECT status, last_error FROM mail_delivery WHERE id = ?", waiting))
                    .as("the waiting mail is not sent to an erased address")
                    .containsExactly(List.of("FAILED", "cancelled: the recipient's personal data was erased"));
            assertThat(rows(
                            db,
                            "SELECT template_id, status, parameters::text, subject_line, in_reply_to FROM mail_delivery "
                                    + "WHERE idempotency_key = ?",
                            toPerson.idempotencyKey()))
                    .containsExactly(java.util.Arrays.asList("report-receipt", "SENT", "{}", null, null));
            assertThat(count(
                            db,
                            "SELECT count(*) FROM inbound_mail WHERE lower(from_address) = ? OR from_address ILIKE ?",
                            person,
                            "%" + person + "%"))
                    .isZero();
            assertThat(count(
                            db,
                            "SELECT count(*) FROM inbound_mail WHERE message_id IN (?, ?) AND from_address IS NULL",
                            toSafety,
                            toFeedback))
                    .as("the gateway still knows both mails arrived")
                    .isEqualTo(2);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM inbound_attachment a JOIN inbound_mail m ON m.id = a.mail_id "
                                    + "WHERE m.message_id IN (?, ?)",
                            toSafety,
                            toFeedback))
                    .isZero();
            assertThat(count(db, "SELECT count(*) FROM unmatched_mail WHERE lower(from_address) = ?", person))
                    .isZero();
            assertThat(count(db, "SELECT count(*) FROM mail_suppression WHERE address = ?", person))
                    .isZero();
            assertThat(count(
                            db,
                            "SELECT count(*) FROM kit_audit_log WHERE actor = ? OR detail ILIKE ?",
                            account,
                            "%" + person + "%"))
                    .isZero();
            // The mail server: their mail and the journal's copies to them are gone.
            assertThat(messageIds(devStack, "safety", "Processed")).doesNotContain(toSafety);
            assertThat(messageIds(devStack, "feedback", "Processed")).doesNotContain(toFeedback);
            // A mail a lane had claimed just before the erasure still goes out (to the address it held); its journal
            // copy arrives after the send and is deleted as soon as the sender records it sent.
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(journalCopiesTo(person)).isEmpty());

            // The other person's data is untouched; the person's part in it (handling their mail) is anonymised.
            assertThat(rows(
                            db,
                            "SELECT from_address, handled_by FROM unmatched_mail WHERE id = ?::uuid",
                            othersUnmatched))
                    .containsExactly(List.of(other, ref));
            assertThat(messageIds(devStack, "feedback", "Processed")).contains(othersMail);
            assertThat(journalCopiesTo(other)).isNotEmpty();
            List<List<Object>> othersDelivery = rows(
                    db,
                    "SELECT recipient, parameters->>'counterNoticeText', parameters->>'noticeId' FROM mail_delivery "
                            + "WHERE idempotency_key = ?",
                    toOther.idempotencyKey());
            assertThat(othersDelivery)
                    .containsExactly(
                            List.of(other, "I, Pat, object. Write to me at " + ref + ".", forwarded.get("noticeId")));

            // --- a second erasure finds nothing more (notification-service holds nothing under a legal hold) ---
            PrivacyRequested again = requestPrivacy(PrivacyRequestKind.ERASURE, account, person);
            List<PersonalDataItem> second = await().atMost(WAIT).until(() -> answerOf(answers, again), a -> a != null);
            assertThat(second).isEmpty();
        }
    }

    @Test
    void aRequestNamingOnlyAnAccountFindsWhatCarriesThatAccount() throws Exception {
        String account = "user-" + UUID.randomUUID().toString().substring(0, 8);
        String address = newRecipient("account-only");
        NotificationRequested request = withAccount(NotificationFixtures.receipt(address), account);
        publish(request);
        await().atMost(WAIT)
                .until(() -> count(
                                db,
                                "SELECT count(*) FROM mail_delivery WHERE idempotency_key = ? AND status = 'SENT'",
                                request.idempotencyKey())
                        == 1);
        try (KafkaProbe answers = KafkaProbe.from(Topics.PRIVACY_ANSWERS)) {
            PrivacyRequested access = requestPrivacy(PrivacyRequestKind.ACCESS, account);
            List<PersonalDataItem> found = await().atMost(WAIT).until(() -> answerOf(answers, access), a -> a != null);
            assertThat(found)
                    .singleElement()
                    .satisfies(i -> assertThat(i.kind()).isEqualTo("mail-delivery"))
                    .satisfies(i -> assertThat(i.fields()).containsEntry("recipient", address));
        }
    }

    // --- helpers ---

    private static NotificationRequested withAccount(NotificationRequested r, String account) {
        return new NotificationRequested(
                r.templateId(),
                r.recipientEmail(),
                account,
                r.locale(),
                r.parameters(),
                r.threadKey(),
                r.replyMailbox(),
                r.idempotencyKey(),
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                null);
    }

    /** The journal's copies of mail to {@code address} (the sender's mailbox, To: the person). */
    private List<String> journalCopiesTo(String address) throws Exception {
        return messages(devStack, "noreply", "INBOX", new RecipientStringTerm(Message.RecipientType.TO, address));
    }

    private static Map<String, Long> kinds(List<PersonalDataItem> items) {
        return items.stream().collect(Collectors.groupingBy(PersonalDataItem::kind, Collectors.counting()));
    }

    /** Each kind's treatment; a kind treated two ways fails the test. */
    private static Map<String, ItemTreatment> treatments(List<PersonalDataItem> items) {
        return items.stream().collect(Collectors.toMap(PersonalDataItem::kind, PersonalDataItem::treatment, (a, b) -> {
            assertThat(a).as("one treatment per kind").isEqualTo(b);
            return a;
        }));
    }

    private static PersonalDataItem only(
            List<PersonalDataItem> items, String kind, java.util.function.Predicate<PersonalDataItem> which) {
        List<PersonalDataItem> matching = items.stream()
                .filter(i -> i.kind().equals(kind) && which.test(i))
                .toList();
        assertThat(matching).as(kind).hasSize(1);
        return matching.get(0);
    }
}

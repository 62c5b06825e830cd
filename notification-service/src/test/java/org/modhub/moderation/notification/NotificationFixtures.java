package org.modhub.moderation.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventEnvelope;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.contracts.event.privacy.PrivacyAnswered;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequestKind;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequested;
import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.TestTokens;
import org.modhub.moderation.notification.mail.MailTemplates;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.search.SearchTerm;

/** What the service's tests share: mail requests, events and requests (Kafka, SQL and tokens come from devstack's test kit). */
public final class NotificationFixtures {

    public static final EventCodec CODEC = new EventCodec();

    private NotificationFixtures() {}

    /** A fresh external address, so tests never read each other's mail. */
    public static String newRecipient(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** A report-receipt request to {@code recipient} with the template's sample parameters and a fresh report thread. */
    public static NotificationRequested receipt(String recipient) {
        UUID report = UUID.randomUUID();
        Map<String, String> parameters = new java.util.HashMap<>(
                MailTemplates.byId("report-receipt").orElseThrow().sample());
        parameters.put("reportId", report.toString());
        return new NotificationRequested(
                "report-receipt",
                recipient,
                null,
                "en",
                parameters,
                NotificationRequested.threadKey("report", report),
                "safety",
                "report-receipt:" + report,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                null);
    }

    public static NotificationRequested request(
            String template,
            String recipient,
            String locale,
            Map<String, String> parameters,
            String threadKey,
            String mailbox) {
        return new NotificationRequested(
                template,
                recipient,
                null,
                locale,
                parameters,
                threadKey,
                mailbox,
                template + ":" + UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                null);
    }

    /** Publishes the request as a fresh CloudEvent; returns the encoded event (send it again to redeliver it). */
    public static String publish(NotificationRequested request) {
        String json = CODEC.encode(EventEnvelope.of(EventSources.REPORTING_SERVICE, request));
        KafkaProbe.send(Topics.NOTIFICATION_REQUESTS, request.threadKey(), json);
        return json;
    }

    public static void publishRaw(String threadKey, String json) {
        KafkaProbe.send(Topics.NOTIFICATION_REQUESTS, threadKey, json);
    }

    /** A data subject's request as appeals-service publishes it on privacy.requests; returns it. */
    public static PrivacyRequested requestPrivacy(PrivacyRequestKind kind, String accountId, String... emails) {
        PrivacyRequested request = new PrivacyRequested(
                UUID.randomUUID(),
                kind,
                accountId,
                List.of(emails),
                "legal-lee",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        KafkaProbe.send(
                Topics.PRIVACY_REQUESTS,
                request.partitionKey(),
                CODEC.encode(EventEnvelope.of(EventSources.APPEALS_SERVICE, request)));
        return request;
    }

    /** notification-service's whole answer to a request (all its parts), once every part has arrived; else null. */
    public static List<PersonalDataItem> answerOf(KafkaProbe answers, PrivacyRequested request) {
        List<PrivacyAnswered> parts = answers.ofType(PrivacyAnswered.TYPE).stream()
                .map(v -> CODEC.data(CODEC.decode(v), PrivacyAnswered.class))
                .filter(a ->
                        a.requestId().equals(request.requestId()) && a.service().equals("notification-service"))
                .toList();
        if (parts.isEmpty() || parts.size() < parts.get(0).parts()) {
            return null;
        }
        return parts.stream()
                .sorted(java.util.Comparator.comparingInt(PrivacyAnswered::part))
                .flatMap(a -> a.items().stream())
                .toList();
    }

    /** Message-IDs in a folder of one of our mailboxes, read over IMAP (an absent folder has none). */
    public static List<String> messageIds(DevStack devStack, String mailbox, String folderName)
            throws MessagingException {
        return messages(devStack, mailbox, folderName, null);
    }

    /** Message-IDs of a folder's messages matching {@code term} (all when null). */
    public static List<String> messages(DevStack devStack, String mailbox, String folderName, SearchTerm term)
            throws MessagingException {
        List<String> ids = new ArrayList<>();
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect(
                    devStack.mail().imapHost(),
                    devStack.mail().imapPort(),
                    devStack.mail().address(mailbox),
                    devStack.mail().password(mailbox));
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return ids;
            }
            folder.open(Folder.READ_ONLY);
            try {
                for (Message m : term == null ? folder.getMessages() : folder.search(term)) {
                    String[] id = m.getHeader("Message-ID");
                    ids.add(id == null ? "(none)" : id[0].strip());
                }
            } finally {
                folder.close(false);
            }
        }
        return ids;
    }

    /** A plain mail with a fixed Message-ID and, if {@code attachment} is given, a small file attached. */
    public static MimeMessage mail(
            DevStack devStack, String from, String to, String messageId, String subject, String text, String attachment)
            throws MessagingException {
        MimeMessage message = new MimeMessage(devStack.mail().smtpSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        if (attachment == null) {
            message.setText(text, "UTF-8");
            return message;
        }
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setText(attachment, "UTF-8");
        file.setFileName("evidence.txt");
        file.setDisposition(jakarta.mail.Part.ATTACHMENT);
        MimeMultipart multipart = new MimeMultipart();
        multipart.addBodyPart(body);
        multipart.addBodyPart(file);
        message.setContent(multipart);
        return message;
    }

    public static String newMessageId() {
        return "<" + UUID.randomUUID() + "@sender.example>";
    }

    public static RequestSpecification as(String subject, String... roles) {
        return RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.token(subject, roles));
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON);
    }
}

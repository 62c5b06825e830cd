package org.modhub.moderation.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventEnvelope;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.TestTokens;
import org.modhub.moderation.notification.mail.MailTemplates;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

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

    public static RequestSpecification as(String subject, String... roles) {
        return RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.token(subject, roles));
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON);
    }
}

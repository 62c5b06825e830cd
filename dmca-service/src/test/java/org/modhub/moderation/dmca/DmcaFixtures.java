package org.modhub.moderation.dmca;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventEnvelope;
import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.mail.MailAttachment;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.contracts.event.privacy.PrivacyAnswered;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequestKind;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequested;
import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.HubStandIn;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.TestTokens;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** What the service's tests share: bodies, requests and events (Kafka, SQL and tokens come from devstack's test kit). */
public final class DmcaFixtures {

    public static final String HUB = "https://huggingface.co/";
    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final EventCodec CODEC = new EventCodec();

    private DmcaFixtures() {}

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A request as {@code subject} with {@code roles}. */
    public static RequestSpecification as(String subject, String... roles) {
        return RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.token(subject, roles));
    }

    /** An anonymous request from its own client address (as the ingress would forward it), so rate limits don't meet. */
    public static RequestSpecification anonymous() {
        return fromAddress(randomAddress());
    }

    public static RequestSpecification fromAddress(String address) {
        return RestAssured.given().contentType(ContentType.JSON).header("X-Forwarded-For", address);
    }

    public static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.51." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    public static String claimantEmail() {
        return unique("rights") + "@acme-pictures.example";
    }

    /** A complete notice naming {@code urls}, sent by a company. */
    public static Map<String, Object> notice(String email, String... urls) {
        Map<String, Object> body = new HashMap<>();
        body.put("signature", "/Jane Roe/");
        body.put(
                "copyrightedWorks",
                List.of(Map.of(
                        "description",
                        "The Acme Film Archive 2024 (call Jane at +1 212 555 0100)",
                        "url",
                        "https://acme-pictures.example/archive")));
        List<Map<String, Object>> material = new ArrayList<>();
        for (String url : urls) {
            material.add(Map.of("url", url, "description", "copies of the archive's frames"));
        }
        body.put("infringingMaterial", material);
        body.put(
                "contact",
                new HashMap<>(Map.of(
                        "name",
                        "Jane Roe",
                        "organisation",
                        "Acme Pictures Inc.",
                        "email",
                        email,
                        "address",
                        "1 Studio Way, Burbank, CA 91505",
                        "phone",
                        "+1 818 555 0199")));
        body.put("goodFaithStatement", true);
        body.put("accuracyStatement", true);
        body.put("authorityUnderPenaltyOfPerjury", true);
        return body;
    }

    /** Sends a complete notice and returns its id. */
    public static String sendNotice(String email, String... urls) {
        return anonymous()
                .body(notice(email, urls))
                .post("/api/v1/dmca/notices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The hub stand-in the service asks (devstack's; open namespaces exist, see HUB.md). */
    public static HubStandIn hub() {
        return DevStack.shared().hub();
    }

    /**
     * A fresh open namespace on the hub stand-in: the account of that name has it as its id too (so
     * {@code as(uploader, "user")} is them), owns everything under it and has {@link #mailOf} on file.
     */
    public static String uploader() {
        return unique("uploader");
    }

    /** The e-mail address the hub stand-in has on file for an open namespace's account. */
    public static String mailOf(String openNamespace) {
        return openNamespace + "@hub.localhost";
    }

    /** Legal accepts a notice choosing one uploader (a hub account id), who owns all its content. */
    public static void accept(String noticeId, String uploaderId) {
        as("legal-1", "legal")
                .body(Map.of("decision", "ACCEPT", "owners", List.of(Map.of("id", uploaderId))))
                .post("/api/v1/dmca/notices/" + noticeId + "/decision")
                .then()
                .statusCode(200);
    }

    /** Legal accepts a notice naming no uploader: each subject's primary owner in the hub directory is one. */
    public static void acceptForTheHubsOwners(String noticeId) {
        as("legal-1", "legal")
                .body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/dmca/notices/" + noticeId + "/decision")
                .then()
                .statusCode(200);
    }

    /** A complete counter-notice for the material at {@code url}. */
    public static Map<String, Object> counterNotice(String url) {
        Map<String, Object> body = new HashMap<>();
        body.put("signature", "/John Doe/");
        body.put(
                "material",
                List.of(Map.of("url", url, "description", "my fine-tuned model, trained on licensed data")));
        body.put("goodFaithUnderPenaltyOfPerjury", true);
        body.put("name", "John Doe");
        body.put("address", "10 Main Street, Springfield, IL 62701");
        body.put("phone", "+1 217 555 0142");
        body.put("consentToJurisdiction", true);
        body.put("consentToServiceOfProcess", true);
        return body;
    }

    public static String model(String namespace) {
        return namespace + "/" + unique("model");
    }

    /** Legal rejects a notice. */
    public static void reject(String noticeId) {
        as("legal-1", "legal")
                .body(Map.of("decision", "REJECT", "reason", "INSUFFICIENT", "explanation", "Not enough to act on."))
                .post("/api/v1/dmca/notices/" + noticeId + "/decision")
                .then()
                .statusCode(200);
    }

    /** The uploader counter-notifies the notice's takedown of {@code url} by REST; returns the counter-notice. */
    public static Map<?, ?> counterNotify(String uploader, String noticeId, String url) {
        return as(uploader, "user")
                .body(counterNotice(url))
                .post("/api/v1/dmca/notices/" + noticeId + "/counter-notices")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }

    /** The id of the notice's first takedown, as legal sees it. */
    public static String takedownOf(String noticeId) {
        return as("legal-1", "legal")
                .get("/api/v1/dmca/notices/" + noticeId)
                .then()
                .statusCode(200)
                .extract()
                .path("takedowns[0].id");
    }

    // --- personal data (issue 26) ---

    /** Publishes a data subject's request as appeals-service does, and returns its id. */
    public static UUID requestPrivacy(PrivacyRequestKind kind, String accountId, String... emails) {
        UUID requestId = UUID.randomUUID();
        PrivacyRequested request = new PrivacyRequested(
                requestId,
                kind,
                accountId,
                List.of(emails),
                "legal-1",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        KafkaProbe.send(Topics.PRIVACY_REQUESTS, requestId.toString(), encode(EventSources.APPEALS_SERVICE, request));
        return requestId;
    }

    /** Every item of dmca-service's answer to {@code requestId}, once all its parts arrived. */
    public static List<PersonalDataItem> awaitAnswer(KafkaProbe answers, UUID requestId) {
        return await().atMost(WAIT)
                .until(
                        () -> {
                            List<PrivacyAnswered> parts = events(
                                    answers,
                                    PrivacyAnswered.TYPE,
                                    PrivacyAnswered.class,
                                    a -> a.requestId().equals(requestId)
                                            && a.service().equals("dmca-service"));
                            if (parts.isEmpty()
                                    || parts.stream()
                                                    .map(PrivacyAnswered::part)
                                                    .distinct()
                                                    .count()
                                            < parts.get(0).parts()) {
                                return null;
                            }
                            List<PersonalDataItem> items = new ArrayList<>();
                            parts.stream()
                                    .collect(java.util.stream.Collectors.toMap(
                                            PrivacyAnswered::part, a -> a, (a, b) -> a, java.util.TreeMap::new))
                                    .values()
                                    .forEach(a -> items.addAll(a.items()));
                            return items;
                        },
                        items -> items != null);
    }

    // --- events ---

    public static String encode(String source, EventPayload payload) {
        return CODEC.encode(EventEnvelope.of(source, payload));
    }

    public static <T extends EventPayload> T data(String json, Class<T> type) {
        return CODEC.data(CODEC.decode(json), type);
    }

    /** The events of {@code type} seen so far that match. */
    public static <T extends EventPayload> List<T> events(
            KafkaProbe probe, String typeName, Class<T> type, Predicate<T> filter) {
        return probe.ofType(typeName).stream()
                .map(v -> data(v, type))
                .filter(filter)
                .toList();
    }

    /** Waits for the first mail request matching and returns it. */
    public static NotificationRequested awaitMail(KafkaProbe mails, Predicate<NotificationRequested> filter) {
        return await().atMost(WAIT)
                .until(
                        () -> events(mails, NotificationRequested.TYPE, NotificationRequested.class, filter).stream()
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
    }

    /** An inbound mail to dmca@ as the gateway publishes it. */
    public static InboundMailReceived mail(String from, String subjectLine, String body, String threadToken) {
        return mailTo("dmca", from, subjectLine, body, threadToken, List.of());
    }

    /** An inbound mail to {@code mailbox}@ (on {@code threadToken}, if any) with attachments described. */
    public static InboundMailReceived mailTo(
            String mailbox,
            String from,
            String subjectLine,
            String body,
            String threadToken,
            List<MailAttachment> attachments) {
        return new InboundMailReceived(
                mailbox,
                "<" + UUID.randomUUID() + "@mail.example.org>",
                null,
                List.of(),
                threadToken,
                from,
                List.of(mailbox + "@hub.localhost"),
                subjectLine,
                body,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                attachments);
    }

    /** Publishes a mail keyed as the gateway keys it: by its owning service ({@code MailRoutes}). */
    public static void sendRouted(InboundMailReceived mail) {
        sendMail(mail.partitionKey(), mail);
    }

    public static void sendMail(String key, InboundMailReceived mail) {
        KafkaProbe.send(Topics.MAIL_INBOUND, key, encode(EventSources.NOTIFICATION_SERVICE, mail));
    }
}

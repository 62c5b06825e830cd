package org.modhub.moderation.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventEnvelope;
import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** What the service's tests share: tokens, request bodies, events, Kafka and SQL access. */
public final class ReportingFixtures {

    public static final String STAFF = "moderator";
    private static final EventCodec CODEC = new EventCodec();

    private ReportingFixtures() {
    }

    /** A fresh account id, so tests never see each other's reports or standing. */
    public static String newUser(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String token(String subject, String... roles) {
        return Jwt.subject(subject).upn(subject).groups(Set.of(roles)).claim("email", subject + "@example.org")
                .claim("preferred_username", subject).expiresIn(Duration.ofMinutes(10)).sign();
    }

    /** A request as {@code subject} with {@code roles}. */
    public static RequestSpecification as(String subject, String... roles) {
        return RestAssured.given().contentType(ContentType.JSON).auth().oauth2(token(subject, roles));
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    /** A unique model for one test. */
    public static String newModel() {
        return "acme/model-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid report body on a model, with a policy (not illegal-content) category. */
    public static Map<String, Object> reportOn(String kind, String id) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", new HashMap<>(Map.of("kind", kind, "id", id, "url", "https://huggingface.co/" + id)));
        body.put("category", "platform_abuse");
        body.put("subcategory", "spam");
        body.put("explanation", "The model card is an advertisement for a casino, repeated in every discussion.");
        body.put("evidenceUrls", List.of("https://example.org/screenshot.png"));
        body.put("jurisdiction", "DE");
        return body;
    }

    public static Map<String, Object> reportOnModel(String modelId) {
        return reportOn("model", modelId);
    }

    /** Files a report and returns its id. */
    public static String file(String user, Map<String, Object> body) {
        return as(user, "user").body(body).post("/api/v1/reports").then().statusCode(201).extract().path("id");
    }

    // --- events ---

    public static String encode(String source, EventPayload payload) {
        return CODEC.encode(EventEnvelope.of(source, payload));
    }

    public static EventEnvelope decode(String json) {
        return CODEC.decode(json);
    }

    public static <T extends EventPayload> T data(String json, Class<T> type) {
        return CODEC.data(CODEC.decode(json), type);
    }

    /** A "no action" decision on reports about {@code subject}, optionally finding them manifestly unfounded. */
    public static DecisionTaken noAction(String subjectKey, List<UUID> reportIds, boolean manifestlyUnfounded) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new DecisionTaken(UUID.randomUUID(), UUID.randomUUID(), SubjectRef.parse(subjectKey), "owner-" + UUID.randomUUID(),
                List.of(ModerationAction.NO_ACTION), null, PolicyCategory.PLATFORM_ABUSE, null, List.of(), null,
                "The content was reviewed against the policy.", "Nothing in the content breaks the policy.", "2025-04-10",
                "mod-1", null, AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED, DecisionOrigin.REPORT, reportIds, null, null,
                manifestlyUnfounded, now);
    }

    public static void sendDecision(DecisionTaken decision) {
        send(Topics.REVIEW_EVENTS, decision.subject().key(), encode(EventSources.REVIEW_SERVICE, decision));
    }

    /** An inbound mail as the gateway publishes it. */
    public static InboundMailReceived mail(String mailbox, String from, String subjectLine, String body, String threadToken) {
        return new InboundMailReceived(mailbox, "<" + UUID.randomUUID() + "@mail.example.org>", null, List.of(), threadToken,
                from, List.of(mailbox + "@hub.localhost"), subjectLine, body, Instant.now().truncatedTo(ChronoUnit.MICROS),
                List.of());
    }

    public static void sendMail(InboundMailReceived mail) {
        send(Topics.MAIL_INBOUND, mail.mailbox(), encode(EventSources.NOTIFICATION_SERVICE, mail));
    }

    public static void sendMail(String key, InboundMailReceived mail) {
        send(Topics.MAIL_INBOUND, key, encode(EventSources.NOTIFICATION_SERVICE, mail));
    }

    // --- Kafka, read and written the way another service would ---

    /** Sees everything on a topic from the beginning; poll inside Awaitility. */
    public static final class Probe implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        private Probe(String topic) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "reporting-probe-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(props);
            consumer.subscribe(List.of(topic));
        }

        public static Probe of(String topic) {
            return new Probe(topic);
        }

        public List<ConsumerRecord<String, String>> poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return List.copyOf(seen);
        }

        /** Values seen so far of the given CloudEvents type. */
        public List<String> ofType(String type) {
            return poll().stream().map(ConsumerRecord::value).filter(v -> v.contains("\"type\":\"" + type + "\"")).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    public static void send(String topic, String key, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    // --- SQL through the JDBC datasource ---

    public static long count(DataSource ds, String sql, Object... params) {
        return ((Number) rows(ds, sql, params).get(0).get(0)).longValue();
    }

    public static List<List<Object>> rows(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String SAFETY = Mailboxes.SAFETY;
}

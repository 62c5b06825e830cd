package org.modhub.moderation.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.contracts.Topics;

class SharedStackTest {

    private static DevStack stack;

    @BeforeAll
    static void startStack() {
        stack = DevStack.shared();
    }

    @Test
    void sharedIsOneStackPerJvm() {
        assertThat(DevStack.shared()).isSameAs(stack);
    }

    @Test
    void everyServiceHasItsOwnDatabaseThatAcceptsSql() throws Exception {
        for (String service : DevStackDefaults.SERVICES) {
            assertThat(stack.postgres().databaseExists(service)).as(service).isTrue();
            try (Connection connection = stack.postgres().connect(service);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS devstack_probe (id int PRIMARY KEY, note text)");
                statement.execute(
                        "INSERT INTO devstack_probe VALUES (1, 'hello') ON CONFLICT (id) DO UPDATE SET note = 'hello'");
                try (ResultSet rows =
                        statement.executeQuery("SELECT current_database(), note FROM devstack_probe WHERE id = 1")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo(service);
                    assertThat(rows.getString(2)).isEqualTo("hello");
                }
                try (ResultSet version = statement.executeQuery("SHOW server_version_num")) {
                    version.next();
                    assertThat(version.getInt(1)).as("PostgreSQL 18").isGreaterThanOrEqualTo(180000);
                }
            }
        }
    }

    @Test
    void configPointsAServiceAtItsDatabaseBrokerMailAndKeys() {
        Map<String, String> config = stack.config("reporting");

        PostgresServer pg = stack.postgres();
        assertThat(config)
                .containsEntry(
                        "quarkus.datasource.reactive.url",
                        "postgresql://" + pg.host() + ":" + pg.port() + "/reporting");
        assertThat(config)
                .containsEntry(
                        "quarkus.datasource.jdbc.url",
                        "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/reporting");
        assertThat(config).containsEntry("quarkus.datasource.username", pg.username());
        assertThat(config)
                .containsEntry("kafka.bootstrap.servers", stack.kafka().bootstrapServers());
        assertThat(config)
                .containsEntry(
                        "quarkus.mailer.port", Integer.toString(stack.mail().smtpPort()));
        assertThat(config).containsEntry("quarkus.mailer.from", "noreply@hub.localhost");
        assertThat(config).containsEntry("quarkus.mailer.mock", "false");
        assertThat(config)
                .containsEntry(
                        "devstack.mail.imap.port", Integer.toString(stack.mail().imapPort()));
        assertThat(config).containsEntry("devstack.mail.safety.user", "safety@hub.localhost");
        assertThat(config)
                .containsEntry("devstack.mail.legal.password", stack.mail().password(Mailboxes.LEGAL));
        // feedback@ (issue 21) is a mailbox like the others: the gateway reads it with these.
        assertThat(config)
                .containsEntry("devstack.mail.feedback.user", "feedback@hub.localhost")
                .containsEntry("devstack.mail.feedback.password", stack.mail().password(Mailboxes.FEEDBACK));
        assertThat(config).containsEntry("mp.jwt.verify.issuer", DevStackDefaults.JWT_ISSUER);
        assertThat(config).containsEntry("mp.jwt.verify.audiences", DevStackDefaults.JWT_AUDIENCE);
        assertThat(config.get("mp.jwt.verify.publickey")).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(config.get("smallrye.jwt.sign.key")).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(config).containsEntry("smallrye.jwt.new-token.issuer", DevStackDefaults.JWT_ISSUER);

        // A running service gets no signing key.
        assertThat(stack.serviceConfig("reporting"))
                .doesNotContainKey("smallrye.jwt.sign.key")
                .containsEntry("mp.jwt.verify.publickey", stack.jwtKeys().publicKeyPem());
    }

    @Test
    void configForANewNameCreatesItsDatabase() {
        stack.config("scratch_service");

        assertThat(stack.postgres().databaseExists("scratch_service")).isTrue();
    }

    @Test
    void everyContractTopicExistsWithItsPartitions() throws Exception {
        assertThat(stack.kafka().topics()).containsAll(Topics.EVENT_TOPICS).containsAll(Topics.DEAD_LETTER_TOPICS);
        try (var admin = stack.kafka().admin()) {
            var descriptions = admin.describeTopics(List.of(Topics.REPORTING_EVENTS, Topics.REVIEW_DLQ))
                    .allTopicNames()
                    .get();
            assertThat(descriptions.get(Topics.REPORTING_EVENTS).partitions())
                    .hasSize(DevStackDefaults.EVENT_TOPIC_PARTITIONS);
            assertThat(descriptions.get(Topics.REVIEW_DLQ).partitions())
                    .hasSize(DevStackDefaults.DEAD_LETTER_TOPIC_PARTITIONS);
        }
    }

    @Test
    void aRecordSentToReportingEventsIsConsumed() throws Exception {
        String value = KafkaClients.unique("report-filed");
        try (KafkaConsumer<String, String> consumer =
                KafkaClients.consumer(stack.kafka(), KafkaClients.unique("group"))) {
            consumer.subscribe(List.of(Topics.REPORTING_EVENTS));
            KafkaClients.send(stack.kafka(), Topics.REPORTING_EVENTS, "model:acme/llm", value);

            List<ConsumerRecord<String, String>> received =
                    KafkaClients.pollUntil(consumer, value, Duration.ofSeconds(20));

            assertThat(received).anySatisfy(record -> {
                assertThat(record.value()).isEqualTo(value);
                assertThat(record.key()).isEqualTo("model:acme/llm");
            });
        }
    }

    @Test
    void topicsAreNeverCreatedByAccident() {
        Map<String, Object> config = stack.kafka().clientConfig();
        config.put(org.apache.kafka.clients.producer.ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
                config,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            var misspelt = new org.apache.kafka.clients.producer.ProducerRecord<>("reporting.evnets", "k", "v");

            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> producer.send(misspelt).get())
                    .hasMessageContaining("reporting.evnets");
        }
        assertThat(stack.kafka().topics()).doesNotContain("reporting.evnets");
    }

    @Test
    void mailToSafetyIsReadOverImap() {
        MailServer mail = stack.mail();
        String subject = KafkaClients.unique("Report of model acme/llm");

        mail.send("alice@example.org", mail.address(Mailboxes.SAFETY), subject, "It leaks personal data.");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(mail.messages(Mailboxes.SAFETY)).anySatisfy(message -> {
                    assertThat(message.subject()).isEqualTo(subject);
                    assertThat(message.from()).isEqualTo("alice@example.org");
                    assertThat(message.to()).containsExactly("safety@hub.localhost");
                    assertThat(message.text()).contains("It leaks personal data.");
                }));
        // Other inboxes stay untouched.
        assertThat(mail.messages(Mailboxes.DMCA)).noneMatch(message -> subject.equals(message.subject()));
    }

    @Test
    void plusAddressedRepliesLandInTheMailboxWithTheirThreadKey() {
        MailServer mail = stack.mail();
        String subject = KafkaClients.unique("Re: your report");

        mail.send("alice@example.org", "legal+appeal-42@hub.localhost", subject, "More details.");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(mail.messages(Mailboxes.LEGAL)).anySatisfy(message -> {
                    assertThat(message.subject()).isEqualTo(subject);
                    assertThat(message.to()).containsExactly("legal+appeal-42@hub.localhost");
                }));
    }

    @Test
    void mailToAnyoneElseCanBeReadByTheirAddress() {
        MailServer mail = stack.mail();
        String subject = KafkaClients.unique("Your report was received");

        mail.send(mail.sender(), "bob@example.org", subject, "Thank you.");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(mail.messages("bob@example.org"))
                        .extracting(ReceivedMail::subject)
                        .contains(subject));
        assertThat(mail.messages("nobody-wrote-to-me@example.org")).isEmpty();
    }

    @Test
    void mintedTokenVerifiesWithThePublishedPublicKeyAndCarriesTheClaims() throws Exception {
        String token = stack.token("alice", Roles.USER, Roles.MODERATOR);

        JwtClaims claims = verifier(publicKeyFrom(stack.config("review").get("mp.jwt.verify.publickey")))
                .processToClaims(token);

        assertThat(claims.getIssuer()).isEqualTo("https://hub.localhost/auth");
        assertThat(claims.getAudience()).containsExactly("moderation-suite");
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringClaimValue("upn")).isEqualTo("alice");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("user", "moderator");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .isEqualTo(3600);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
        String forged = new TokenMinter(JwtKeys.generate()).mint("mallory", List.of(Roles.ADMIN));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> verifier(stack.jwtKeys().publicKey()).processToClaims(forged))
                .isInstanceOf(InvalidJwtException.class);
    }

    static JwtConsumer verifier(PublicKey key) {
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setExpectedIssuer(DevStackDefaults.JWT_ISSUER)
                .setExpectedAudience(DevStackDefaults.JWT_AUDIENCE)
                .setRequireExpirationTime()
                .setRequireSubject()
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }

    static PublicKey publicKeyFrom(String pem) throws Exception {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}

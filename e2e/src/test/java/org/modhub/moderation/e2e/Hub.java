package org.modhub.moderation.e2e;

import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.modhub.moderation.devstack.ReceivedMail;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** What the flows share: the hub's calls through the public doors, and reading mail, Kafka and (for the checks) SQL. */
final class Hub {

    static final String HUB = "https://huggingface.co/";
    static final String MAIL_DOMAIN = "e2e.example";
    static final Duration WAIT = Duration.ofSeconds(60);
    /** What a moderator found and why it breaks the policy, in every decision the flows and journeys take. */
    static final String FACTS = "The model card advertises an online casino in every section.";

    static final String EXPLANATION = "Advertising unrelated services is spam under section 5 of the content policy.";

    final Suite suite;

    Hub(Suite suite) {
        this.suite = suite;
    }

    /** Prints an end-to-end class's summary: one line per flow or journey, under its title. */
    static void printSummary(String title, List<String> lines) {
        System.out.println();
        System.out.println(title);
        lines.forEach(line -> System.out.println("  " + line));
        System.out.println();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String address(String user) {
        return user + "@" + MAIL_DOMAIN;
    }

    Api as(String service, String subject, String... roles) {
        return Api.of(suite, service, suite.token(subject, roles));
    }

    // --- reporting ---

    static Map<String, Object> reportBody(String repo, String reporter) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", new HashMap<>(Map.of("kind", "model", "id", repo, "url", HUB + repo)));
        body.put("category", "platform_abuse");
        body.put("subcategory", "spam");
        body.put("explanation", "The model card is an advertisement for an online casino, repeated in every section.");
        body.put("evidenceUrls", List.of("https://example.org/screenshot.png"));
        body.put("jurisdiction", "DE");
        body.put("contactEmail", address(reporter));
        return body;
    }

    String fileReport(String reporter, String repo) {
        Api.Response response = as("reporting", reporter, "user").post("/api/v1/reports", reportBody(repo, reporter));
        if (response.status() != 201) {
            throw new AssertionError("filing a report: " + response);
        }
        return response.text("id");
    }

    // --- review ---

    /** The open (not closed) case of a subject, looked up in the staff queue. */
    Optional<JsonNode> openCase(String subjectKey) {
        Api staff = as("review", "mod-e2e-lookup", "moderator");
        for (String state : List.of("OPEN", "CLAIMED", "PENDING_APPROVAL")) {
            String cursor = null;
            do {
                Api.Response page = staff.get("/api/v1/cases?state=" + state + "&limit=100"
                        + (cursor == null ? "" : "&cursor=" + enc(cursor)));
                if (page.status() != 200) {
                    return Optional.empty();
                }
                for (JsonNode item : page.json().path("items")) {
                    if (subjectKey.equals(item.path("subject").asText())) {
                        return Optional.of(item);
                    }
                }
                cursor = page.text("nextCursor");
            } while (cursor != null);
        }
        return Optional.empty();
    }

    String awaitOpenCase(String subjectKey) {
        return await("a case on " + subjectKey)
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> openCase(subjectKey), Optional::isPresent)
                .get()
                .path("id")
                .asText();
    }

    /**
     * A decision as a moderator takes it: no owner in it (issue 23). Review-service asks the hub directory whose the
     * subject is and decides about its primary owner, the namespace of the repositories the flows report.
     */
    static Map<String, Object> decisionBody(List<String> actions, String facts, String explanation) {
        Map<String, Object> body = new HashMap<>();
        body.put("actions", actions);
        body.put("category", "platform_abuse");
        body.put("subcategory", "spam");
        body.put("facts", facts);
        body.put("explanation", explanation);
        return body;
    }

    /** A complete 512(c)(3) notice from Jane Roe of Acme Pictures about {@code repo}, mailed answers to {@code claimant}. */
    static Map<String, Object> dmcaNotice(String claimant, String repo) {
        Map<String, Object> notice = new HashMap<>();
        notice.put("signature", "/Jane Roe/");
        notice.put(
                "copyrightedWorks",
                List.of(Map.of(
                        "description", "The Acme Film Archive 2024", "url", "https://acme-pictures.example/archive")));
        notice.put(
                "infringingMaterial",
                List.of(Map.of("url", HUB + repo, "description", "copies of the archive's frames")));
        notice.put(
                "contact",
                Map.of(
                        "name",
                        "Jane Roe",
                        "organisation",
                        "Acme Pictures Inc.",
                        "email",
                        address(claimant),
                        "address",
                        "1 Studio Way, Burbank, CA 91505",
                        "phone",
                        "+1 818 555 0199"));
        notice.put("goodFaithStatement", true);
        notice.put("accuracyStatement", true);
        notice.put("authorityUnderPenaltyOfPerjury", true);
        return notice;
    }

    /** A complete counter-notice by John Doe, the uploader of {@code repo}, under penalty of perjury. */
    static Map<String, Object> counterNotice(String repo) {
        Map<String, Object> counter = new HashMap<>();
        counter.put("signature", "/John Doe/");
        counter.put(
                "material", List.of(Map.of("url", HUB + repo, "description", "my model, trained on licensed data")));
        counter.put("goodFaithUnderPenaltyOfPerjury", true);
        counter.put("name", "John Doe");
        counter.put("address", "10 Main Street, Springfield, IL 62701");
        counter.put("phone", "+1 217 555 0142");
        counter.put("consentToJurisdiction", true);
        counter.put("consentToServiceOfProcess", true);
        return counter;
    }

    /** Legal accepts a DMCA notice: the uploaders are each subject's primary owner on the hub, never typed (issue 23). */
    static Map<String, Object> acceptNotice() {
        return Map.of("decision", "ACCEPT");
    }

    /**
     * A fresh hub account that owns the namespace of the same name: its repositories are reported and decided in a
     * flow, and the hub directory gives the services its address, {@link #address}, the one its tokens carry too.
     */
    String newOwner(String label) {
        String name = unique(label);
        suite.stack.hub().putAccount(name, name, address(name), null, null);
        return name;
    }

    JsonNode restrictions(String subjectKey) {
        Api.Response response =
                as("review", "mod-e2e-lookup", "moderator").get("/api/v1/subjects/" + subjectKey + "/restrictions");
        if (response.status() != 200) {
            throw new AssertionError("restrictions of " + subjectKey + ": " + response);
        }
        return response.json();
    }

    // --- mail ---

    /** Every message in the inbox of {@code address}, read from the mail server. */
    List<ReceivedMail> mailTo(String address) {
        return suite.stack.mail().messages(address);
    }

    ReceivedMail awaitMail(String address, Predicate<ReceivedMail> filter, String what) {
        try {
            return await(what + " to " + address)
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> mailTo(address).stream().filter(filter).findFirst(), Optional::isPresent)
                    .get();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "no " + what + " reached " + address + " within " + WAIT + "; its inbox holds "
                            + mailTo(address).stream()
                                    .map(ReceivedMail::subject)
                                    .toList(),
                    e);
        }
    }

    static Predicate<ReceivedMail> subjectContains(String text) {
        return mail -> mail.subject() != null && mail.subject().contains(text);
    }

    static String body(ReceivedMail mail) {
        return (mail.subject() + "\n" + mail.text() + "\n" + (mail.html() == null ? "" : mail.html()))
                .toLowerCase(Locale.ROOT);
    }

    // --- Kafka (observed, never written except for the poison messages of the fault test) ---

    /** Every record now in {@code topic}, from the beginning. */
    List<ConsumerRecord<String, String>> records(String topic) {
        Map<String, Object> config = new HashMap<>(suite.stack.kafkaCluster().clientConfig());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
            }
        }
        return all;
    }

    // --- SQL, for the after-the-fact checks only ---

    List<List<Object>> sql(String database, String query, Object... params) {
        try (Connection connection = suite.stack.postgres().connect(database);
                PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<List<Object>> result = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rows.getObject(c));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("on " + database + ": " + query, e);
        }
    }

    long count(String database, String query, Object... params) {
        return ((Number) sql(database, query, params).get(0).get(0)).longValue();
    }

    // --- journeys: four-eyes decisions, the delivery log, replies by SMTP ---

    /**
     * Claims the case, decides {@code actions} (about the owner the hub names) and, when the decision waits for four
     * eyes, has a second (senior) moderator approve it; returns the decision id once it is in force.
     */
    String decide(String caseId, List<String> actions, String facts, String explanation) {
        Api moderator = as("review", unique("mod"), "moderator");
        Api.Response claimed = moderator.post("/api/v1/cases/" + caseId + "/claim", null);
        if (claimed.status() != 200) {
            throw new AssertionError("claiming case " + caseId + ": " + claimed);
        }
        Api.Response decided =
                moderator.post("/api/v1/cases/" + caseId + "/decisions", decisionBody(actions, facts, explanation));
        if (decided.status() != 201) {
            throw new AssertionError("deciding case " + caseId + ": " + decided);
        }
        String decisionId = decided.text("id");
        if ("PENDING_APPROVAL".equals(decided.text("status"))) {
            Api.Response approved = as("review", unique("senior"), "senior-moderator")
                    .post("/api/v1/decisions/" + decisionId + "/approve", null);
            if (approved.status() != 200) {
                throw new AssertionError("approving decision " + decisionId + ": " + approved);
            }
        }
        return decisionId;
    }

    /** A mail as the delivery log knows it (template, thread key, Message-ID) and as its recipient finds it. */
    record Delivered(JsonNode delivery, ReceivedMail mail) {

        String templateId() {
            return delivery.path("templateId").asText();
        }

        /** The thread key, {@code <kind>:<id>}. */
        String threadKey() {
            return delivery.path("threadKey").asText(null);
        }

        /** The id after the colon of the thread key. */
        String threadId() {
            String key = threadKey();
            return key == null ? null : key.substring(key.indexOf(':') + 1);
        }
    }

    /** The delivery log's entries for {@code recipient} and {@code templateId}, newest first (staff view). */
    List<JsonNode> deliveries(String recipient, String templateId) {
        return as("notification", "staff-e2e-mail", "moderator")
                .items("/api/v1/deliveries?limit=100&recipient=" + enc(recipient)
                        + (templateId == null ? "" : "&templateId=" + enc(templateId)));
    }

    /**
     * Waits for a mail of {@code templateId} to {@code address} that {@code which} picks out of the delivery log, and
     * returns it as it is in the recipient's mailbox (matched by Message-ID, so a template's wording can change).
     */
    Delivered awaitDelivered(String address, String templateId, Predicate<JsonNode> which, Duration within) {
        try {
            return await((templateId == null ? "a mail" : templateId) + " to " + address)
                    .atMost(within)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> findDelivered(address, templateId, which), Optional::isPresent)
                    .get();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "no " + (templateId == null ? "" : templateId + " ") + "mail reached " + address + " within "
                            + within
                            + "; the delivery log holds "
                            + deliveries(address, null).stream()
                                    .map(d -> d.path("templateId").asText() + "/"
                                            + d.path("status").asText() + "/"
                                            + d.path("threadKey").asText())
                                    .toList()
                            + "; the inbox holds "
                            + mailTo(address).stream()
                                    .map(ReceivedMail::subject)
                                    .toList(),
                    e);
        }
    }

    Delivered awaitDelivered(String address, String templateId, Predicate<JsonNode> which) {
        return awaitDelivered(address, templateId, which, WAIT);
    }

    Delivered awaitDelivered(String address, String templateId) {
        return awaitDelivered(address, templateId, d -> true);
    }

    private Optional<Delivered> findDelivered(String address, String templateId, Predicate<JsonNode> which) {
        List<JsonNode> sent = deliveries(address, templateId).stream()
                .filter(d -> "SENT".equals(d.path("status").asText()) && which.test(d))
                .toList();
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        List<ReceivedMail> inbox = mailTo(address);
        for (JsonNode delivery : sent) {
            String messageId = bare(delivery.path("messageId").asText(""));
            for (ReceivedMail mail : inbox) {
                if (messageId.equals(bare(mail.messageId()))) {
                    return Optional.of(new Delivered(delivery, mail));
                }
            }
        }
        return Optional.empty();
    }

    static Predicate<JsonNode> onThread(String threadKey) {
        return d -> threadKey.equals(d.path("threadKey").asText());
    }

    static Predicate<JsonNode> onThreadOf(String kind) {
        return d -> d.path("threadKey").asText("").startsWith(kind + ":");
    }

    /** A Message-ID without its angle brackets. */
    static String bare(String messageId) {
        if (messageId == null) {
            return "";
        }
        String id = messageId.trim();
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }

    /** One of our mailboxes: {@code safety} → {@code safety@hub.localhost}. */
    String mailbox(String name) {
        return suite.stack.mail().address(name);
    }

    /**
     * A reply as a mail client sends it: {@code Re:} subject, {@code In-Reply-To} and {@code References} naming the
     * mail replied to, the quoted original below the text; sent over SMTP to {@code to}. Returns its Message-ID.
     */
    String reply(String from, String to, ReceivedMail original, String text) {
        try {
            MimeMessage message = new MimeMessage(suite.stack.mail().smtpSession());
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            String subject = original.subject() == null ? "" : original.subject();
            message.setSubject(subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject, "UTF-8");
            String references = original.header("References").map(r -> r + " ").orElse("") + original.messageId();
            message.setHeader("In-Reply-To", original.messageId());
            message.setHeader("References", references);
            String quoted = original.text() == null
                    ? ""
                    : original.text()
                            .lines()
                            .map(l -> "> " + l)
                            .reduce((a, b) -> a + "\n" + b)
                            .orElse("");
            message.setText(
                    text + "\n\nOn " + original.sentAt() + ", " + original.from() + " wrote:\n" + quoted + "\n",
                    "UTF-8");
            return suite.stack.mail().send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build a reply to " + original.messageId(), e);
        }
    }

    /** A mail with only an HTML body (no text part), as some clients and some attackers send. */
    String sendHtml(String from, String to, String subject, String html) {
        try {
            MimeMessage message = new MimeMessage(suite.stack.mail().smtpSession());
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            message.setSubject(subject, "UTF-8");
            message.setContent(html, "text/html; charset=UTF-8");
            return suite.stack.mail().send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build an HTML mail to " + to, e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

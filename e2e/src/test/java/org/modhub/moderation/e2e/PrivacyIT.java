package org.modhub.moderation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.modhub.moderation.e2e.Hub.HUB;
import static org.modhub.moderation.e2e.Hub.WAIT;
import static org.modhub.moderation.e2e.Hub.address;
import static org.modhub.moderation.e2e.Hub.unique;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.devstack.DevStackDefaults;
import org.modhub.moderation.devstack.MailServer;
import org.modhub.moderation.e2e.Hub.Delivered;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;

/**
 * Issue 26's "done when": one person seeded into every service through the public doors (reports by REST and by mail
 * to safety@, a DMCA notice mailed to dmca@ as claimant and a counter-notice as uploader, an appeal by replying to
 * the outcome mail, a mail to feedback@, and the mails we sent them), and a second person beside them. Legal asks for
 * access (every service lists what it holds, nothing of the other person), then for erasure while dmca-service is
 * killed (it answers once it is back), and then nothing of the person is left — in a new access request, in any text
 * of any table of the five databases, in our mailboxes and the journal — except what the erasure listed as held, while
 * the other person's data, the audit logs and the transparency figures stay.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyIT {

    /** The services that answer a privacy request, as they name themselves, with the suite's name for each. */
    private static final Map<String, String> SERVICES = orderedMap(
            "reporting-service", "reporting",
            "review-service", "review",
            "dmca-service", "dmca",
            "appeals-service", "appeals",
            "notification-service", "notification");
    /** Up to a service's restart (SIGKILL, JVM start, migrations, consumers) plus the answers' way back. */
    private static final Duration REQUEST_BUDGET = Duration.ofMinutes(3);

    private static final List<String> SUMMARY = new ArrayList<>();

    @RegisterExtension
    static final TestWatcher FAILURES = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            String why = String.join(
                    " ",
                    String.valueOf(cause.getMessage())
                            .strip()
                            .lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty())
                            .limit(4)
                            .toList());
            SUMMARY.add(context.getRequiredTestMethod().getName() + ": FAILED — "
                    + (why.length() > 400 ? why.substring(0, 400) + "…" : why));
        }
    };

    static Suite suite;
    static Hub hub;

    /** The person whose data is asked for, and the other person, whose data must stay. */
    record Seeded(
            String person,
            String other,
            String bystander,
            String reportByApi,
            String reportByMail,
            String otherReportByApi,
            String otherReportByMail,
            String caseId,
            String mailedCaseId,
            String decisionId,
            String appealId,
            String mailedNoticeId,
            String noticeOnTheirModel,
            String counterNoticeId,
            String theirModel) {

        String mail() {
            return address(person);
        }

        String otherMail() {
            return address(other);
        }
    }

    static Seeded seeded;
    /** What the other person's access request found before the erasure: service → kind/id. */
    static Map<String, Set<String>> otherBefore;
    /** Rows naming the other person's address before the erasure: "db.table" → count. */
    static Map<String, Long> otherRowsBefore;
    /** The other person's messages in our mailboxes and deliveries to them, before. */
    static long otherStoredMailBefore;

    static long otherDeliveriesBefore;
    /** The transparency report just before the erasure. */
    static JsonNode transparencyBefore;

    static String accessId;
    static String erasureId;
    static JsonNode erasureDocument;
    /** service → ids of the items the erasure keeps under a hold. */
    static Map<String, Set<String>> heldIds;
    /** service → kind/id of the items the erasure keeps under a hold. */
    static Map<String, Set<String>> heldKeys;

    @BeforeAll
    static void start() {
        suite = Suite.get();
        hub = new Hub(suite);
    }

    @AfterAll
    static void printSummary() {
        Hub.printSummary("e2e privacy summary", SUMMARY);
    }

    // --- 1. the people ---

    @Test
    @Order(1)
    void onePersonIsSeededIntoEveryServiceThroughThePublicDoorsAndASecondBesideThem() {
        long startedAt = System.nanoTime();
        String person = hub.newOwner("dsr");
        String other = hub.newOwner("other");
        String bystander = hub.newOwner("bystander");
        String mail = address(person);
        String otherMail = address(other);

        // reporting + review: both report the same model through the API; one case holds both reports.
        String spam = bystander + "/" + unique("casino");
        String reportByApi = hub.fileReport(person, spam);
        String caseId = hub.awaitOpenCase("model:" + spam);
        String otherReportByApi = hub.fileReport(other, spam);
        awaitReportsOnCase(caseId, reportByApi, otherReportByApi);
        awaitReceipt(mail, reportByApi);
        awaitReceipt(otherMail, otherReportByApi);

        // notification + reporting + review: both mail safety@ about another model; one case holds both.
        String mailed = bystander + "/" + unique("mailed");
        suite.stack
                .mail()
                .send(
                        mail,
                        hub.mailbox("safety"),
                        "Spam on your hub",
                        "Hello,\n\nthis model is spam, an advert for an online casino: " + HUB + mailed
                                + "\n\nPlease remove it.\n\nRegards, the person who asks for their data later\n");
        String reportByMail = awaitReceiptOtherThan(mail, reportByApi);
        String mailedCaseId = hub.awaitOpenCase("model:" + mailed);
        suite.stack
                .mail()
                .send(
                        otherMail,
                        hub.mailbox("safety"),
                        "Casino spam",
                        "Hi,\n\nthe model " + HUB + mailed + " advertises a casino.\n");
        String otherReportByMail = awaitReceiptOtherThan(otherMail, otherReportByApi);
        awaitReportsOnCase(mailedCaseId, reportByMail, otherReportByMail);

        // notification: both write to feedback@ (kept for staff as unmatched mail).
        String feedbackSubject = unique("question");
        String otherFeedbackSubject = unique("question");
        suite.stack
                .mail()
                .send(
                        mail,
                        hub.mailbox("feedback"),
                        feedbackSubject,
                        "Hello,\n\ndoes section 5 also cover paid courses?\n");
        suite.stack
                .mail()
                .send(otherMail, hub.mailbox("feedback"), otherFeedbackSubject, "Hello,\n\nwho reads this?\n");
        for (String subject : List.of(feedbackSubject, otherFeedbackSubject)) {
            await("the feedback mail " + subject + " listed for staff")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> hub
                            .as("notification", "mod-e2e-lookup", "moderator")
                            .items("/api/v1/mail/unmatched?limit=100")
                            .stream()
                            .anyMatch(m -> m.toString().contains(subject)));
        }

        // review + appeals: the case is decided with no action; the person contests by replying to the outcome mail,
        // and legal upholds the decision.
        String decisionId = hub.decide(
                caseId,
                List.of("NO_ACTION"),
                "The model card describes a text classifier; no casino link is in it.",
                "Nothing in the content breaks the policy.");
        // Only this case is decided, so each of them gets one outcome mail (its thread is the notifiers' thread of
        // the decision, not the report's).
        Delivered outcome = hub.awaitDelivered(mail, MailTemplateId.REPORT_OUTCOME.id());
        hub.awaitDelivered(otherMail, MailTemplateId.REPORT_OUTCOME.id());
        assertThat(outcome.mail().replyTo()).as("the outcome mail's Reply-To").hasSize(1);
        hub.reply(
                mail,
                outcome.mail().replyTo().get(0),
                outcome.mail(),
                "I contest this: the casino link is in the model card's last section, look again.");
        String appealId = hub.awaitDelivered(mail, MailTemplateId.APPEAL_RECEIVED.id(), Hub.onThreadOf("appeal"))
                .threadId();
        Api.Response resolved = hub.as("appeals", unique("legal"), "legal")
                .post(
                        "/api/v1/appeals/" + appealId + "/resolve",
                        Map.of(
                                "outcome",
                                "UPHELD",
                                "newActions",
                                List.of(),
                                "explanation",
                                "The last section links to a casino review site, which the policy allows.",
                                "manifestlyUnfounded",
                                false));
        assertThat(resolved.status()).as("resolving the appeal: " + resolved).isEqualTo(200);
        hub.awaitDelivered(
                mail,
                MailTemplateId.APPEAL_DECIDED.id(),
                d -> d.path("threadKey").asText("").contains(appealId));

        // dmca: the person mails a notice to dmca@ as a claimant, which legal rejects (never acted on) ...
        Api legal = hub.as("dmca", "legal-e2e", "legal");
        String frames = bystander + "/" + unique("frames");
        suite.stack.mail().send(mail, hub.mailbox("dmca"), "DMCA takedown notice", mailedNotice(frames));
        String mailedNoticeId = hub.awaitDelivered(mail, MailTemplateId.DMCA_NOTICE_RECEIVED.id())
                .threadId();
        Api.Response rejected = legal.post(
                "/api/v1/dmca/notices/" + mailedNoticeId + "/decision",
                Map.of(
                        "decision",
                        "REJECT",
                        "reason",
                        "INSUFFICIENT",
                        "explanation",
                        "The notice does not show that you hold the rights to the archive."));
        assertThat(rejected.status())
                .as("rejecting the mailed notice: " + rejected)
                .isEqualTo(200);
        hub.awaitDelivered(mail, MailTemplateId.DMCA_NOTICE_REJECTED.id());

        // ... and the other person notices the person's own model, legal takes it down, the person counter-notifies.
        String theirModel = person + "/" + unique("weights");
        Api.Response sent =
                Api.anonymous(suite, "dmca").post("/api/v1/dmca/notices", Hub.dmcaNotice(other, theirModel));
        assertThat(sent.status()).as("the other person's notice: " + sent).isEqualTo(201);
        String noticeOnTheirModel = sent.text("id");
        Api.Response accepted =
                legal.post("/api/v1/dmca/notices/" + noticeOnTheirModel + "/decision", Hub.acceptNotice());
        assertThat(accepted.status()).as("accepting the notice: " + accepted).isEqualTo(200);
        hub.awaitDelivered(mail, MailTemplateId.DMCA_TAKEDOWN_UPLOADER.id());
        Api.Response countered = hub.as("dmca", person, "user")
                .post("/api/v1/dmca/notices/" + noticeOnTheirModel + "/counter-notices", Hub.counterNotice(theirModel));
        assertThat(countered.status()).as("the counter-notice: " + countered).isEqualTo(201);
        String counterNoticeId = countered.text("id");
        hub.awaitDelivered(
                otherMail,
                MailTemplateId.DMCA_COUNTER_NOTICE_FORWARDED.id(),
                Hub.onThread("dmca_notice:" + noticeOnTheirModel));

        seeded = new Seeded(
                person,
                other,
                bystander,
                reportByApi,
                reportByMail,
                otherReportByApi,
                otherReportByMail,
                caseId,
                mailedCaseId,
                decisionId,
                appealId,
                mailedNoticeId,
                noticeOnTheirModel,
                counterNoticeId,
                theirModel);

        // What the mail server holds of them: their mails in our mailboxes (safety@, legal@, dmca@, feedback@), and
        // the journal's copies of our mails to them.
        List<StoredMail> theirs = storedMailFrom(mail);
        // safety@ (the mailed report), dmca@ (the mailed notice), feedback@, and wherever the reply went.
        assertThat(theirs)
                .as("the person's mails in our mailboxes")
                .hasSizeGreaterThanOrEqualTo(4)
                .extracting(StoredMail::mailbox)
                .contains("safety", "dmca", "feedback");
        assertThat(journalCopiesTo(mail))
                .as("journal copies of our mails to the person")
                .isNotEmpty();
        List<JsonNode> deliveries = hub.deliveries(mail, null);
        SUMMARY.add(String.format(
                "seeded %s: 2 reports (API, safety@), 2 review cases, a no-action decision, an appeal by reply (%s),"
                        + " a rejected mailed DMCA notice, a takedown of their model and their counter-notice,"
                        + " a feedback@ mail; %d of their mails in our mailboxes, %d deliveries to them; other %s:"
                        + " ok (%.1f s)",
                person, appealId, theirs.size(), deliveries.size(), other, seconds(startedAt)));
    }

    // --- 2. access ---

    @Test
    @Order(2)
    void anAccessRequestFindsWhatEveryServiceHoldsAboutThePersonAndNothingOfTheOther() {
        assumeTrue(seeded != null, "the people were not seeded");
        long startedAt = System.nanoTime();
        Seeded s = seeded;
        String mail = s.mail();

        accessId = postRequest("access", s.person(), List.of(mail), "Subject access request received by post.");
        String otherAccessId = postRequest("access", s.other(), List.of(s.otherMail()), "The other person's copy.");
        JsonNode view = awaitComplete(accessId);
        assertThat(view.path("kind").asText()).isEqualToIgnoringCase("access");
        assertThat(view.path("accountId").asText()).isEqualTo(s.person());
        for (JsonNode answer : view.path("services")) {
            if (SERVICES.containsKey(answer.path("service").asText())) {
                assertThat(answer.path("counts").path("FOUND").asInt())
                        .as(answer.path("service").asText() + "'s FOUND count")
                        .isPositive();
            }
        }

        Api.Response download = legal().get("/api/v1/privacy/requests/" + accessId + "/document");
        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        assertThat(download.header("Content-Disposition"))
                .as("the document is a download")
                .hasValueSatisfying(h -> assertThat(h).contains("attachment").contains(".json"));
        JsonNode document = download.json();
        assertThat(document.path("complete").asBoolean())
                .as("the document is complete")
                .isTrue();
        Map<String, List<Item>> items = items(document);
        assertThat(items.keySet()).as("services in the document").containsAll(SERVICES.keySet());

        SoftAssertions found = new SoftAssertions();
        items.forEach((service, list) -> list.forEach(item -> {
            found.assertThat(item.treatment()).as(service + " " + item.key()).isEqualTo("FOUND");
            found.assertThat(item.what())
                    .as(service + " " + item.key() + " says what it is")
                    .isNotBlank();
            found.assertThat(item.why())
                    .as(service + " " + item.key() + " says why it is kept")
                    .isNotBlank();
        }));
        // reporting: both reports, with the address they gave.
        for (String reportId : List.of(s.reportByApi(), s.reportByMail())) {
            found.assertThat(items.get("reporting-service"))
                    .as("reporting-service lists report " + reportId + " with their address")
                    .anySatisfy(i -> {
                        assertThat(i.id()).isEqualTo(reportId);
                        assertThat(i.fieldText()).contains(mail);
                    });
        }
        // review: the two reports as the cases received them, and their model's takedown in the ledger.
        for (String reportId : List.of(s.reportByApi(), s.reportByMail())) {
            found.assertThat(items.get("review-service"))
                    .as("review-service lists report " + reportId + " on its case")
                    .anySatisfy(i -> assertThat(i.mentions(reportId)).isTrue());
        }
        found.assertThat(items.get("review-service"))
                .as("review-service names their address")
                .anySatisfy(i -> assertThat(i.fieldText()).contains(mail));
        found.assertThat(items.get("review-service"))
                .as("review-service lists the restriction of their model " + s.theirModel())
                .anySatisfy(i -> assertThat(i.text()).contains(s.theirModel()));
        // dmca: the notice they mailed (with their address) and the counter-notice they sent.
        found.assertThat(items.get("dmca-service"))
                .as("dmca-service lists the notice " + s.mailedNoticeId() + " they mailed, with their address")
                .anySatisfy(i -> {
                    assertThat(i.mentions(s.mailedNoticeId())).isTrue();
                    assertThat(i.fieldText()).contains(mail);
                });
        found.assertThat(items.get("dmca-service"))
                .as("dmca-service lists their counter-notice " + s.counterNoticeId())
                .anySatisfy(i -> assertThat(i.mentions(s.counterNoticeId())).isTrue());
        // appeals: the appeal, with their address.
        found.assertThat(items.get("appeals-service"))
                .as("appeals-service lists the appeal " + s.appealId() + " with their address")
                .anySatisfy(i -> {
                    assertThat(i.mentions(s.appealId())).isTrue();
                    assertThat(i.fieldText()).contains(mail);
                });
        // notification: every mail we sent them, their mails as received, and the messages on the mail server.
        long deliveries = hub.deliveries(mail, null).size();
        found.assertThat(items.get("notification-service").stream()
                        .filter(i ->
                                i.kind().contains("deliver") && i.fieldText().contains(mail))
                        .count())
                .as("notification-service's deliveries to them (the delivery log lists " + deliveries + ")")
                .isGreaterThanOrEqualTo(deliveries);
        found.assertThat(items.get("notification-service"))
                .as("notification-service lists their mails as received, from their address")
                .anySatisfy(i -> {
                    assertThat(i.kind()).contains("inbound");
                    assertThat(i.fieldText()).contains(mail);
                });
        found.assertThat(items.get("notification-service"))
                .as("notification-service lists their feedback@ mail")
                .anySatisfy(i -> assertThat(i.kind()).contains("unmatched"));
        long stored = storedMailFrom(mail).size();
        found.assertThat(items.get("notification-service").stream()
                        .filter(i -> i.kind().contains("mailbox"))
                        .count())
                .as("notification-service's messages from them on the mail server (IMAP shows " + stored + ")")
                .isGreaterThanOrEqualTo(stored);
        // Nothing of the other person.
        String text = document.toString().toLowerCase(Locale.ROOT);
        found.assertThat(text).as("the person's document").doesNotContain(s.otherMail());
        found.assertThat(accountToken(s.other()).matcher(text).find())
                .as("the person's document names the other person's account " + s.other())
                .isFalse();
        found.assertAll();

        // The other person's own request: kept to compare after the erasure.
        awaitComplete(otherAccessId);
        Map<String, List<Item>> others = items(legal().get("/api/v1/privacy/requests/" + otherAccessId + "/document")
                .json());
        otherBefore = keys(others, i -> true);
        assertThat(others.get("reporting-service"))
                .extracting(Item::id)
                .contains(s.otherReportByApi(), s.otherReportByMail());
        String othersText = others.toString().toLowerCase(Locale.ROOT);
        assertThat(othersText).as("the other person's document").doesNotContain(s.mail());
        assertThat(accountToken(s.person()).matcher(othersText).find())
                .as("the other person's document names the person's account " + s.person())
                .isFalse();

        SUMMARY.add(String.format(
                "access %s: complete, items %s: ok (%.1f s)", accessId, counts(items), seconds(startedAt)));
    }

    // --- 3. erasure, with dmca-service killed ---

    @Test
    @Order(3)
    void anErasureCompletesThoughDmcaIsKilledAsItIsPostedAndListsWhatItHoldsUnderWhichRule() {
        assumeTrue(seeded != null && accessId != null, "no access request before");
        long startedAt = System.nanoTime();
        Seeded s = seeded;

        // What must not change, read before.
        otherRowsBefore = rowsNaming(s.otherMail());
        otherStoredMailBefore = storedMailFrom(s.otherMail()).size();
        otherDeliveriesBefore = hub.deliveries(s.otherMail(), null).size();
        transparencyBefore = transparency();

        // dmca-service is killed (SIGKILL; the suite starts it again at once) as the request is recorded, so the
        // request meets it down and it must answer once it is back.
        Instant killedAt = serviceNow();
        suite.killAndRestart("dmca");
        erasureId = postRequest("erasure", s.person(), List.of(s.mail()), "Erasure request (GDPR Art. 17) by mail.");
        JsonNode pending = legal().get("/api/v1/privacy/requests/" + erasureId).json();
        assertThat(answerOf(pending, "dmca-service").path("status").asText())
                .as("dmca-service's answer while it restarts")
                .isEqualTo("WAITING");
        JsonNode view = awaitComplete(erasureId);
        suite.awaitReady("dmca");
        Instant dmcaAnswered =
                Instant.parse(answerOf(view, "dmca-service").path("answeredAt").asText());
        assertThat(dmcaAnswered).as("dmca-service answered after it was killed").isAfter(killedAt);

        erasureDocument = legal().get("/api/v1/privacy/requests/" + erasureId + "/document")
                .json();
        assertThat(erasureDocument.path("complete").asBoolean()).isTrue();
        Map<String, List<Item>> items = items(erasureDocument);
        heldIds = new TreeMap<>();
        heldKeys = keys(items, i -> "HELD".equals(i.treatment()));
        items.forEach((service, list) -> heldIds.put(
                service,
                list.stream()
                        .filter(i -> "HELD".equals(i.treatment()))
                        .map(Item::id)
                        .collect(Collectors.toCollection(LinkedHashSet::new))));

        SoftAssertions erased = new SoftAssertions();
        items.forEach((service, list) -> list.forEach(item -> {
            erased.assertThat(item.treatment()).as(service + " " + item.key()).isIn("ERASED", "ANONYMISED", "HELD");
            if ("HELD".equals(item.treatment())) {
                erased.assertThat(item.hold())
                        .as(service + " " + item.key() + " names its rule")
                        .isNotBlank();
            }
            erased.assertThat(item.fields())
                    .as(service + " " + item.key() + ": no data in an erasure")
                    .isEmpty();
        }));
        // The holds the view shows are the document's.
        for (String service : SERVICES.keySet()) {
            Set<String> viewHolds = new LinkedHashSet<>();
            answerOf(view, service)
                    .path("holds")
                    .forEach(h -> viewHolds.add(
                            h.path("kind").asText() + "/" + h.path("id").asText()));
            erased.assertThat(viewHolds)
                    .as(service + "'s holds in the view")
                    .isEqualTo(heldKeys.getOrDefault(service, Set.of()));
        }
        // reporting: both reports stay, anonymous (the decision does not need who reported).
        for (String reportId : List.of(s.reportByApi(), s.reportByMail())) {
            erased.assertThat(items.get("reporting-service"))
                    .as("reporting-service's report " + reportId)
                    .anySatisfy(i -> {
                        assertThat(i.id()).isEqualTo(reportId);
                        assertThat(i.treatment()).isEqualTo("ANONYMISED");
                    });
        }
        // dmca: the counter-notice and the takedown of their model are held under 17 U.S.C. 512; the rejected
        // notice they mailed is erased.
        List<Item> dmcaHolds = items.get("dmca-service").stream()
                .filter(i -> "HELD".equals(i.treatment()))
                .toList();
        erased.assertThat(dmcaHolds)
                .as("dmca-service holds the counter-notice " + s.counterNoticeId())
                .anySatisfy(i -> assertThat(i.mentions(s.counterNoticeId())).isTrue());
        // The notice acted on is still open (the restoration waits), so its holds' end is not known yet.
        erased.assertThat(dmcaHolds)
                .as("dmca-service's holds")
                .allSatisfy(i -> assertThat(i.hold()).contains("17 U.S.C. 512"));
        erased.assertThat(items.get("dmca-service"))
                .as("dmca-service's rejected notice " + s.mailedNoticeId())
                .anySatisfy(i -> {
                    assertThat(i.mentions(s.mailedNoticeId())).isTrue();
                    assertThat(i.treatment()).isEqualTo("ERASED");
                });
        // appeals: the resolved appeal stays for the Art. 24 figures, anonymous.
        erased.assertThat(items.get("appeals-service"))
                .as("appeals-service's resolved appeal " + s.appealId())
                .anySatisfy(i -> {
                    assertThat(i.mentions(s.appealId())).isTrue();
                    assertThat(i.treatment()).isEqualTo("ANONYMISED");
                });
        // notification: their messages on the mail server are gone.
        erased.assertThat(items.get("notification-service"))
                .as("notification-service's messages from them on the mail server")
                .filteredOn(i -> i.kind().contains("mailbox"))
                .isNotEmpty()
                .allSatisfy(i -> assertThat(i.treatment()).isEqualTo("ERASED"));
        erased.assertAll();

        SUMMARY.add(String.format(
                "erasure %s with dmca-service killed as it was posted: complete, dmca answered %.1f s after the kill;"
                        + " %s; holds %s: ok (%.1f s)",
                erasureId,
                Duration.between(killedAt, dmcaAnswered).toMillis() / 1e3,
                counts(items),
                holdsSummary(items),
                seconds(startedAt)));
    }

    // --- 4. afterwards ---

    @Test
    @Order(4)
    void aNewAccessRequestFindsExactlyTheHolds() {
        assumeTrue(heldKeys != null, "no erasure answer");
        long startedAt = System.nanoTime();
        Seeded s = seeded;
        String again = postRequest("access", s.person(), List.of(s.mail()), "Access after erasure.");
        awaitComplete(again);
        Map<String, List<Item>> items = items(
                legal().get("/api/v1/privacy/requests/" + again + "/document").json());
        Map<String, Set<String>> found = keys(items, i -> true);
        SoftAssertions only = new SoftAssertions();
        for (String service : SERVICES.keySet()) {
            only.assertThat(found.getOrDefault(service, Set.of()))
                    .as(service + ": what a new access request finds = what the erasure held")
                    .isEqualTo(heldKeys.getOrDefault(service, Set.of()));
        }
        only.assertAll();
        assertThat(hub.deliveries(s.mail(), null))
                .as("the delivery log's mails to the person")
                .isEmpty();
        SUMMARY.add(String.format(
                "access %s after the erasure finds exactly the %d held items: ok (%.1f s)",
                again, heldKeys.values().stream().mapToInt(Set::size).sum(), seconds(startedAt)));
    }

    @Test
    @Order(5)
    void noTableOfTheFiveDatabasesNamesThePersonExceptHeldRows() {
        assumeTrue(heldIds != null, "no erasure answer");
        Seeded s = seeded;
        Pattern account = accountToken(s.person());
        List<String> violations = new ArrayList<>();
        Map<String, Integer> held = new TreeMap<>();
        Map<String, Integer> ledger = new TreeMap<>();
        Map<String, Integer> outbox = new TreeMap<>();
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            String db = service.getValue();
            Set<String> ids = heldIds.getOrDefault(service.getKey(), Set.of());
            for (Row row : rowsMatching(db, s.person())) {
                String text = row.json().toLowerCase(Locale.ROOT);
                if (!text.contains(s.mail()) && !account.matcher(text).find()) {
                    continue; // only their namespace, as part of a model's name
                }
                String where = db + "." + row.table();
                if (ids.stream().anyMatch(id -> id.length() >= 8 && text.contains(id.toLowerCase(Locale.ROOT)))) {
                    held.merge(where, 1, Integer::sum);
                } else if (db.equals("appeals") && row.table().startsWith("privacy_")) {
                    ledger.merge(where, 1, Integer::sum);
                } else if (row.table().equals("kit_outbox") && text.contains("\"sent_at\": \"")) {
                    outbox.merge(where, 1, Integer::sum);
                } else {
                    violations.add(where + ": " + abbreviate(row.json(), 400));
                }
            }
        }
        SUMMARY.add("tables still naming the person: held rows " + held + "; the request ledger " + ledger
                + "; published outbox events (deleted by the relay after kit.outbox.retention) " + outbox);
        assertThat(violations)
                .as("rows naming " + s.mail() + " or account " + s.person() + " that no hold keeps")
                .isEmpty();
    }

    @Test
    @Order(6)
    void theMailServerHoldsNoMailFromThePersonNorJournalCopiesToThem() {
        assumeTrue(heldIds != null, "no erasure answer");
        Seeded s = seeded;
        assertThat(storedMailFrom(s.mail()))
                .as("mails from the person in safety@, dmca@, legal@, feedback@ (every folder)")
                .isEmpty();
        assertThat(journalCopiesTo(s.mail()))
                .as("journal copies of mails to the person")
                .isEmpty();
        SUMMARY.add("mail server: nothing from the person in our mailboxes, no journal copy to them: ok");
    }

    @Test
    @Order(7)
    void theOtherPersonsDataIsAllStillThere() {
        assumeTrue(otherBefore != null && heldIds != null, "no erasure answer");
        Seeded s = seeded;
        SoftAssertions kept = new SoftAssertions();
        Map<String, Long> rowsAfter = rowsNaming(s.otherMail());
        otherRowsBefore.forEach((table, before) -> kept.assertThat(rowsAfter.getOrDefault(table, 0L))
                .as("rows of " + table + " naming the other person")
                .isGreaterThanOrEqualTo(before));
        kept.assertThat(storedMailFrom(s.otherMail()))
                .as("the other person's mails in our mailboxes")
                .hasSizeGreaterThanOrEqualTo((int) otherStoredMailBefore);
        kept.assertThat(hub.deliveries(s.otherMail(), null))
                .as("the delivery log's mails to the other person")
                .hasSizeGreaterThanOrEqualTo((int) otherDeliveriesBefore);
        JsonNode notice = hub.as("dmca", "legal-e2e", "legal")
                .get("/api/v1/dmca/notices/" + s.noticeOnTheirModel())
                .json();
        kept.assertThat(notice.toString().toLowerCase(Locale.ROOT))
                .as("the other person's notice")
                .contains(s.otherMail());
        kept.assertThat(hub.as("reporting", s.other(), "user")
                        .get("/api/v1/reports/" + s.otherReportByApi())
                        .status())
                .as("the other person reads their report")
                .isEqualTo(200);
        String again = postRequest("access", s.other(), List.of(s.otherMail()), "The other person, after.");
        awaitComplete(again);
        Map<String, Set<String>> after = keys(
                items(legal().get("/api/v1/privacy/requests/" + again + "/document")
                        .json()),
                i -> true);
        otherBefore.forEach((service, keys) -> kept.assertThat(after.getOrDefault(service, Set.of()))
                .as(service + ": what the other person's access request finds, after")
                .containsAll(keys));
        kept.assertAll();
        SUMMARY.add(String.format(
                "other person: %d rows in %d tables, %d stored mails, %d deliveries, %d items still there: ok",
                otherRowsBefore.values().stream().mapToLong(Long::longValue).sum(),
                otherRowsBefore.size(),
                otherStoredMailBefore,
                otherDeliveriesBefore,
                otherBefore.values().stream().mapToInt(Set::size).sum()));
    }

    @Test
    @Order(8)
    void everyAuditLogRecordsTheRequestsAndTheTransparencyFiguresStay() {
        assumeTrue(erasureId != null && transparencyBefore != null, "no erasure");
        SoftAssertions audited = new SoftAssertions();
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            Api auditor = hub.as(service.getValue(), "auditor-e2e", "auditor");
            audited.assertThat(auditor.items("/api/v1/audit-log?limit=100&entityId=" + accessId))
                    .as(service.getKey() + "'s audit log for access " + accessId)
                    .anySatisfy(e -> assertThat(e.path("action").asText()).isEqualTo("privacy.access-answered"));
            audited.assertThat(auditor.items("/api/v1/audit-log?limit=100&entityId=" + erasureId))
                    .as(service.getKey() + "'s audit log for erasure " + erasureId)
                    .anySatisfy(e -> assertThat(e.path("action").asText()).isEqualTo("privacy.erased"));
        }
        JsonNode after = transparency();
        audited.assertThat(after)
                .as("the transparency report after the erasure")
                .isEqualTo(transparencyBefore);
        audited.assertAll();
        SUMMARY.add("audit logs of all five: privacy.access-answered and privacy.erased; transparency figures"
                + " unchanged: ok");
    }

    // --- the ledger ---

    private static Api legal() {
        return hub.as("appeals", "legal-e2e-privacy", "legal");
    }

    private static String postRequest(String kind, String accountId, List<String> emails, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("accountId", accountId);
        body.put("emails", emails);
        body.put("note", note);
        Api.Response posted = legal().post("/api/v1/privacy/requests", body);
        assertThat(posted.status())
                .as("POST /api/v1/privacy/requests: " + posted)
                .isEqualTo(201);
        String id = posted.text("id");
        assertThat(posted.header("Location"))
                .as("its Location")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/privacy/requests/" + id));
        assertThat(posted.text("status")).isEqualTo("PENDING");
        return id;
    }

    private static JsonNode awaitComplete(String requestId) {
        try {
            return await("privacy request " + requestId + " complete")
                    .atMost(REQUEST_BUDGET)
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> legal().get("/api/v1/privacy/requests/" + requestId)
                                    .json(),
                            v -> "COMPLETE".equals(v.path("status").asText()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            JsonNode view = legal().get("/api/v1/privacy/requests/" + requestId).json();
            List<String> waiting = new ArrayList<>();
            view.path("services")
                    .forEach(a -> waiting.add(
                            a.path("service").asText() + "=" + a.path("status").asText()));
            throw new AssertionError(
                    "privacy request " + requestId + " not complete within " + REQUEST_BUDGET + ": " + waiting, e);
        }
    }

    private static JsonNode answerOf(JsonNode view, String service) {
        for (JsonNode answer : view.path("services")) {
            if (service.equals(answer.path("service").asText())) {
                return answer;
            }
        }
        throw new AssertionError("no answer of " + service + " in " + view);
    }

    /** One item of a document. */
    record Item(
            String kind,
            String id,
            String what,
            String why,
            String treatment,
            String hold,
            String heldUntil,
            Map<String, String> fields) {

        String key() {
            return kind + "/" + id;
        }

        String fieldText() {
            return String.join("\n", fields.values()).toLowerCase(Locale.ROOT);
        }

        String text() {
            return (id + "\n" + what + "\n" + fieldText()).toLowerCase(Locale.ROOT);
        }

        boolean mentions(String id) {
            return text().contains(id.toLowerCase(Locale.ROOT));
        }
    }

    /** service → its items, for the five services (others answering are ignored). */
    private static Map<String, List<Item>> items(JsonNode document) {
        Map<String, List<Item>> items = new LinkedHashMap<>();
        for (JsonNode service : document.path("services")) {
            List<Item> list = new ArrayList<>();
            for (JsonNode i : service.path("items")) {
                Map<String, String> fields = new LinkedHashMap<>();
                i.path("fields")
                        .properties()
                        .forEach(f -> fields.put(f.getKey(), f.getValue().asText("")));
                list.add(new Item(
                        i.path("kind").asText(),
                        i.path("id").asText(),
                        i.path("what").asText(""),
                        i.path("why").asText(""),
                        i.path("treatment").asText(),
                        i.path("hold").isNull() ? null : i.path("hold").asText(null),
                        i.path("heldUntil").isNull()
                                ? null
                                : i.path("heldUntil").asText(null),
                        fields));
            }
            items.put(service.path("service").asText(), list);
        }
        return items;
    }

    private static Map<String, Set<String>> keys(Map<String, List<Item>> items, Predicate<Item> which) {
        Map<String, Set<String>> keys = new TreeMap<>();
        items.forEach((service, list) -> keys.put(
                service,
                list.stream().filter(which).map(Item::key).collect(Collectors.toCollection(LinkedHashSet::new))));
        return keys;
    }

    /** "service: 3 FOUND, 2 HELD" per service. */
    private static String counts(Map<String, List<Item>> items) {
        List<String> parts = new ArrayList<>();
        items.forEach((service, list) -> parts.add(service.replace("-service", "") + " "
                + list.stream().collect(Collectors.groupingBy(Item::treatment, TreeMap::new, Collectors.counting()))));
        return String.join(", ", parts);
    }

    private static String holdsSummary(Map<String, List<Item>> items) {
        Set<String> rules = new LinkedHashSet<>();
        items.forEach((service, list) -> list.stream()
                .filter(i -> "HELD".equals(i.treatment()))
                .forEach(i -> rules.add(service.replace("-service", "") + " " + i.kind() + " (" + i.hold() + ")")));
        return rules.toString();
    }

    // --- the people's mails ---

    private static void awaitReceipt(String mail, String reportId) {
        hub.awaitDelivered(mail, MailTemplateId.REPORT_RECEIPT.id(), d -> reportId.equals(threadId(d)));
    }

    private static String awaitReceiptOtherThan(String mail, String reportId) {
        return threadId(hub.awaitDelivered(
                        mail,
                        MailTemplateId.REPORT_RECEIPT.id(),
                        d -> threadId(d) != null && !reportId.equals(threadId(d)))
                .delivery());
    }

    private static String threadId(JsonNode delivery) {
        String key = delivery.path("threadKey").asText(null);
        return key == null ? null : key.substring(key.indexOf(':') + 1);
    }

    private static void awaitReportsOnCase(String caseId, String... reportIds) {
        Api staff = hub.as("review", "mod-e2e-lookup", "moderator");
        await("reports " + List.of(reportIds) + " on case " + caseId)
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(staff.get("/api/v1/cases/" + caseId)
                                .json()
                                .path("reports")
                                .findValuesAsText("reportId"))
                        .contains(reportIds));
    }

    /** A complete 512(c)(3) notice as a mail client sends it. */
    private static String mailedNotice(String repo) {
        return """
                Dear designated agent,

                Copyrighted work: The Acme Film Archive 2024, https://acme-pictures.example/archive

                Infringing material: %s%s
                The model's files reproduce frames of the archive.

                I have a good faith belief that use of the material in the manner complained of is not
                authorized by the copyright owner, its agent, or the law.

                The information in this notification is accurate, and under penalty of perjury, I am
                authorized to act on behalf of the owner of an exclusive right that is allegedly infringed.

                Name: Jane Roe
                Company: Acme Pictures Inc.
                Address: 1 Studio Way, Burbank, CA 91505
                Phone: +1 818 555 0199

                /s/ Jane Roe
                """.formatted(HUB, repo);
    }

    /** One message on the mail server, in any folder of one of our mailboxes. */
    record StoredMail(String mailbox, String folder, List<String> from, List<String> to, String subject) {}

    /** Messages from {@code address} in any folder of safety@, dmca@, legal@ and feedback@ (read over IMAP). */
    private static List<StoredMail> storedMailFrom(String address) {
        List<StoredMail> found = new ArrayList<>();
        for (String mailbox : List.of("safety", "dmca", "legal", "feedback")) {
            storedMail(mailbox).stream().filter(m -> m.from().contains(address)).forEach(found::add);
        }
        return found;
    }

    /** The journal's copies (the sender's mailbox, every folder) of mails to {@code address}. */
    private static List<StoredMail> journalCopiesTo(String address) {
        return storedMail(DevStackDefaults.SENDER_MAILBOX).stream()
                .filter(m -> m.to().contains(address))
                .toList();
    }

    private static List<StoredMail> storedMail(String mailbox) {
        MailServer server = suite.stack.mail();
        Properties properties = new Properties();
        properties.setProperty("mail.imap.connectiontimeout", "5000");
        properties.setProperty("mail.imap.timeout", "20000");
        List<StoredMail> all = new ArrayList<>();
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect(server.imapHost(), server.imapPort(), server.address(mailbox), server.password(mailbox));
            for (Folder folder : store.getDefaultFolder().list("*")) {
                if ((folder.getType() & Folder.HOLDS_MESSAGES) == 0) {
                    continue;
                }
                folder.open(Folder.READ_ONLY);
                try {
                    // One FETCH of every envelope, not a round trip per header: the sender's mailbox holds the
                    // journal copies of every mail of the run (FaultsIT's thousands among them).
                    Message[] messages = folder.getMessages();
                    jakarta.mail.FetchProfile envelopes = new jakarta.mail.FetchProfile();
                    envelopes.add(jakarta.mail.FetchProfile.Item.ENVELOPE);
                    folder.fetch(messages, envelopes);
                    for (Message message : messages) {
                        all.add(new StoredMail(
                                mailbox,
                                folder.getFullName(),
                                addresses(message.getFrom()),
                                recipients(message),
                                message.getSubject()));
                    }
                } finally {
                    folder.close(false);
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the folders of " + mailbox, e);
        }
        return all;
    }

    /**
     * To, Cc and Bcc, all from the envelope fetched above. Not {@code getAllRecipients()}: it also asks for the
     * Newsgroups header, one IMAP round trip per message.
     */
    private static List<String> recipients(Message message) throws MessagingException {
        List<String> all = new ArrayList<>(addresses(message.getRecipients(Message.RecipientType.TO)));
        all.addAll(addresses(message.getRecipients(Message.RecipientType.CC)));
        all.addAll(addresses(message.getRecipients(Message.RecipientType.BCC)));
        return all;
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> list = new ArrayList<>();
        if (addresses != null) {
            for (Address a : addresses) {
                list.add((a instanceof InternetAddress ia ? ia.getAddress() : a.toString()).toLowerCase(Locale.ROOT));
            }
        }
        return list;
    }

    // --- SQL, read only ---

    record Row(String table, String json) {}

    /** Every row of every table of {@code db} whose columns, as JSON text, contain {@code text} (any case). */
    private static List<Row> rowsMatching(String db, String text) {
        List<Row> rows = new ArrayList<>();
        for (List<Object> table : hub.sql(
                db,
                "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                        + " AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2")) {
            String name = (String) table.get(1);
            String qualified = "\"" + table.get(0) + "\".\"" + name + "\"";
            for (List<Object> row : hub.sql(
                    db,
                    "SELECT to_jsonb(t)::text FROM " + qualified + " t WHERE strpos(lower(to_jsonb(t)::text), ?) > 0",
                    text.toLowerCase(Locale.ROOT))) {
                rows.add(new Row(name, (String) row.get(0)));
            }
        }
        return rows;
    }

    /** "db.table" → rows naming {@code address}, over the five databases. */
    private static Map<String, Long> rowsNaming(String address) {
        Map<String, Long> counts = new TreeMap<>();
        for (String db : SERVICES.values()) {
            rowsMatching(db, address).forEach(r -> counts.merge(db + "." + r.table(), 1L, Long::sum));
        }
        return counts;
    }

    /** The account id as an identifier (a party key, an owner id, an address), not as the namespace of a model. */
    private static Pattern accountToken(String account) {
        return Pattern.compile(
                "(?<![a-z0-9._-])" + Pattern.quote(account.toLowerCase(Locale.ROOT)) + "(?![a-z0-9_/-])");
    }

    // --- transparency ---

    private static JsonNode transparency() {
        LocalDate today = LocalDate.ofInstant(serviceNow(), ZoneOffset.UTC);
        Api.Response report = hub.as("review", "auditor-e2e", "auditor")
                .get("/api/v1/transparency/report?from=" + today.minusDays(300) + "&to=" + today.plusDays(1));
        assertThat(report.status()).as("the transparency report: " + report).isEqualTo(200);
        return report.json();
    }

    /** Now on the services' clocks (the suite may have moved them forward). */
    private static Instant serviceNow() {
        return Instant.now().plus(suite.clockOffset());
    }

    private static String abbreviate(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }

    private static double seconds(long startedAt) {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}

package org.modhub.moderation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.e2e.Hub.EXPLANATION;
import static org.modhub.moderation.e2e.Hub.FACTS;
import static org.modhub.moderation.e2e.Hub.HUB;
import static org.modhub.moderation.e2e.Hub.WAIT;
import static org.modhub.moderation.e2e.Hub.address;
import static org.modhub.moderation.e2e.Hub.bare;
import static org.modhub.moderation.e2e.Hub.unique;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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
import org.modhub.moderation.devstack.HubStandIn;
import org.modhub.moderation.devstack.ReceivedMail;
import org.modhub.moderation.e2e.Hub.Delivered;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 21's journeys: every path the policy and our own mails promise, followed to its end as the people on it
 * would — through REST, and by real mail sent over SMTP to the address in the mail they received — asserting what each
 * person finds in their mailbox and what the ledger says. Mails are found through the delivery log (template and
 * thread, staff REST) and then read from the recipient's own inbox by Message-ID, so a template's wording may change
 * without breaking a journey; what the wording must (not) contain is asserted on the mail as received. The DMCA journey
 * moves the services' clocks forward, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneysIT {

    private static final String CONTEST =
            "I contest this decision. The casino link was added by a compromised collaborator"
                    + " account and has been removed; the model itself is an ordinary text classifier.";
    /** An instant as code prints it (ISO 8601), which a person should never have to read. */
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    /** A moderation action's code name, e.g. DISABLE or RESTRICT_INTERACTIONS. */
    private static final Pattern ACTION_CODE = Pattern.compile(
            "\\b(DISABLE|REMOVE|UNRANK|RESTRICT_INTERACTIONS|SUSPEND_ACCOUNT|TERMINATE_ACCOUNT|NO_ACTION|REQUEST_CHANGES)\\b");

    private static final List<String> SUMMARY = new ArrayList<>();

    static Suite suite;
    static Hub hub;

    /** A journey that fails says so in the summary too, with the first line of why. */
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
                    + (why.length() > 300 ? why.substring(0, 300) + "…" : why));
        }
    };

    @BeforeAll
    static void start() {
        suite = Suite.get();
        hub = new Hub(suite);
    }

    @AfterAll
    static void printSummary() {
        Hub.printSummary("e2e journeys summary", SUMMARY);
    }

    /**
     * What the people of the current journey would notice without it stopping the journey — mails they could not read,
     * what their account does not show — asserted together when the journey ends, so one finding never hides another.
     */
    private final SoftAssertions wording = new SoftAssertions();

    record Restricted(
            String reporter,
            String reportId,
            String repo,
            String subjectKey,
            String caseId,
            String decisionId,
            String owner,
            Delivered decisionMail) {}

    /** A report filed through the API and decided with a restriction (four eyes where the action needs them). */
    private Restricted reportAndRestrict(String label) {
        String reporter = unique("rep");
        String owner = hub.newOwner("owner");
        String repo = owner + "/" + unique(label);
        String subjectKey = "model:" + repo;
        String reportId = hub.fileReport(reporter, repo);
        String caseId = hub.awaitOpenCase(subjectKey);
        String decisionId = hub.decide(caseId, List.of("DISABLE"), FACTS, EXPLANATION);
        Delivered mail = hub.awaitDelivered(
                address(owner), MailTemplateId.OWNER_DECISION.id(), Hub.onThread("decision:" + decisionId));
        return new Restricted(reporter, reportId, repo, subjectKey, caseId, decisionId, owner, mail);
    }

    // --- a. the owner contests by replying to the decision mail ---

    @Test
    @Order(1)
    void anOwnerWhoRepliesToTheDecisionMailHasAnAppealThatAReviewerReverses() {
        long startedAt = System.nanoTime();
        Restricted d = reportAndRestrict("contested");
        ReceivedMail decisionMail = d.decisionMail().mail();

        // The mail is written for a person: what happened in words, dates people read, where to complain.
        assertReadable(decisionMail, "the owner's decision mail");
        wording.assertThat(text(decisionMail))
                .as("the owner's decision mail names legal@ for complaints")
                .contains(hub.mailbox("legal"));
        assertThat(decisionMail.replyTo()).as("the decision mail's Reply-To").hasSize(1);
        // What the owner reads through the API: the decision, not who took or approved it.
        JsonNode ownersView = hub.as("review", d.owner(), "user")
                .get("/api/v1/decisions/" + d.decisionId())
                .json();
        assertThat(ownersView.path("id").asText()).isEqualTo(d.decisionId());
        assertThat(ownersView.path("decidedBy").isNull()
                        || ownersView.path("decidedBy").isMissingNode())
                .as("the owner's view names no decider: " + ownersView.path("decidedBy"))
                .isTrue();
        assertThat(ownersView.path("approvedBy").isNull()
                        || ownersView.path("approvedBy").isMissingNode())
                .as("the owner's view names no approver: " + ownersView.path("approvedBy"))
                .isTrue();

        // The owner presses Reply: their client writes to the Reply-To address of the mail.
        String replyTo = decisionMail.replyTo().get(0);
        hub.reply(address(d.owner()), replyTo, decisionMail, CONTEST);

        // The owner is told their appeal arrived; its thread names it, and staff see it as the owner's, against the
        // decision.
        Delivered receipt =
                hub.awaitDelivered(address(d.owner()), MailTemplateId.APPEAL_RECEIVED.id(), Hub.onThreadOf("appeal"));
        assertReadable(receipt.mail(), "the appeal receipt");
        String appealId = receipt.threadId();
        JsonNode staffView = appealAsStaff(appealId);
        assertThat(staffView.path("decisionId").asText()).isEqualTo(d.decisionId());
        assertThat(staffView.path("appellantRole").asText()).isEqualToIgnoringCase("OWNER");
        assertThat(staffView.path("status").asText()).isEqualTo("OPEN");

        Api.Response resolved = hub.as("appeals", unique("legal"), "legal")
                .post(
                        "/api/v1/appeals/" + appealId + "/resolve",
                        Map.of(
                                "outcome",
                                "REVERSED",
                                "newActions",
                                List.of(),
                                "explanation",
                                "The link came from a compromised account and was removed.",
                                "manifestlyUnfounded",
                                false));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);

        Delivered decided = hub.awaitDelivered(
                address(d.owner()),
                MailTemplateId.APPEAL_DECIDED.id(),
                d2 -> d2.path("threadKey").asText("").contains(appealId));
        assertThat(text(decided.mail()).toLowerCase()).contains("compromised account");
        assertReadable(decided.mail(), "the appeal-decided mail");

        // The ledger: the restriction lifted by a recorded reversal of the decision, origin the appeal.
        await("the restriction lifted in the ledger")
                .atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(hub.restrictions(d.subjectKey())).isEmpty());
        JsonNode reversal = awaitReversalOf(d.caseId(), d.decisionId());
        assertThat(reversal.path("appealId").asText()).isEqualTo(appealId);
        hub.awaitDelivered(address(d.owner()), MailTemplateId.DECISION_REVERSED.id());

        // Last, what the owner finds in their account: the appeal they mailed, among their own appeals.
        assertOwnerSeesTheirAppeal(d.owner(), appealId, staffView);
        wording.assertAll();
        SUMMARY.add(String.format(
                "a. owner replies to the decision mail (%s) → appeal → receipt → reversed → mail + ledger: ok (%.1f s)",
                replyTo.replaceAll("\\+.*@", "+…@"), seconds(startedAt)));
    }

    // --- b. the same reply to safety@, threaded by In-Reply-To / References ---

    @Test
    @Order(2)
    void anOwnersReplyToSafetyOnTheDecisionsThreadBecomesTheAppealNotAReport() {
        long startedAt = System.nanoTime();
        Restricted d = reportAndRestrict("threaded");
        ReceivedMail decisionMail = d.decisionMail().mail();

        // Written to safety@ by hand (not the plus address), but as a reply: In-Reply-To and References name our mail.
        String sent = hub.reply(address(d.owner()), hub.mailbox("safety"), decisionMail, CONTEST);

        Delivered receipt =
                hub.awaitDelivered(address(d.owner()), MailTemplateId.APPEAL_RECEIVED.id(), Hub.onThreadOf("appeal"));
        assertThat(receipt.mail().header("In-Reply-To").map(Hub::bare))
                .as("the appeal receipt's In-Reply-To")
                .hasValue(bare(sent));
        String appealId = receipt.threadId();
        JsonNode staffView = appealAsStaff(appealId);
        assertThat(staffView.path("decisionId").asText()).isEqualTo(d.decisionId());
        assertThat(staffView.path("appellantRole").asText()).isEqualToIgnoringCase("OWNER");
        // Routed by thread, not by mailbox: safety@'s intake made no report of it.
        assertThat(hub.deliveries(address(d.owner()), MailTemplateId.REPORT_RECEIPT.id()))
                .as("report receipts to the owner")
                .isEmpty();
        assertThat(hub.deliveries(address(d.owner()), MailTemplateId.REPORT_LOCATION_REQUEST.id()))
                .as("location requests to the owner")
                .isEmpty();
        assertThat(reportsByContact(address(d.owner()), Instant.now().minus(10, ChronoUnit.MINUTES)))
                .as("reports from the owner")
                .isEmpty();
        assertThat(hub.deliveries(address(d.owner()), MailTemplateId.APPEAL_RECEIVED.id()))
                .as("appeal receipts to the owner")
                .hasSize(1);
        assertOwnerSeesTheirAppeal(d.owner(), appealId, staffView);
        wording.assertAll();
        SUMMARY.add(String.format(
                "b. owner's reply sent to safety@ with In-Reply-To %s → the appeal, no report: ok (%.1f s)",
                abbreviate(bare(sent)), seconds(startedAt)));
    }

    // --- c. a notifier by mail: receipt threaded, outcome, and a reply to the outcome contests it ---

    @Test
    @Order(3)
    void aNotifierWhoMailedSafetyIsAnsweredOnTheirThreadAndMayContestARestriction() {
        long startedAt = System.nanoTime();
        String notifier = address(unique("mailnotifier"));
        String owner = hub.newOwner("owner");
        String repo = owner + "/" + unique("mailed");
        String subjectKey = "model:" + repo;
        String sent = suite.stack
                .mail()
                .send(
                        notifier,
                        hub.mailbox("safety"),
                        "Spam on your hub",
                        "Hello,\n\nthis model is spam, an advert for an online casino: " + HUB + repo
                                + "\n\nPlease remove it.\n");

        Delivered receipt = hub.awaitDelivered(notifier, MailTemplateId.REPORT_RECEIPT.id());
        assertThat(receipt.mail().header("In-Reply-To").map(Hub::bare))
                .as("the receipt's In-Reply-To")
                .hasValue(bare(sent));
        assertThat(receipt.mail().header("References").orElse(""))
                .as("the receipt's References")
                .contains(bare(sent));
        assertReadable(receipt.mail(), "the report receipt");
        String reportId = receipt.threadId();

        String caseId = hub.awaitOpenCase(subjectKey);
        String decisionId = hub.decide(caseId, List.of("DISABLE"), FACTS, EXPLANATION);

        Delivered outcome = hub.awaitDelivered(notifier, MailTemplateId.REPORT_OUTCOME.id());
        assertReadable(outcome.mail(), "the notifier's outcome mail");
        wording.assertThat(text(outcome.mail()))
                .as("the outcome mail names legal@")
                .contains(hub.mailbox("legal"));
        assertThat(text(outcome.mail()).toLowerCase())
                .as("the outcome mail tells nothing of the owner")
                // The owner's namespace is public (it is in the content's name); their address on the hub is not.
                .doesNotContain(address(owner).toLowerCase())
                .doesNotContain(FACTS.toLowerCase());
        assertThat(outcome.mail().replyTo()).hasSize(1);

        // Notifiers may contest any decision on their notice (DSA Art. 20(1)), also one that restricted.
        hub.reply(
                notifier,
                outcome.mail().replyTo().get(0),
                outcome.mail(),
                "You only disabled it; the account posts the same casino spam on other models. Please act on the account.");
        Delivered appealReceipt = hub.awaitDelivered(notifier, MailTemplateId.APPEAL_RECEIVED.id());
        String appealId = appealReceipt.threadId();
        JsonNode appeal = hub.as("appeals", unique("legal"), "legal")
                .get("/api/v1/appeals/" + appealId)
                .json();
        assertThat(appeal.path("decisionId").asText()).isEqualTo(decisionId);
        assertThat(appeal.path("appellantRole").asText()).isEqualToIgnoringCase("NOTIFIER");
        assertThat(appeal.path("appellantEmail").asText()).isEqualToIgnoringCase(notifier);
        assertThat(hub.deliveries(notifier, MailTemplateId.APPEAL_REFUSED.id()))
                .as("refusals to the notifier")
                .isEmpty();
        wording.assertAll();
        SUMMARY.add(String.format(
                "c. mail to safety@ → receipt threaded to it → restriction → outcome → notifier's reply → appeal %s: ok (%.1f s)",
                abbreviate(appealId) + " on report " + abbreviate(reportId), seconds(startedAt)));
    }

    // --- e. feedback@ ---

    @Test
    @Order(5)
    void aMailToFeedbackIsAcknowledgedAndListedForStaff() {
        long startedAt = System.nanoTime();
        String sender = address(unique("reader"));
        String subject = "Question about section 5 " + unique("q");
        suite.stack
                .mail()
                .send(
                        sender,
                        hub.mailbox("feedback"),
                        subject,
                        "Hello,\n\ndoes section 5 of your content policy also cover links to paid courses in a model card?\n\nThanks\n");

        Delivered receipt = hub.awaitDelivered(sender, null, d -> true);
        assertReadable(receipt.mail(), "the feedback receipt");
        JsonNode listed = await("the mail in the staff list of unmatched mail")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> unmatched().stream()
                                .filter(m -> m.toString().contains(sender))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertThat(listed.toString()).contains(subject);
        // Nothing else took it in: no report, no appeal.
        assertThat(hub.deliveries(sender, MailTemplateId.REPORT_RECEIPT.id())).isEmpty();
        assertThat(hub.deliveries(sender, MailTemplateId.APPEAL_RECEIVED.id())).isEmpty();
        assertThat(hub.deliveries(sender, MailTemplateId.APPEAL_DECISION_NEEDED.id()))
                .isEmpty();
        assertThat(hub.as("notification", "alice", "user")
                        .get("/api/v1/mail/unmatched")
                        .status())
                .as("a user reading the unmatched mail")
                .isEqualTo(403);
        wording.assertAll();
        SUMMARY.add(String.format(
                "e. mail to feedback@ → receipt (%s) → in GET /api/v1/mail/unmatched: ok (%.1f s)",
                receipt.templateId(), seconds(startedAt)));
    }

    // --- f. hostile mail does not stall safety@ ---

    @Test
    @Order(6)
    void aMegabyteOfUnclosedScriptTagsDoesNotDelayTheNextReport() {
        long startedAt = System.nanoTime();
        Instant since = Instant.now().minusSeconds(5);
        long quarantinedBefore = quarantinedAtSafety();
        String attacker = address(unique("hostile"));
        StringBuilder html = new StringBuilder("<html><body><p>");
        while (html.length() < 1024 * 1024) {
            html.append("<script>");
        }
        hub.sendHtml(attacker, hub.mailbox("safety"), "Report", html.toString());

        String sender = address(unique("honest"));
        String repo = "acme-e2e/" + unique("after-hostile");
        long sentAt = System.nanoTime();
        suite.stack
                .mail()
                .send(
                        sender,
                        hub.mailbox("safety"),
                        "Spam model",
                        "Hello,\n\nthis is spam, an advert for a casino: " + HUB + repo + "\n");
        Duration budget = Duration.ofSeconds(30);
        Delivered receipt = hub.awaitDelivered(sender, MailTemplateId.REPORT_RECEIPT.id(), d -> true, budget);
        double receiptAfter = seconds(sentAt);
        assertThat(receiptAfter)
                .as("seconds from the good mail to its receipt")
                .isLessThanOrEqualTo(budget.toSeconds());
        hub.awaitOpenCase("model:" + repo);

        // The gateway has finished with the hostile mail (quarantined it), and no report came of it.
        await("the hostile mail quarantined").atMost(WAIT).until(() -> quarantinedAtSafety() > quarantinedBefore);
        assertThat(reportsByContact(attacker, since))
                .as("reports from the hostile mail")
                .isEmpty();
        assertThat(hub.deliveries(attacker, null))
                .as("mail to the hostile sender")
                .noneMatch(d -> d.path("templateId").asText().startsWith("report-"));
        wording.assertAll();
        SUMMARY.add(String.format(
                "f. 1 MiB of unclosed <script> to safety@, then a good report: receipt %s after %.1f s, no report of the hostile mail"
                        + " (gateway's quarantine count for safety@: %d): ok (%.1f s)",
                abbreviate(receipt.threadId()), receiptAfter, quarantinedAtSafety(), seconds(startedAt)));
    }

    // --- g. withdrawing a report ---

    @Test
    @Order(7)
    void aNotifierWhoWithdrawsBeforeTheDecisionIsNotCountedNorToldTheOutcome() {
        long startedAt = System.nanoTime();
        String withdrawer = unique("rep");
        String other = unique("rep");
        String repo = unique("owner") + "/" + unique("withdrawn");
        String subjectKey = "model:" + repo;
        String withdrawnId = hub.fileReport(withdrawer, repo);
        String keptId = hub.fileReport(other, repo);
        String caseId = hub.awaitOpenCase(subjectKey);
        await("both reports in the case")
                .atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(caseDetail(caseId).path("reports")).hasSize(2));

        Api notifier = hub.as("reporting", withdrawer, "user");
        // Someone else's report: the same 404 as no report.
        assertThat(hub.as("reporting", other, "user")
                        .post("/api/v1/reports/" + withdrawnId + "/withdraw", Map.of("reason", "not mine"))
                        .status())
                .isEqualTo(404);
        Api.Response withdrawn = notifier.post(
                "/api/v1/reports/" + withdrawnId + "/withdraw", Map.of("reason", "I reported the wrong model."));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(notifier.get("/api/v1/reports/" + withdrawnId).text("status"))
                .isEqualTo("WITHDRAWN");

        await("the withdrawal in the case")
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(caseDetail(caseId).path("reports"))
                        .anySatisfy(r -> {
                            assertThat(r.path("reportId").asText()).isEqualTo(withdrawnId);
                            assertThat(r.path("withdrawnAt").isNull()
                                            || r.path("withdrawnAt").isMissingNode())
                                    .isFalse();
                        }));
        await("the case counts one report")
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(hub.openCase(subjectKey)
                                .orElseThrow()
                                .path("reportCount")
                                .asInt())
                        .isEqualTo(1));

        hub.decide(caseId, List.of("DISABLE"), FACTS, EXPLANATION);
        hub.awaitDelivered(address(other), MailTemplateId.REPORT_OUTCOME.id());
        assertThat(hub.deliveries(address(withdrawer), MailTemplateId.REPORT_OUTCOME.id()))
                .as("outcome mails to the notifier who withdrew")
                .isEmpty();
        assertThat(notifier.get("/api/v1/reports/" + withdrawnId).text("status"))
                .isEqualTo("WITHDRAWN");
        wording.assertAll();
        SUMMARY.add(String.format(
                "g. report withdrawn before the decision → WITHDRAWN, not counted in the case, no outcome mail: ok (%.1f s)",
                seconds(startedAt)));
    }

    // --- h. the hub directory is down mid-flow: nothing is decided on a guess, nothing is lost ---

    @Test
    @Order(8)
    void whileTheHubIsDownADecisionAndATakedownWaitWithA503AndGoThroughOnceWhenItIsBack() {
        long startedAt = System.nanoTime();
        // Everything that needs the hub before it goes: the owner's account, a report and its case, a DMCA notice.
        String owner = hub.newOwner("owner");
        String repo = owner + "/" + unique("outage");
        String subjectKey = "model:" + repo;
        hub.fileReport(unique("rep"), repo);
        String caseId = hub.awaitOpenCase(subjectKey);
        Api moderator = hub.as("review", unique("mod"), "moderator");
        assertThat(moderator.post("/api/v1/cases/" + caseId + "/claim", null).status())
                .isEqualTo(200);
        String uploader = hub.newOwner("uploader");
        String noticeRepo = uploader + "/" + unique("outage-frames");
        String noticeSubject = "model:" + noticeRepo;
        String noticeId = noticeByApi(noticeRepo);
        Api legal = hub.as("dmca", "legal-e2e", "legal");
        Map<String, Object> decision = Hub.decisionBody(List.of("UNRANK"), FACTS, EXPLANATION);

        HubStandIn directory = suite.stack.hub();
        directory.stop();
        try {
            // The moderator's decision: the hub cannot say whose the model is, so nothing is decided.
            Api.Response refused = moderator.post("/api/v1/cases/" + caseId + "/decisions", decision);
            assertHubUnavailable(refused, "the decision");
            assertThat(caseDetail(caseId).path("decisions"))
                    .as("decisions while the hub is down")
                    .isEmpty();
            // Nothing reached the owner, and nothing is on its way. (These 3 s also outlast dmca's answer about the
            // notice's model, cached 1 s in this suite since the notice came in: the accept below must ask the hub.)
            await("no mail to the owner while the hub is down")
                    .during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> hub.deliveries(address(owner), null).isEmpty());
            assertThat(hub.restrictions(subjectKey)).isEmpty();
            // Legal accepts the notice: whose the content is is the hub's to say, so no takedown either.
            Api.Response notTakenDown =
                    legal.post("/api/v1/dmca/notices/" + noticeId + "/decision", Hub.acceptNotice());
            assertHubUnavailable(notTakenDown, "the takedown");
            assertThat(legal.get("/api/v1/dmca/notices/" + noticeId).text("status"))
                    .isEqualTo("PENDING_REVIEW");
            await("no mail to the uploader while the hub is down")
                    .during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> hub.deliveries(address(uploader), null).isEmpty());
            assertThat(hub.restrictions(noticeSubject)).isEmpty();
        } finally {
            directory.start();
        }
        assertThat(directory.running()).isTrue();

        // The same requests again, as a client retries after a 503 (sooner than Retry-After: the breaker may still be
        // open for a moment).
        Api.Response decided = retriedWhileUnavailable(
                () -> moderator.post("/api/v1/cases/" + caseId + "/decisions", decision), "the decision");
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
        assertThat(decided.text("status")).isEqualTo("ENFORCED");
        Api.Response accepted = retriedWhileUnavailable(
                () -> legal.post("/api/v1/dmca/notices/" + noticeId + "/decision", Hub.acceptNotice()), "the takedown");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

        // The owner the hub names gets the statement of reasons, once; the uploader the takedown notice, once.
        Delivered statement = hub.awaitDelivered(
                address(owner), MailTemplateId.OWNER_DECISION.id(), Hub.onThread("decision:" + decided.text("id")));
        assertReadable(statement.mail(), "the owner's decision mail after the outage");
        hub.awaitDelivered(address(uploader), MailTemplateId.DMCA_TAKEDOWN_UPLOADER.id());
        await("the takedown in the ledger")
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(hub.restrictions(noticeSubject)).isNotEmpty());
        await("one statement and one takedown notice, no more")
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> {
                    assertThat(hub.deliveries(address(owner), MailTemplateId.OWNER_DECISION.id()))
                            .hasSize(1);
                    assertThat(hub.mailTo(address(owner))).hasSize(1);
                    assertThat(hub.deliveries(address(uploader), MailTemplateId.DMCA_TAKEDOWN_UPLOADER.id()))
                            .hasSize(1);
                    assertThat(hub.mailTo(address(uploader))).hasSize(1);
                });
        assertThat(caseDetail(caseId).path("decisions")).hasSize(1);
        wording.assertAll();
        SUMMARY.add(String.format(
                "h. hub stand-in stopped mid-flow → decision and takedown 503 + Retry-After, no mail → started → each once: ok (%.1f s)",
                seconds(startedAt)));
    }

    /** A 503 {@code hub-unavailable} problem with a {@code Retry-After}: the client is told to come back, not refused. */
    private static void assertHubUnavailable(Api.Response response, String what) {
        assertThat(response.status())
                .as(what + " while the hub is down: " + response)
                .isEqualTo(503);
        assertThat(response.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("urn:modhub:problem:hub-unavailable");
        assertThat(response.header("Retry-After"))
                .as(what + ": Retry-After")
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v.strip())).isPositive());
    }

    private static Api.Response retriedWhileUnavailable(java.util.function.Supplier<Api.Response> call, String what) {
        return await(what + " once the hub is back")
                .atMost(WAIT)
                .pollInterval(Duration.ofSeconds(1))
                .until(call::get, r -> r.status() != 503 && r.status() != 0);
    }

    // --- d. DMCA by mail, counter-notice, the claimant's court-action evidence by reply (last: moves the clocks) ---

    @Test
    @Order(10)
    void aMailedDmcaNoticeWrappedAt72ColumnsRunsToACourtActionThatStopsTheRestoration() {
        long startedAt = System.nanoTime();
        Instant journeyStart = Instant.now().minusSeconds(5);
        String claimant = address(unique("rights"));
        String uploader = hub.newOwner("uploader");
        String repo = uploader + "/" + unique("frames");
        String subjectKey = "model:" + repo;

        // As a mail client sends it: every paragraph wrapped at 72 columns, the statements broken across lines.
        String notice = """
                Dear designated agent,

                Copyrighted work: The Acme Film Archive 2024, https://acme-pictures.example/archive

                Infringing material: %s%s
                The model's files reproduce frames of the archive.

                I have a good faith
                belief that use of the material in the manner complained of is not
                authorized by the copyright owner, its agent, or the law.

                The information in this notification is accurate, and under penalty
                of perjury, I am authorized to act on behalf of the owner of an
                exclusive right that is allegedly infringed.

                Name: Jane Roe
                Company: Acme Pictures Inc.
                Address: 1 Studio Way, Burbank, CA 91505
                Phone: +1 818 555 0199

                /s/ Jane Roe
                """.formatted(HUB, repo);
        assertThat(notice.lines())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(72 + HUB.length() + repo.length()));
        suite.stack.mail().send(claimant, hub.mailbox("dmca"), "DMCA takedown notice", notice);

        Delivered received = hub.awaitDelivered(claimant, MailTemplateId.DMCA_NOTICE_RECEIVED.id());
        assertThat(hub.deliveries(claimant, MailTemplateId.DMCA_NOTICE_INCOMPLETE.id()))
                .as("\"missing\" mails to the claimant")
                .isEmpty();
        String noticeId = received.threadId();
        Api legal = hub.as("dmca", "legal-e2e", "legal");
        assertThat(legal.get("/api/v1/dmca/notices/" + noticeId).text("status")).isEqualTo("PENDING_REVIEW");

        Api.Response accepted = legal.post("/api/v1/dmca/notices/" + noticeId + "/decision", Hub.acceptNotice());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        await("the takedown in the ledger")
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(hub.restrictions(subjectKey))
                        .singleElement()
                        .satisfies(r -> assertThat(r.path("action").asText()).isEqualTo("DISABLE")));
        Delivered takedown = hub.awaitDelivered(address(uploader), MailTemplateId.DMCA_TAKEDOWN_UPLOADER.id());
        assertReadable(takedown.mail(), "the uploader's takedown mail");
        assertThat(text(takedown.mail()).toLowerCase())
                .contains("counter")
                .doesNotContain("jane roe")
                .doesNotContain("555 0199");

        // The uploader counter-notifies through the API the takedown mail links to.
        Api.Response countered = hub.as("dmca", uploader, "user")
                .post("/api/v1/dmca/notices/" + noticeId + "/counter-notices", Hub.counterNotice(repo));
        assertThat(countered.status()).as(countered.toString()).isEqualTo(201);
        String counterNoticeId = countered.text("id");

        Delivered forwarded = hub.awaitDelivered(claimant, MailTemplateId.DMCA_COUNTER_NOTICE_FORWARDED.id());
        assertReadable(forwarded.mail(), "the counter-notice forwarded to the claimant");
        assertThat(forwarded.mail().replyTo()).hasSize(1);

        // The claimant answers the forwarded counter-notice with evidence of a court action.
        String filedOn = LocalDate.now().toString();
        hub.reply(claimant, forwarded.mail().replyTo().get(0), forwarded.mail(), """
                We have filed an action seeking a court order to restrain the subscriber
                from engaging in infringing activity relating to the material.

                Court: U.S. District Court, C.D. Cal.
                Case number: 2:26-cv-01234
                Filed on: %s
                Complaint: https://example.org/complaint.pdf

                /s/ Jane Roe
                """.formatted(filedOn));

        // The evidence is on the notice, awaiting legal; no new notice came of the reply.
        JsonNode evidence = await("the evidence on the notice")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> evidenceOn(legal, noticeId), Optional::isPresent)
                .get();
        assertThat(evidence.path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(evidence.path("body").asText()).contains("2:26-cv-01234");
        assertThat(evidence.path("from").asText()).isEqualToIgnoringCase(claimant);
        assertThat(legal.items("/api/v1/dmca/evidence?limit=100"))
                .as("legal's list of evidence awaiting confirmation")
                .anySatisfy(e -> assertThat(e.path("id").asText())
                        .isEqualTo(evidence.path("id").asText()));
        // Whatever the claimant was sent about their mails, it is on this notice's thread: no other notice came of
        // them.
        assertThat(hub.deliveries(claimant, null))
                .as("mails to the claimant")
                .allSatisfy(m -> assertThat(m.path("threadKey").asText()).isEqualTo("dmca_notice:" + noticeId));
        assertThat(hub.deliveries(claimant, MailTemplateId.DMCA_NOTICE_INCOMPLETE.id()))
                .as("\"missing\" mails to the claimant")
                .isEmpty();
        assertThat(noticesFrom(claimant, journeyStart))
                .as("notices from the claimant")
                .containsExactly(noticeId);
        assertThat(hub.restrictions(subjectKey))
                .as("the takedown until legal confirms")
                .isNotEmpty();

        Api.Response confirmed = legal.post(
                "/api/v1/dmca/evidence/" + evidence.path("id").asText() + "/confirm",
                Map.of(
                        "counterNoticeId",
                        counterNoticeId,
                        "court",
                        "U.S. District Court, C.D. Cal.",
                        "caseNumber",
                        "2:26-cv-01234",
                        "filedOn",
                        filedOn,
                        "documentUrl",
                        "https://example.org/complaint.pdf",
                        "note",
                        "Confirmed from the claimant's mail."));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        hub.awaitDelivered(address(uploader), MailTemplateId.DMCA_COURT_ACTION_REPORTED.id());

        // A control countered the same way without a court action: the clock restores it, and only it.
        FlowsControl control = takedownAndCounterNoticeByApi();
        suite.travelTo(suite.clockOffset().plus(Duration.ofDays(25)));
        await("the control restored")
                .atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(hub.restrictions(control.subjectKey())).isEmpty());
        hub.awaitDelivered(address(control.uploader()), MailTemplateId.DMCA_RESTORATION_DONE.id());

        assertThat(hub.restrictions(subjectKey))
                .as("the court action holds the takedown")
                .singleElement()
                .satisfies(r -> assertThat(r.path("action").asText()).isEqualTo("DISABLE"));
        assertThat(hub.deliveries(address(uploader), MailTemplateId.DMCA_RESTORATION_DONE.id()))
                .isEmpty();
        assertThat(hub.deliveries(claimant, MailTemplateId.DMCA_RESTORATION_DONE.id()))
                .isEmpty();
        wording.assertAll();
        SUMMARY.add(String.format(
                "d. DMCA notice by mail wrapped at 72 → complete → takedown → counter-notice → claimant's reply with"
                        + " court action on the notice → confirmed → no restoration at +25 d (control restored): ok (%.1f s)",
                seconds(startedAt)));
    }

    record FlowsControl(String uploader, String subjectKey) {}

    private FlowsControl takedownAndCounterNoticeByApi() {
        String uploader = hub.newOwner("uploader");
        String repo = uploader + "/" + unique("control");
        String subjectKey = "model:" + repo;
        String noticeId = noticeByApi(repo);
        Api.Response accepted = hub.as("dmca", "legal-e2e", "legal")
                .post("/api/v1/dmca/notices/" + noticeId + "/decision", Hub.acceptNotice());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        await("the control's takedown")
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(hub.restrictions(subjectKey)).isNotEmpty());
        Api.Response countered = hub.as("dmca", uploader, "user")
                .post("/api/v1/dmca/notices/" + noticeId + "/counter-notices", Hub.counterNotice(repo));
        assertThat(countered.status()).as(countered.toString()).isEqualTo(201);
        return new FlowsControl(uploader, subjectKey);
    }

    /** A complete DMCA notice on {@code repo} filed through the API by a rights holder; its id, pending review. */
    private String noticeByApi(String repo) {
        Map<String, Object> notice = Hub.dmcaNotice(unique("rights"), repo);
        Api.Response sent = Api.anonymous(suite, "dmca").post("/api/v1/dmca/notices", notice);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        return sent.text("id");
    }

    /** The court-action evidence that came by mail on the notice's thread, as legal sees it on the notice. */
    private static Optional<JsonNode> evidenceOn(Api legal, String noticeId) {
        for (JsonNode mail :
                legal.get("/api/v1/dmca/notices/" + noticeId).json().path("mail")) {
            if ("COURT_ACTION_EVIDENCE".equals(mail.path("kind").asText())) {
                return Optional.of(mail);
            }
        }
        return Optional.empty();
    }

    // --- what people see, through the public doors ---

    /** The appeals a user sees as theirs in appeals-service. */
    private static List<JsonNode> appealsOf(String user) {
        return hub.as("appeals", user, "user").items("/api/v1/appeals/mine");
    }

    private static JsonNode appealAsStaff(String appealId) {
        Api.Response appeal = hub.as("appeals", unique("legal"), "legal").get("/api/v1/appeals/" + appealId);
        if (appeal.status() != 200) {
            throw new AssertionError("appeal " + appealId + " as staff see it: " + appeal);
        }
        return appeal.json();
    }

    /**
     * The owner who contested by mail finds the appeal among their own ({@code GET /api/v1/appeals/mine}) and may read
     * it ({@code GET /api/v1/appeals/{id}}), as one filed through the API.
     */
    private void assertOwnerSeesTheirAppeal(String owner, String appealId, JsonNode staffView) {
        List<JsonNode> mine = appealsOf(owner);
        wording.assertThat(mine)
                .as("the owner's own appeals (GET /api/v1/appeals/mine) should hold the appeal they mailed, "
                        + appealId + "; appeals-service filed it as appellant " + staffView.path("appellantId") + " / "
                        + staffView.path("appellantEmail") + ", identityVerified " + staffView.path("identityVerified"))
                .anySatisfy(a -> assertThat(a.path("id").asText()).isEqualTo(appealId));
        wording.assertThat(hub.as("appeals", owner, "user")
                        .get("/api/v1/appeals/" + appealId)
                        .status())
                .as("the owner reading their appeal (GET /api/v1/appeals/" + appealId + ")")
                .isEqualTo(200);
    }

    private static JsonNode caseDetail(String caseId) {
        Api.Response detail = hub.as("review", "mod-e2e-lookup", "moderator").get("/api/v1/cases/" + caseId);
        if (detail.status() != 200) {
            throw new AssertionError("case " + caseId + ": " + detail);
        }
        return detail.json();
    }

    /** The decision of the case that reverses {@code decisionId}, as the ledger records it. */
    private static JsonNode awaitReversalOf(String caseId, String decisionId) {
        return await("the reversal of " + decisionId + " in the ledger")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            for (JsonNode decision : caseDetail(caseId).path("decisions")) {
                                if (decisionId.equals(
                                        decision.path("reversesDecisionId").asText())) {
                                    return Optional.of(decision);
                                }
                            }
                            return Optional.<JsonNode>empty();
                        },
                        Optional::isPresent)
                .get();
    }

    /** Reports filed since {@code since} whose contact address is {@code contact} (staff search by channel and time). */
    private static List<JsonNode> reportsByContact(String contact, Instant since) {
        return hub
                .as("reporting", "mod-e2e-lookup", "moderator")
                .items("/api/v1/reports?channel=EMAIL&limit=100&from=" + Hub.enc(since.toString()))
                .stream()
                .filter(report ->
                        contact.equalsIgnoreCase(report.path("contactEmail").asText()))
                .toList();
    }

    /** The ids of the notices received since {@code since} whose sender is {@code claimant}, in every state (legal's view). */
    private static List<String> noticesFrom(String claimant, Instant since) {
        List<String> ids = new ArrayList<>();
        Api legal = hub.as("dmca", "legal-e2e", "legal");
        for (String status : List.of("INCOMPLETE", "SUPERSEDED", "PENDING_REVIEW", "ACCEPTED", "REJECTED")) {
            for (JsonNode n : legal.items("/api/v1/dmca/notices?limit=100&status=" + status)) {
                if (Instant.parse(n.path("receivedAt").asText()).isBefore(since)) {
                    continue;
                }
                JsonNode full = legal.get("/api/v1/dmca/notices/" + n.path("id").asText())
                        .json();
                if (claimant.equalsIgnoreCase(full.path("contact").path("email").asText())) {
                    ids.add(n.path("id").asText());
                }
            }
        }
        return ids;
    }

    /** The staff list of mail that matched no thread and no intake (notification-service). */
    private static List<JsonNode> unmatched() {
        return hub.as("notification", "mod-e2e-lookup", "moderator").items("/api/v1/mail/unmatched?limit=100");
    }

    private static String text(ReceivedMail mail) {
        return mail.subject() + "\n" + (mail.text() == null ? "" : mail.text());
    }

    /**
     * A mail a person can read (issue 21, 7): no action code names, no subject keys, no ISO instants — in the subject,
     * the text and the HTML. Collected in {@link #wording} and asserted at the end of the journey, so a template's
     * wording does not hide what the rest of the journey would find.
     */
    private void assertReadable(ReceivedMail mail, String what) {
        for (String part : List.of(
                mail.subject() == null ? "" : mail.subject(),
                mail.text() == null ? "" : mail.text(),
                mail.html() == null ? "" : mail.html())) {
            wording.assertThat(part)
                    .as(what + " speaks in words, not codes")
                    .doesNotContainPattern(ACTION_CODE)
                    .doesNotContain("model:")
                    .doesNotContainPattern(ISO_INSTANT);
        }
    }

    /** notification-service's {@code notification_inbound_quarantined_total} for safety@, from its public metrics. */
    /** The gateway's count of mail quarantined at safety@ (its public metrics), 0 before the first. */
    private static long quarantinedAtSafety() {
        Api.Response metrics = Api.anonymous(suite, "notification").get("/q/metrics", "text/plain");
        double total = 0;
        for (String line : metrics.body() == null
                ? List.<String>of()
                : metrics.body().lines().toList()) {
            if (line.startsWith("notification_inbound_quarantined_total") && line.contains("mailbox=\"safety\"")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) total;
    }

    private static String abbreviate(String id) {
        return id == null || id.length() <= 8 ? id : id.substring(0, 8) + "…";
    }

    private static double seconds(long startedAt) {
        return (System.nanoTime() - startedAt) / 1e9;
    }
}

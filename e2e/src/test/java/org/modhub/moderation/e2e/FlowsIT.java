package org.modhub.moderation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.e2e.Hub.EXPLANATION;
import static org.modhub.moderation.e2e.Hub.FACTS;
import static org.modhub.moderation.e2e.Hub.HUB;
import static org.modhub.moderation.e2e.Hub.WAIT;
import static org.modhub.moderation.e2e.Hub.address;
import static org.modhub.moderation.e2e.Hub.body;
import static org.modhub.moderation.e2e.Hub.subjectContains;
import static org.modhub.moderation.e2e.Hub.unique;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.devstack.JwtKeys;
import org.modhub.moderation.devstack.ReceivedMail;
import org.modhub.moderation.devstack.TokenMinter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The flows through the public doors only — REST and the safety@, dmca@, legal@ inboxes —
 * against the five packaged services, with what each person finds in their mailbox.
 * The DMCA flow moves the services' clocks forward, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlowsIT {

    private static final List<String> SUMMARY = new ArrayList<>();

    static Suite suite;
    static Hub hub;

    @BeforeAll
    static void start() {
        suite = Suite.get();
        hub = new Hub(suite);
    }

    @AfterAll
    static void printSummary() {
        Hub.printSummary("e2e flows summary", SUMMARY);
    }

    /** A report decided with a severe action: returned for the flows that go on from there. */
    record Decided(
            String reporter,
            String reportId,
            String repo,
            String subjectKey,
            String caseId,
            String decisionId,
            String owner,
            String decider,
            String approver) {}

    private Decided reportAndDecideWithFourEyes() {
        String reporter = unique("rep");
        String owner = hub.newOwner("owner");
        String repo = owner + "/" + unique("casino");
        String subjectKey = "model:" + repo;

        String reportId = hub.fileReport(reporter, repo);
        ReceivedMail receipt = hub.awaitMail(address(reporter), subjectContains(reportId), "the receipt");
        assertThat(receipt.text()).contains(reportId);

        String caseId = hub.awaitOpenCase(subjectKey);
        String decider = unique("mod");
        String approver = unique("senior");
        Api moderator = hub.as("review", decider, "moderator");
        assertThat(moderator.post("/api/v1/cases/" + caseId + "/claim", null).status())
                .isEqualTo(200);
        Api.Response decided = moderator.post(
                "/api/v1/cases/" + caseId + "/decisions", Hub.decisionBody(List.of("DISABLE"), FACTS, EXPLANATION));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
        assertThat(decided.text("status")).isEqualTo("PENDING_APPROVAL");
        String decisionId = decided.text("id");

        // Four eyes: the decider cannot approve; nothing is enforced or mailed before approval.
        assertThat(hub.as("review", decider, "moderator", "senior-moderator")
                        .post("/api/v1/decisions/" + decisionId + "/approve", null)
                        .status())
                .isEqualTo(403);
        assertThat(hub.restrictions(subjectKey)).isEmpty();
        assertThat(hub.mailTo(address(owner))).isEmpty();

        Api.Response approved = hub.as("review", approver, "senior-moderator")
                .post("/api/v1/decisions/" + decisionId + "/approve", null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("ENFORCED");
        return new Decided(reporter, reportId, repo, subjectKey, caseId, decisionId, owner, decider, approver);
    }

    @Test
    @Order(1)
    void reportCaseFourEyesDecisionAndTheMailsOfOwnerAndNotifier() {
        long startedAt = System.nanoTime();
        Decided d = reportAndDecideWithFourEyes();

        // The hub learns of it from review.events.
        await("DecisionTaken on review.events")
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(hub.records(Topics.REVIEW_EVENTS))
                        .filteredOn(r -> r.value().contains("\"DecisionTaken\"")
                                || r.value().contains("DecisionTaken"))
                        .anySatisfy(r ->
                                assertThat(r.value()).contains(d.decisionId()).contains(d.subjectKey())));
        assertThat(hub.restrictions(d.subjectKey()))
                .singleElement()
                .satisfies(r -> assertThat(r.path("action").asText()).isEqualTo("DISABLE"));

        // The owner: the statement of reasons and how to appeal, and nothing about who reported.
        ReceivedMail ownerMail = hub.awaitDelivered(address(d.owner()), MailTemplateId.OWNER_DECISION.id())
                .mail();
        String ownerText = body(ownerMail);
        // The policy version in force is dated as a person reads it (issue 21), not 2025-04-10.
        assertThat(ownerText)
                .contains(FACTS.toLowerCase())
                .contains(EXPLANATION.toLowerCase())
                .contains("10 april 2025")
                .contains(d.decisionId())
                .contains("appeal");
        assertThat(ownerText)
                .doesNotContain(d.reporter().toLowerCase())
                .doesNotContain(address(d.reporter()))
                .doesNotContain(d.reportId());

        // The notifier: the outcome, never the owner's details or the statement written to the owner.
        ReceivedMail outcome = hub.awaitMail(
                address(d.reporter()),
                subjectContains("Decision on your report " + d.reportId()),
                "the notifier's outcome mail");
        String outcomeText = body(outcome);
        // Issue 21: actions are named by what they mean for the reader, not by their code (DISABLE).
        assertThat(outcomeText).contains(d.reportId()).contains("no longer accessible");
        // The owner's namespace is public (it is in the content's name); their address on the hub is not.
        assertThat(outcomeText)
                .doesNotContain(address(d.owner()).toLowerCase())
                .doesNotContain(FACTS.toLowerCase())
                .doesNotContain(EXPLANATION.toLowerCase());
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(hub.as("reporting", d.reporter(), "user")
                                .get("/api/v1/reports/" + d.reportId())
                                .text("status"))
                        .isEqualTo("DECIDED"));

        // Exactly one of each.
        assertThat(hub.mailTo(address(d.owner()))).hasSize(1);
        assertThat(hub.mailTo(address(d.reporter()))).hasSize(2); // receipt + outcome
        SUMMARY.add(
                String.format("report → four-eyes decision → owner + notifier mails: ok (%.1f s)", seconds(startedAt)));
    }

    @Test
    @Order(2)
    void aMailToSafetyBecomesAReportAndACase() {
        long startedAt = System.nanoTime();
        String sender = unique("mailer");
        String repo = "acme-e2e/" + unique("mailed");
        suite.stack
                .mail()
                .send(
                        address(sender),
                        suite.stack.mail().address("safety"),
                        "Spam on your hub",
                        "Hello,\n\nthis model is spam, an advert for a casino: " + HUB + repo
                                + "\n\nPlease remove it.\n");

        ReceivedMail receipt =
                hub.awaitMail(address(sender), subjectContains("We received your report"), "the receipt");
        String reportId = receipt.subject()
                .replaceAll(".*We received your report\\s+", "")
                .trim();
        String caseId = hub.awaitOpenCase("model:" + repo);
        JsonNode detail = hub.as("review", "mod-e2e-lookup", "moderator")
                .get("/api/v1/cases/" + caseId)
                .json();
        assertThat(detail.path("reports")).singleElement().satisfies(r -> {
            assertThat(r.path("reportId").asText()).isEqualTo(reportId);
            assertThat(r.path("category").asText()).isEqualToIgnoringCase("platform_abuse");
        });
        // One mail, one report, one receipt.
        assertThat(hub.mailTo(address(sender))).hasSize(1);
        SUMMARY.add(String.format("mail to safety@ → report → case: ok (%.1f s)", seconds(startedAt)));
    }

    @Test
    @Order(3)
    void anAppealReversesTheDecisionLiftsTheRestrictionAndTellsTheAppellant() {
        long startedAt = System.nanoTime();
        Decided d = reportAndDecideWithFourEyes();
        hub.awaitDelivered(address(d.owner()), MailTemplateId.OWNER_DECISION.id());

        Map<String, Object> appeal = Map.of(
                "decisionId",
                d.decisionId(),
                "arguments",
                "The casino link was added by a compromised collaborator and is gone now.",
                "evidenceUrls",
                List.of("https://example.org/commit-history"),
                "residence",
                "DE");
        Api owner = hub.as("appeals", d.owner(), "user");
        // appeals-service learns of the decision from review.events; until then the decision is unknown (404).
        Api.Response filed = await("the appeal accepted")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> owner.post("/api/v1/appeals", appeal), r -> r.status() != 404 && r.status() != 0);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String appealId = filed.text("id");

        // Neither the decider nor the approver may review it.
        assertThat(hub.as("appeals", d.approver(), "senior-moderator")
                        .post(
                                "/api/v1/appeals/" + appealId + "/resolve",
                                Map.of(
                                        "outcome",
                                        "REVERSED",
                                        "newActions",
                                        List.of(),
                                        "explanation",
                                        "x",
                                        "manifestlyUnfounded",
                                        false))
                        .status())
                .isEqualTo(403);
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

        await("the restriction lifted in the ledger")
                .atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(hub.restrictions(d.subjectKey())).isEmpty());
        ReceivedMail decided = hub.awaitMail(
                address(d.owner()), subjectContains("Decision on your appeal " + appealId), "the appellant's mail");
        assertThat(body(decided)).contains("reversed").contains("out-of-court").contains("compromised account");
        hub.awaitDelivered(address(d.owner()), MailTemplateId.DECISION_REVERSED.id());
        await("DecisionReversed on review.events")
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(hub.records(Topics.REVIEW_EVENTS))
                        .anySatisfy(r -> assertThat(r.value())
                                .contains("DecisionReversed")
                                .contains(d.decisionId())));
        SUMMARY.add(String.format(
                "appeal → reversal → restriction lifted → appellant mail: ok (%.1f s)", seconds(startedAt)));
    }

    @Test
    @Order(4)
    void aNotifiersMisuseEarnsAWarningThenASuspensionThenA403() {
        long startedAt = System.nanoTime();
        String notifier = unique("troll");
        Api moderator = hub.as("review", unique("mod"), "moderator");
        for (int i = 1; i <= 5; i++) {
            String repo = unique("owner") + "/" + unique("innocent");
            hub.fileReport(notifier, repo);
            String caseId = hub.awaitOpenCase("model:" + repo);
            assertThat(moderator
                            .post("/api/v1/cases/" + caseId + "/claim", null)
                            .status())
                    .isEqualTo(200);
            Map<String, Object> body = Hub.decisionBody(
                    List.of("NO_ACTION"),
                    "The model card is an ordinary description of a text classifier.",
                    "Nothing in the content breaks the policy; the report is manifestly unfounded.");
            body.put("manifestlyUnfounded", true);
            Api.Response decided = moderator.post("/api/v1/cases/" + caseId + "/decisions", body);
            assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
            if (i == 3) {
                try {
                    hub.awaitMail(address(notifier), subjectContains("A warning about your reports"), "the warning");
                } catch (AssertionError e) {
                    throw new AssertionError(
                            e.getMessage() + "; reporting holds "
                                    + hub.sql(
                                            "reporting",
                                            "SELECT status, outcome, manifestly_unfounded, decided_at FROM report WHERE reporter_id = ?",
                                            notifier)
                                    + ", standing "
                                    + hub.sql(
                                            "reporting",
                                            "SELECT * FROM notifier_standing WHERE notifier_key = ?",
                                            "user:" + notifier),
                            e);
                }
            }
        }
        ReceivedMail suspension = hub.awaitMail(
                address(notifier), subjectContains("We suspended the processing of your reports"), "the suspension");
        assertThat(body(suspension)).contains("manifestly unfounded");

        Api.Response refused = await("the suspension in force")
                .atMost(WAIT)
                .until(
                        () -> hub.as("reporting", notifier, "user")
                                .post("/api/v1/reports", Hub.reportBody("acme-e2e/" + unique("another"), notifier)),
                        r -> r.status() == 403);
        assertThat(refused.text("type")).isEqualTo("urn:modhub:problem:notifier-suspended");
        assertThat(refused.text("suspendedUntil")).isNotBlank();
        assertThat(hub.mailTo(address(notifier)))
                .filteredOn(subjectContains("A warning about your reports"))
                .hasSize(1);
        SUMMARY.add(String.format("notifier misuse → warning → suspension → 403: ok (%.1f s)", seconds(startedAt)));
    }

    @Test
    @Order(5)
    void tokensAreCheckedAcrossProcesses() {
        String repo = "acme-e2e/" + unique("jwt");
        assertThat(Api.anonymous(suite, "reporting")
                        .post("/api/v1/reports", Hub.reportBody(repo, "nobody"))
                        .status())
                .isEqualTo(401);
        String forged = new TokenMinter(JwtKeys.generate()).mint("alice", List.of("user", "admin", "moderator"));
        for (String service : Suite.SERVICES) {
            String path = switch (service) {
                case "reporting" -> "/api/v1/reports/mine";
                case "review" -> "/api/v1/cases";
                case "dmca" -> "/api/v1/dmca/notices";
                case "appeals" -> "/api/v1/appeals/mine";
                case "notification" -> "/api/v1/templates";
                case "matching" -> "/api/v1/bank/stats";
                default -> throw new IllegalStateException("no protected path named for " + service);
            };
            assertThat(Api.of(suite, service, forged).get(path).status())
                    .as(service + " with a forged token")
                    .isEqualTo(401);
        }
        assertThat(hub.as("review", "alice", "user").get("/api/v1/cases").status())
                .isEqualTo(403);
        assertThat(hub.as("notification", "alice", "user")
                        .get("/api/v1/templates")
                        .status())
                .isEqualTo(403);
        SUMMARY.add("JWT across processes: no token 401, forged key 401 on all " + Suite.SERVICES.size()
                + ", wrong role 403: ok");
    }

    @Test
    @Order(10)
    void dmcaTakedownCounterNoticeRestorationByTheClockAndTheCourtActionStop() {
        long startedAt = System.nanoTime();
        String claimant = unique("rights");
        Dmca restored = takedownAndCounterNotice(claimant, "restored");
        Dmca held = takedownAndCounterNotice(claimant, "held");

        // The claimant shows a court action for the second one before the clock runs out.
        Api.Response court = hub.as("dmca", "legal-e2e", "legal")
                .post(
                        "/api/v1/dmca/counter-notices/" + held.counterNoticeId() + "/court-action",
                        Map.of(
                                "court",
                                "U.S. District Court, C.D. Cal.",
                                "caseNumber",
                                "2:26-cv-01234",
                                "filedOn",
                                java.time.LocalDate.now().toString(),
                                "documentUrl",
                                "https://example.org/complaint.pdf",
                                "note",
                                "Complaint filed against the uploader."));
        assertThat(court.status()).as(court.toString()).isEqualTo(200);
        hub.awaitDelivered(address(held.uploader()), MailTemplateId.DMCA_COURT_ACTION_REPORTED.id());

        // 14 U.S. business days later (weekends and federal holidays skipped: at most 25 calendar days), by the clock.
        assertThat(hub.restrictions(restored.subjectKey())).isNotEmpty();
        suite.travelTo(suite.clockOffset().plus(Duration.ofDays(25)));

        await("restoration in the ledger")
                .atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(hub.restrictions(restored.subjectKey())).isEmpty());
        hub.awaitDelivered(address(restored.uploader()), MailTemplateId.DMCA_RESTORATION_DONE.id());
        hub.awaitDelivered(
                address(claimant),
                MailTemplateId.DMCA_RESTORATION_DONE.id(),
                Hub.onThread("dmca_notice:" + restored.noticeId()));

        // The court action stopped the clock: still disabled, nobody told of a restoration.
        assertThat(hub.restrictions(held.subjectKey()))
                .singleElement()
                .satisfies(r -> assertThat(r.path("action").asText()).isEqualTo("DISABLE"));
        assertThat(hub.deliveries(address(held.uploader()), MailTemplateId.DMCA_RESTORATION_DONE.id()))
                .isEmpty();
        assertThat(hub.deliveries(address(claimant), MailTemplateId.DMCA_RESTORATION_DONE.id()))
                .noneMatch(Hub.onThread("dmca_notice:" + held.noticeId()));
        assertThat(hub.deliveries(address(restored.uploader()), MailTemplateId.DMCA_RESTORATION_DONE.id()))
                .hasSize(1);
        SUMMARY.add(String.format(
                "DMCA notice → takedown → counter-notice → clock +25 d → restoration; court action holds: ok (%.1f s)",
                seconds(startedAt)));
    }

    record Dmca(String noticeId, String counterNoticeId, String uploader, String repo, String subjectKey) {}

    private Dmca takedownAndCounterNotice(String claimant, String label) {
        String uploader = hub.newOwner("uploader");
        String repo = uploader + "/" + unique(label);
        String subjectKey = "model:" + repo;
        Map<String, Object> notice = Hub.dmcaNotice(claimant, repo);
        Api.Response sent = Api.anonymous(suite, "dmca").post("/api/v1/dmca/notices", notice);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.text("status")).isEqualTo("PENDING_REVIEW");
        String noticeId = sent.text("id");

        Api.Response accepted = hub.as("dmca", "legal-e2e", "legal")
                .post("/api/v1/dmca/notices/" + noticeId + "/decision", Hub.acceptNotice());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

        await("the takedown in the ledger")
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(hub.restrictions(subjectKey))
                        .singleElement()
                        .satisfies(r -> assertThat(r.path("action").asText()).isEqualTo("DISABLE")));
        ReceivedMail takedown = hub.awaitDelivered(address(uploader), MailTemplateId.DMCA_TAKEDOWN_UPLOADER.id())
                .mail();
        assertThat(body(takedown))
                .contains("counter")
                .doesNotContain("jane roe")
                .doesNotContain("+1 818 555 0199");

        Map<String, Object> counter = Hub.counterNotice(repo);
        Api.Response countered =
                hub.as("dmca", uploader, "user").post("/api/v1/dmca/notices/" + noticeId + "/counter-notices", counter);
        assertThat(countered.status()).as(countered.toString()).isEqualTo(201);
        hub.awaitDelivered(
                address(claimant),
                MailTemplateId.DMCA_COUNTER_NOTICE_FORWARDED.id(),
                Hub.onThread("dmca_notice:" + noticeId));
        return new Dmca(noticeId, countered.text("id"), uploader, repo, subjectKey);
    }

    private static double seconds(long startedAt) {
        return (System.nanoTime() - startedAt) / 1e9;
    }
}

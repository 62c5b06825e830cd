package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.appeals.AppealFiled;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.contracts.event.appeals.AppealResolved;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;
import org.modhub.moderation.contracts.event.appeals.AppellantSuspended;
import org.modhub.moderation.contracts.event.appeals.DisputeOutcome;
import org.modhub.moderation.contracts.event.appeals.DisputeRecorded;
import org.modhub.moderation.contracts.event.appeals.DisputeSettled;
import org.modhub.moderation.contracts.event.dmca.ContentRestored;
import org.modhub.moderation.contracts.event.dmca.CounterNoticeReceived;
import org.modhub.moderation.contracts.event.dmca.CourtActionReported;
import org.modhub.moderation.contracts.event.dmca.DmcaNoticeElement;
import org.modhub.moderation.contracts.event.dmca.NoticeChannel;
import org.modhub.moderation.contracts.event.dmca.NoticeReceived;
import org.modhub.moderation.contracts.event.dmca.RestorationReason;
import org.modhub.moderation.contracts.event.reporting.NotifierSuspended;
import org.modhub.moderation.contracts.event.reporting.ReportChannel;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.reporting.ReportVisibility;
import org.modhub.moderation.contracts.event.reporting.ReportWithdrawn;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.review.transparency.TransparencyReportHtml;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * The DSA transparency report against a hand-computed data set: reports, appeals, suspensions,
 * disputes and DMCA facts through the real consumers (Kafka), decisions and further facts as rows.
 * The data lies in a four-week period of its own, years back, so other tests' rows stay out.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class TransparencyReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/v1/transparency/report";

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A random day between 2005 and 2015, so reruns against a kept database do not mix. */
    private static LocalDate periodStart() {
        return LocalDate.of(2005, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3650));
    }

    @Test
    void everyFigureOfAHandComputedPeriodInJsonCsvAndHtml() throws Exception {
        LocalDate d0 = periodStart();
        Instant t = d0.atStartOfDay(ZoneOffset.UTC).toInstant();
        String from = d0.toString();
        String to = d0.plusDays(27).toString(); // a date covers its whole day: the period is [d0, d0 + 28 days)

        // --- notices: six in the period (and one the day before), through reporting.events ---
        ReportFiled r1 =
                report(PolicyCategory.UNLAWFUL, ReportChannel.IN_PLATFORM, SourceType.SOURCE_ARTICLE_16, t.plus(h(1)));
        ReportFiled r2 = report(
                PolicyCategory.UNLAWFUL, ReportChannel.IN_PLATFORM, SourceType.SOURCE_TRUSTED_FLAGGER, t.plus(h(2)));
        ReportFiled r3 = report(
                PolicyCategory.HARMFUL_OR_ABUSIVE,
                ReportChannel.IN_PLATFORM,
                SourceType.SOURCE_ARTICLE_16,
                t.plus(h(3)));
        ReportFiled r4 = report(
                PolicyCategory.PLATFORM_ABUSE,
                ReportChannel.DETECTOR,
                SourceType.SOURCE_TYPE_OTHER_NOTIFICATION,
                t.plus(h(4)));
        ReportFiled r5 = report(
                PolicyCategory.PLATFORM_ABUSE, ReportChannel.DETECTOR, SourceType.SOURCE_VOLUNTARY, t.plus(h(5)));
        ReportFiled r6 =
                report(PolicyCategory.PRIVACY_AND_IP, ReportChannel.EMAIL, SourceType.SOURCE_ARTICLE_16, t.plus(h(6)));
        ReportFiled before =
                report(PolicyCategory.UNLAWFUL, ReportChannel.IN_PLATFORM, SourceType.SOURCE_ARTICLE_16, t.minus(h(1)));
        List<ReportFiled> reports = List.of(r1, r2, r3, r4, r5, r6, before);
        reports.forEach(ReviewFixtures::sendReport);
        Map<ReportFiled, String> cases = new HashMap<>();
        for (ReportFiled r : reports) {
            cases.put(r, awaitCase(db, r.subject(), 1));
        }
        send(
                Topics.REPORTING_EVENTS,
                EventSources.REPORTING_SERVICE,
                new ReportWithdrawn(r6.reportId(), r6.subject(), "reporter-6", "Filed by mistake.", t.plus(h(7))));

        // --- decisions, as rows: seven take effect in the period ---
        UUID d3 = decision(
                cases.get(r3),
                r3,
                "DECISION",
                "ENFORCED",
                "[\"NO_ACTION\"]",
                null,
                "HARMFUL_OR_ABUSIVE",
                "AUTOMATED_DECISION_NOT_AUTOMATED",
                "REPORT",
                List.of(r3.reportId()),
                r3.filedAt().plus(h(10)),
                null);
        UUID d2 = decision(
                cases.get(r2),
                r2,
                "DECISION",
                "ENFORCED",
                "[\"REMOVE\"]",
                "DECISION_GROUND_ILLEGAL_CONTENT",
                "UNLAWFUL",
                "AUTOMATED_DECISION_PARTIALLY",
                "REPORT",
                List.of(r2.reportId()),
                r2.filedAt().plus(h(4)),
                null);
        decision(
                cases.get(r1),
                r1,
                "DECISION",
                "ENFORCED",
                "[\"DISABLE\",\"SUSPEND_ACCOUNT\"]",
                "DECISION_GROUND_ILLEGAL_CONTENT",
                "UNLAWFUL",
                "AUTOMATED_DECISION_NOT_AUTOMATED",
                "REPORT",
                List.of(r1.reportId()),
                r1.filedAt().plus(h(2)),
                null);
        decision(
                cases.get(r4),
                r4,
                "DECISION",
                "ENFORCED",
                "[\"UNRANK\"]",
                "DECISION_GROUND_INCOMPATIBLE_CONTENT",
                "PLATFORM_ABUSE",
                "AUTOMATED_DECISION_FULLY",
                "REPORT",
                List.of(r4.reportId()),
                r4.filedAt().plus(h(1)),
                null);
        // A second, later decision on r4: the notice's time to decision is to its first.
        decision(
                cases.get(r4),
                r4,
                "DECISION",
                "ENFORCED",
                "[\"GATE\"]",
                "DECISION_GROUND_INCOMPATIBLE_CONTENT",
                "PLATFORM_ABUSE",
                "AUTOMATED_DECISION_NOT_AUTOMATED",
                "REPORT",
                List.of(r4.reportId()),
                r4.filedAt().plus(h(30)),
                null);
        decision(
                cases.get(r5),
                r5,
                "DECISION",
                "ENFORCED",
                "[\"SUSPEND_ACCOUNT\"]",
                "DECISION_GROUND_INCOMPATIBLE_CONTENT",
                "PLATFORM_ABUSE",
                "AUTOMATED_DECISION_NOT_AUTOMATED",
                "OWN_INITIATIVE",
                List.of(),
                t.plus(h(20)),
                null);
        decision(
                cases.get(r6),
                r6,
                "DECISION",
                "ENFORCED",
                "[\"DISABLE\"]",
                "DECISION_GROUND_ILLEGAL_CONTENT",
                "PRIVACY_AND_IP",
                "AUTOMATED_DECISION_NOT_AUTOMATED",
                "DMCA",
                List.of(),
                t.plus(Duration.ofDays(2)),
                null);
        // Not counted: waiting for approval, outside the period, and a reversal (counted apart).
        decision(
                cases.get(r1),
                r1,
                "DECISION",
                "PENDING_APPROVAL",
                "[\"TERMINATE_ACCOUNT\"]",
                "DECISION_GROUND_ILLEGAL_CONTENT",
                "UNLAWFUL",
                "AUTOMATED_DECISION_NOT_AUTOMATED",
                "REPORT",
                List.of(r1.reportId()),
                null,
                null);
        decision(
                cases.get(r3),
                r3,
                "DECISION",
                "ENFORCED",
                "[\"DISABLE\"]",
                "DECISION_GROUND_ILLEGAL_CONTENT",
                "HARMFUL_OR_ABUSIVE",
                "AUTOMATED_DECISION_NOT_AUTOMATED",
                "REPORT",
                List.of(r3.reportId()),
                t.plus(Duration.ofDays(40)),
                null);
        decision(
                cases.get(r2),
                r2,
                "REVERSAL",
                "ENFORCED",
                "[\"REMOVE\"]",
                "DECISION_GROUND_ILLEGAL_CONTENT",
                "UNLAWFUL",
                "AUTOMATED_DECISION_NOT_AUTOMATED",
                "APPEAL",
                List.of(),
                t.plus(Duration.ofDays(3)),
                d2);

        // --- appeals.events: an appeal filed and upheld (1.5 days), an appellant suspended, a dispute settled twice
        // ---
        UUID a1 = UUID.randomUUID();
        send(
                Topics.APPEALS_EVENTS,
                EventSources.APPEALS_SERVICE,
                new AppealFiled(a1, d3, r3.subject(), "owner-3", AppellantRole.OWNER, t.plus(Duration.ofDays(1))));
        send(
                Topics.APPEALS_EVENTS,
                EventSources.APPEALS_SERVICE,
                new AppealResolved(
                        a1,
                        d3,
                        r3.subject(),
                        AppellantRole.OWNER,
                        AppealOutcome.UPHELD,
                        List.of(),
                        "The decision stands.",
                        "senior-9",
                        t.plus(Duration.ofDays(1)).plus(h(36))));
        send(
                Topics.APPEALS_EVENTS,
                EventSources.APPEALS_SERVICE,
                new AppellantSuspended(
                        "appellant-1",
                        null,
                        "Unfounded complaints after a warning.",
                        List.of(a1),
                        t.plus(Duration.ofDays(2)),
                        t.plus(Duration.ofDays(32))));
        UUID x1 = UUID.randomUUID();
        send(
                Topics.APPEALS_EVENTS,
                EventSources.APPEALS_SERVICE,
                new DisputeRecorded(x1, d3, a1, "Appeals Centre Europe", d0.plusDays(3), t.plus(Duration.ofDays(3))));
        send(
                Topics.APPEALS_EVENTS,
                EventSources.APPEALS_SERVICE,
                new DisputeSettled(
                        x1,
                        d3,
                        DisputeOutcome.IN_FAVOUR_OF_RECIPIENT,
                        d0.plusDays(3),
                        d0.plusDays(13),
                        true,
                        d0.plusDays(14),
                        t.plus(Duration.ofDays(14))));
        // Staff correct the ending: the dispute counts once, settled after 8 days.
        send(
                Topics.APPEALS_EVENTS,
                EventSources.APPEALS_SERVICE,
                new DisputeSettled(
                        x1,
                        d3,
                        DisputeOutcome.IN_FAVOUR_OF_RECIPIENT,
                        d0.plusDays(3),
                        d0.plusDays(11),
                        true,
                        d0.plusDays(14),
                        t.plus(Duration.ofDays(15))));
        // --- reporting.events: a notifier suspended, the event delivered twice (counted once) ---
        NotifierSuspended suspended = new NotifierSuspended(
                "notifier-1",
                null,
                "Unfounded reports after a warning.",
                List.of(r6.reportId()),
                t.plus(Duration.ofDays(4)),
                t.plus(Duration.ofDays(34)));
        String once = encode(EventSources.REPORTING_SERVICE, suspended);
        KafkaProbe.send(Topics.REPORTING_EVENTS, suspended.partitionKey(), once);
        KafkaProbe.send(Topics.REPORTING_EVENTS, suspended.partitionKey(), once);
        // --- dmca.events: two notices (one revised until complete), a counter-notice, a court action, a restoration
        // ---
        UUID n1 = UUID.randomUUID();
        UUID n2 = UUID.randomUUID();
        UUID c1 = UUID.randomUUID();
        SubjectRef file = SubjectRef.parse("file:" + r6.subject().key() + "@main:weights.bin");
        send(
                Topics.DMCA_EVENTS,
                EventSources.DMCA_SERVICE,
                new NoticeReceived(n1, List.of(file), NoticeChannel.WEB_FORM, List.of(), t.plus(Duration.ofDays(1))));
        send(
                Topics.DMCA_EVENTS,
                EventSources.DMCA_SERVICE,
                new NoticeReceived(
                        n2,
                        List.of(),
                        NoticeChannel.EMAIL,
                        List.of(DmcaNoticeElement.SIGNATURE),
                        t.plus(Duration.ofDays(1))));
        send(
                Topics.DMCA_EVENTS,
                EventSources.DMCA_SERVICE,
                new NoticeReceived(n2, List.of(file), NoticeChannel.EMAIL, List.of(), t.plus(Duration.ofDays(2))));
        send(
                Topics.DMCA_EVENTS,
                EventSources.DMCA_SERVICE,
                new CounterNoticeReceived(c1, n1, List.of(file), "uploader-1", t.plus(Duration.ofDays(3))));
        send(
                Topics.DMCA_EVENTS,
                EventSources.DMCA_SERVICE,
                new CourtActionReported(n1, c1, List.of(file), t.plus(Duration.ofDays(4))));
        send(
                Topics.DMCA_EVENTS,
                EventSources.DMCA_SERVICE,
                new ContentRestored(
                        n1,
                        c1,
                        List.of(file),
                        "uploader-1",
                        RestorationReason.COUNTER_NOTICE_PERIOD_ELAPSED,
                        t.plus(Duration.ofDays(20))));

        // --- further facts as rows ---
        UUID a2 = UUID.randomUUID();
        UUID a4 = UUID.randomUUID();
        fact("APPEAL_FILED", a2, t.plus(Duration.ofDays(2)), null, "NOTIFIER", null);
        fact("APPEAL_FILED", UUID.randomUUID(), t.plus(Duration.ofDays(3)), null, "OWNER", null);
        fact("APPEAL_FILED", a4, t.minus(Duration.ofDays(10)), null, "OWNER", null);
        fact("APPEAL_RESOLVED", a2, t.plus(Duration.ofDays(5)), null, "REVERSED", null);
        fact("APPEAL_RESOLVED", a4, t.plus(Duration.ofDays(1)), null, "MODIFIED", null);
        UUID x2 = UUID.randomUUID();
        fact("DISPUTE_RECORDED", x2, t.plus(Duration.ofDays(5)), null, null, null);
        fact(
                "DISPUTE_SETTLED",
                x2,
                t.plus(Duration.ofDays(9)),
                t.plus(Duration.ofDays(5)),
                "IN_FAVOUR_OF_PROVIDER",
                false);
        fact(
                "DISPUTE_SETTLED",
                UUID.randomUUID(),
                t.plus(Duration.ofDays(2)),
                t.minus(Duration.ofDays(20)),
                "DISCONTINUED",
                false);
        fact(
                "DISPUTE_SETTLED",
                UUID.randomUUID(),
                t.plus(Duration.ofDays(7)),
                t.plus(Duration.ofDays(1)),
                "IN_FAVOUR_OF_RECIPIENT",
                false);
        fact("DISPUTE_RECORDED", UUID.randomUUID(), t.plus(Duration.ofDays(40)), null, null, null);
        fact("NOTIFIER_SUSPENDED", null, t.plus(Duration.ofDays(5)), null, null, null);
        fact("NOTIFIER_SUSPENDED", null, t.minus(Duration.ofDays(1)), null, null, null);
        fact("APPELLANT_SUSPENDED", null, t.plus(Duration.ofDays(28)), null, null, null); // the end is exclusive
        fact("DMCA_NOTICE", UUID.randomUUID(), t.plus(Duration.ofDays(6)), null, null, false);
        fact("DMCA_RESTORATION", UUID.randomUUID(), t.plus(Duration.ofDays(21)), null, "NOTICE_WITHDRAWN", null);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("from", t.toString());
        expected.put("to", t.plus(Duration.ofDays(28)).toString());
        expected.put(
                "notices",
                map(
                        "total",
                        6,
                        "withdrawn",
                        1,
                        "trustedFlagger",
                        1,
                        "automatedDetection",
                        2,
                        "bySource",
                        map(
                                "SOURCE_ARTICLE_16",
                                3,
                                "SOURCE_TRUSTED_FLAGGER",
                                1,
                                "SOURCE_TYPE_OTHER_NOTIFICATION",
                                1,
                                "SOURCE_VOLUNTARY",
                                1),
                        "byCategory",
                        categories(2, 0, 1, 1, 2),
                        "byCategoryAndSource",
                        map(
                                "UNLAWFUL", sources(1, 1, 0, 0),
                                "FRAUDULENT_OR_MALICIOUS", sources(0, 0, 0, 0),
                                "HARMFUL_OR_ABUSIVE", sources(1, 0, 0, 0),
                                "PRIVACY_AND_IP", sources(1, 0, 0, 0),
                                "PLATFORM_ABUSE", sources(0, 0, 1, 1)),
                        // r1 2 h, r2 4 h, r3 10 h, r4 1 h (its first decision); r5 was acted on of own initiative, r6
                        // not at all
                        "decided",
                        4,
                        "medianHoursToDecision",
                        3.0));
        expected.put(
                "decisions",
                map(
                        "total",
                        7,
                        "byOrigin",
                        map("REPORT", 5, "DMCA", 1, "APPEAL", 0, "OWN_INITIATIVE", 1),
                        "byAutomation",
                        map(
                                "AUTOMATED_DECISION_FULLY",
                                1,
                                "AUTOMATED_DECISION_PARTIALLY",
                                1,
                                "AUTOMATED_DECISION_NOT_AUTOMATED",
                                5),
                        "byGround",
                        grounds(3, 3, 1),
                        "byAction",
                        actions(0, 1, 0, 1, 2, 1, 0, 2, 0, 1),
                        "byActionAndGround",
                        map(
                                "REQUEST_CHANGES",
                                grounds(0, 0, 0),
                                "UNRANK",
                                grounds(0, 1, 0),
                                "TAG_NOT_FOR_ALL_AUDIENCES",
                                grounds(0, 0, 0),
                                "GATE",
                                grounds(0, 1, 0),
                                "DISABLE",
                                grounds(2, 0, 0),
                                "REMOVE",
                                grounds(1, 0, 0),
                                "RESTRICT_INTERACTIONS",
                                grounds(0, 0, 0),
                                "SUSPEND_ACCOUNT",
                                grounds(1, 1, 0),
                                "TERMINATE_ACCOUNT",
                                grounds(0, 0, 0),
                                "NO_ACTION",
                                grounds(0, 0, 1)),
                        "byCategory",
                        categories(2, 0, 1, 1, 3),
                        "reversals",
                        1));
        // filed: a1, a2, a3; decided: a1 (1.5 days), a2 (3), a4 (11, filed before the period)
        expected.put(
                "complaints",
                map(
                        "filed",
                        3,
                        "filedByRole",
                        map("OWNER", 2, "NOTIFIER", 1),
                        "decided",
                        3,
                        "byOutcome",
                        map("UPHELD", 1, "REVERSED", 1, "MODIFIED", 1),
                        "medianDaysToDecide",
                        3.0));
        // submitted: x1, x2; settled: x1 (8 days, implemented), x2 (4), x3 (22), x5 (6)
        expected.put(
                "disputes",
                map(
                        "submitted",
                        2,
                        "settled",
                        4,
                        "byOutcome",
                        map("IN_FAVOUR_OF_RECIPIENT", 2, "IN_FAVOUR_OF_PROVIDER", 1, "SETTLED", 0, "DISCONTINUED", 1),
                        "medianDaysToSettle",
                        7.0,
                        "implemented",
                        1));
        expected.put(
                "suspensions", map("accountsForIllegalContent", 1, "noticeProcessing", 2, "complaintProcessing", 1));
        expected.put(
                "dmca",
                map(
                        "notices",
                        3,
                        "completeNotices",
                        2,
                        "takedowns",
                        1,
                        "counterNotices",
                        1,
                        "courtActions",
                        1,
                        "restorations",
                        2,
                        "restorationsByReason",
                        map(
                                "COUNTER_NOTICE_PERIOD_ELAPSED",
                                1,
                                "NOTICE_WITHDRAWN",
                                1,
                                "NOTICE_REJECTED_ON_REVIEW",
                                0)));

        // The events arrive asynchronously; once all are applied the report is exactly the hand-computed one.
        Map<String, Object>[] json = new Map[1];
        await().atMost(WAIT).untilAsserted(() -> {
            String body = as("ada-auditor", "auditor")
                    .queryParam("from", from)
                    .queryParam("to", to)
                    .get(PATH)
                    .then()
                    .statusCode(200)
                    .contentType("application/json")
                    .extract()
                    .asString();
            json[0] = JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
            assertThat(json[0]).isEqualTo(expected);
        });
        // The corrected ending replaced the first: the dispute has one recorded and one settled fact.
        assertThat(Sql.count(db, "SELECT count(*) FROM transparency_fact WHERE ref_id = ?", x1))
                .isEqualTo(2);

        // --- CSV: the same numbers, one figure per line ---
        String csv = as("ada-auditor", "auditor")
                .accept("text/csv")
                .queryParam("from", from)
                .queryParam("to", to)
                .get(PATH)
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("section,figure,key,value");
        Map<String, String> fromCsv = new LinkedHashMap<>();
        lines.stream()
                .skip(1)
                .map(l -> l.split(",", -1))
                .forEach(f -> fromCsv.put(f[0] + "." + f[1] + (f[2].isEmpty() ? "" : "." + f[2]), f[3]));
        Map<String, String> fromJson = new LinkedHashMap<>();
        fromJson.put("period.from", t.toString());
        fromJson.put("period.to", t.plus(Duration.ofDays(28)).toString());
        flatten("", json[0], fromJson);
        fromJson.remove("from");
        fromJson.remove("to");
        assertThat(fromCsv).isEqualTo(fromJson);
        assertThat(lines)
                .contains(
                        "notices,bySource,SOURCE_ARTICLE_16,3",
                        "notices,medianHoursToDecision,,3",
                        "decisions,byActionAndGround,SUSPEND_ACCOUNT/DECISION_GROUND_ILLEGAL_CONTENT,1",
                        "complaints,medianDaysToDecide,,3",
                        "disputes,medianDaysToSettle,,7",
                        "suspensions,noticeProcessing,,2",
                        "dmca,completeNotices,,2");

        // --- HTML: the same figures as a page to publish, human words only, cross-tabulations as tables ---
        var htmlResponse = as("ada-auditor", "auditor")
                .accept("text/html")
                .queryParam("from", from)
                .queryParam("to", to)
                .get(PATH)
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/html"))
                .extract();
        String html = htmlResponse.asString();
        // The lead (and the console's authors) can look at a page rendered from real data.
        Files.writeString(Path.of("target", "transparency-sample.html"), html);
        assertThat(htmlResponse.header("Content-Security-Policy"))
                .isEqualTo(TransparencyReportHtml.CONTENT_SECURITY_POLICY)
                .contains("default-src 'none'");
        Document page = assertPublishableReportPage(html);
        assertThat(html).doesNotContain("@example.org", "reporter-", "notifier-1", "appellant-1");
        assertThat(page.select("h3").eachText())
                .contains("Notices by category and source", "Actions by ground", "Notices by source");
        assertThat(reportTable(page, "Notices by policy category (rows) and source (columns)"))
                .containsExactly(
                        entry(
                                "Policy category",
                                List.of(
                                        "Notice submitted in accordance with Article 16 DSA",
                                        "Notice submitted by a trusted flagger",
                                        "Other type of notification",
                                        "Own voluntary initiative",
                                        "Total")),
                        entry("Unlawful or illegal Content", List.of("1", "1", "0", "0", "2")),
                        entry("Fraudulent or Malicious Activities", List.of("0", "0", "0", "0", "0")),
                        entry("Harmful or Abusive Content", List.of("1", "0", "0", "0", "1")),
                        entry("Privacy and Intellectual Property (IP)", List.of("1", "0", "0", "0", "1")),
                        entry("Platform Abuse, Security Violations and Spam", List.of("0", "0", "1", "1", "2")),
                        entry("Total", List.of("3", "1", "1", "1", "6")));
        Map<String, List<String>> actionsByGround =
                reportTable(page, "Actions taken (rows) by ground of the decision (columns)");
        assertThat(actionsByGround.get("Account suspended")).containsExactly("1", "1", "0", "2");
        assertThat(actionsByGround.get("Access disabled")).containsExactly("2", "0", "0", "2");
        assertThat(actionsByGround.get("No action")).containsExactly("0", "0", "1", "1");
        assertThat(actionsByGround.get("Total")).containsExactly("4", "3", "1", "8");
        assertThat(reportTable(page, "Notices by source").get("Notice submitted in accordance with Article 16 DSA"))
                .containsExactly("3", "50%");
        assertThat(reportTable(page, "Decisions by what led to them").get("Notice (report)"))
                .containsExactly("5", "71%");
        assertThat(reportTable(page, "Disputes by outcome").get("Decided in favour of the recipient"))
                .containsExactly("2", "50%");
        assertThat(reportTable(page, "Out-of-court disputes in figures").get("Median duration"))
                .startsWith("7 days");
        assertThat(reportTable(page, "Suspensions in figures").get("Accounts suspended for illegal content"))
                .startsWith("1");
        assertThat(reportTable(page, "Notices in figures").get("Median time to decision"))
                .startsWith("3 hours");
    }

    @Test
    void onlyAuditorsAndAdminsReadTheReport() {
        String from = "2024-01-01";
        String to = "2024-01-31";
        anonymous()
                .queryParam("from", from)
                .queryParam("to", to)
                .get(PATH)
                .then()
                .statusCode(401);
        as("uma", "user")
                .queryParam("from", from)
                .queryParam("to", to)
                .get(PATH)
                .then()
                .statusCode(403);
        moderator("mia")
                .queryParam("from", from)
                .queryParam("to", to)
                .get(PATH)
                .then()
                .statusCode(403);
        as("sam", "senior-moderator", "legal")
                .queryParam("from", from)
                .queryParam("to", to)
                .get(PATH)
                .then()
                .statusCode(403);
        as("ada", "auditor")
                .queryParam("from", from)
                .queryParam("to", to)
                .get(PATH)
                .then()
                .statusCode(200);
        as("adm", "admin")
                .queryParam("from", from)
                .queryParam("to", to)
                .get(PATH)
                .then()
                .statusCode(200);
    }

    @Test
    void aBadPeriodIsRefusedNamingTheField() {
        problem(null, "2026-01-31", "query.from", "is required");
        problem("2026-01-01", null, "query.to", "is required");
        problem("yesterday", "2026-01-31", "query.from", "must be a date");
        problem("2026-01-01", "2026-13-01", "query.to", "must be a date");
        problem("2026-02-01", "2026-01-01", "query.to", "must be after query.from");
        problem("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "query.to", "must be after query.from");
        problem("2024-01-01", "2025-01-01", "query.to", "at most 366 days");
        // A whole leap year is allowed, and times work as well as dates.
        as("ada", "auditor")
                .queryParam("from", "2024-01-01")
                .queryParam("to", "2024-12-31")
                .get(PATH)
                .then()
                .statusCode(200);
        as("ada", "auditor")
                .queryParam("from", "2024-01-01T06:00:00Z")
                .queryParam("to", "2024-01-01T18:00:00Z")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("to", equalTo("2024-01-01T18:00:00Z"));
    }

    private void problem(String from, String to, String field, String message) {
        var request = as("ada", "auditor");
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        request.get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", org.hamcrest.Matchers.containsString(message));
    }

    // --- the data set ---

    private static Duration h(long hours) {
        return Duration.ofHours(hours);
    }

    private static ReportFiled report(
            PolicyCategory category, ReportChannel channel, SourceType source, Instant filedAt) {
        String reporter = newUser("reporter");
        return new ReportFiled(
                UUID.randomUUID(),
                newModel(),
                category,
                null,
                "This breaks the policy, see the card.",
                List.of(),
                channel,
                source,
                channel == ReportChannel.DETECTOR,
                source == SourceType.SOURCE_TRUSTED_FLAGGER,
                ReportVisibility.PUBLIC,
                reporter,
                reporter + "@example.org",
                "DE",
                filedAt);
    }

    private UUID decision(
            String caseId,
            ReportFiled on,
            String kind,
            String status,
            String actions,
            String ground,
            String category,
            String automated,
            String origin,
            List<UUID> reportIds,
            Instant decidedAt,
            UUID reverses) {
        UUID id = UUID.randomUUID();
        Instant created = decidedAt != null ? decidedAt : on.filedAt();
        Sql.update(
                db,
                """
                INSERT INTO decision (id, case_id, kind, status, subject_key, owner_id, actions, ground, category, facts,
                    explanation, policy_version, decided_by, automated_decision, origin, report_ids, notice_id,
                    reverses_decision_id, needs_approval, created_at, decided_at)
                VALUES (?::uuid, ?::uuid, ?, ?, ?, 'owner-1', ARRAY(SELECT jsonb_array_elements_text(?::jsonb)), ?, ?, 'Facts.',
                    'Explanation.', '2025-04-10', 'mod-1', ?, ?, ARRAY(SELECT jsonb_array_elements_text(?::jsonb))::uuid[],
                    ?::uuid, ?::uuid, false, ?, ?)
                """,
                id.toString(),
                caseId,
                kind,
                status,
                on.subject().key(),
                actions,
                ground,
                category,
                automated,
                origin,
                reportIds.stream().map(r -> "\"" + r + "\"").toList().toString().replace(" ", ""),
                origin.equals("DMCA") ? UUID.randomUUID().toString() : null,
                reverses == null ? null : reverses.toString(),
                utc(created),
                decidedAt == null ? null : utc(decidedAt));
        return id;
    }

    private void fact(String kind, UUID ref, Instant at, Instant startedAt, String detail, Boolean flag) {
        Sql.update(
                db,
                "INSERT INTO transparency_fact (kind, ref_id, at, started_at, detail, flag, recorded_at) "
                        + "VALUES (?, ?::uuid, ?, ?, ?, ?, now())",
                kind,
                ref == null ? null : ref.toString(),
                utc(at),
                startedAt == null ? null : utc(startedAt),
                detail,
                flag);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> categories(int unlawful, int fraudulent, int harmful, int privacy, int abuse) {
        return map(
                "UNLAWFUL",
                unlawful,
                "FRAUDULENT_OR_MALICIOUS",
                fraudulent,
                "HARMFUL_OR_ABUSIVE",
                harmful,
                "PRIVACY_AND_IP",
                privacy,
                "PLATFORM_ABUSE",
                abuse);
    }

    private static Map<String, Object> sources(int article16, int trusted, int other, int voluntary) {
        return map(
                "SOURCE_ARTICLE_16",
                article16,
                "SOURCE_TRUSTED_FLAGGER",
                trusted,
                "SOURCE_TYPE_OTHER_NOTIFICATION",
                other,
                "SOURCE_VOLUNTARY",
                voluntary);
    }

    private static Map<String, Object> grounds(int illegal, int incompatible, int none) {
        return map(
                "DECISION_GROUND_ILLEGAL_CONTENT",
                illegal,
                "DECISION_GROUND_INCOMPATIBLE_CONTENT",
                incompatible,
                "NONE",
                none);
    }

    private static Map<String, Object> actions(int... counts) {
        String[] names = {
            "REQUEST_CHANGES",
            "UNRANK",
            "TAG_NOT_FOR_ALL_AUDIENCES",
            "GATE",
            "DISABLE",
            "REMOVE",
            "RESTRICT_INTERACTIONS",
            "SUSPEND_ACCOUNT",
            "TERMINATE_ACCOUNT",
            "NO_ACTION"
        };
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], counts[i]);
        }
        return map;
    }

    /** JSON leaves as {@code section.figure[.key]} → the CSV's spelling of the value. */
    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> node, Map<String, String> out) {
        node.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> child) {
                // byCategoryAndSource and byActionAndGround are written outer/inner in one key column
                boolean nested = child.values().stream().anyMatch(v -> v instanceof Map);
                if (nested && !prefix.isEmpty() && !prefix.contains(".")) {
                    ((Map<String, Object>) child)
                            .forEach((outer, inner) -> ((Map<String, Object>) inner)
                                    .forEach((k, v) -> out.put(path + "." + outer + "/" + k, csvNumber(v))));
                } else {
                    flatten(path, (Map<String, Object>) child, out);
                }
            } else {
                out.put(path, csvNumber(value));
            }
        });
    }

    private static String csvNumber(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }
}

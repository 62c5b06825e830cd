package org.modhub.moderation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.e2e.Hub.address;
import static org.modhub.moderation.e2e.Hub.unique;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.e2e.OtlpSpans.ReceivedSpan;

/**
 * One trace follows a report (issue 29): from {@code POST /api/v1/reports} in reporting-service, through the outbox
 * and Kafka to review-service, which opens the case, and to notification-service, which sends the reporter's receipt
 * over SMTP. Every service exports to the suite's in-process OTLP receiver; only traces a caller starts sampled are
 * kept, so this test starts one with its own {@code traceparent}.
 */
class TracingIT {

    static Suite suite;
    static Hub hub;

    @BeforeAll
    static void start() {
        suite = Suite.get();
        hub = new Hub(suite);
    }

    @Test
    void oneTraceFollowsAReportToItsCaseAndItsReceiptMail() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));
        String reporter = unique("traced");
        String owner = hub.newOwner("owner");
        String repo = owner + "/" + unique("casino");

        Api.Response filed = hub.as("reporting", reporter, "user")
                .withHeader("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .post("/api/v1/reports", Hub.reportBody(repo, reporter));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        hub.awaitOpenCase("model:" + repo);
        hub.awaitDelivered(address(reporter), "report-receipt");

        Map<String, ReceivedSpan> path = await("the spans of the report's trace")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> pathOf(traceId), Optional::isPresent)
                .get();

        ReceivedSpan request = path.get("request");
        ReceivedSpan intoCase = path.get("case");
        ReceivedSpan mailRequest = path.get("mail request");
        ReceivedSpan smtp = path.get("smtp");
        assertThat(request.service()).isEqualTo("reporting-service");
        assertThat(request.parentSpanId()).as("the caller's span").isEqualTo(callerSpan);
        assertThat(intoCase.service()).isEqualTo("review-service");
        assertThat(mailRequest.service()).isEqualTo("notification-service");
        assertThat(smtp.service()).isEqualTo("notification-service");
        assertThat(smtp.parentSpanId())
                .as("the mail is sent under the span that queued it")
                .isEqualTo(mailRequest.spanId());
        List<ReceivedSpan> trace = spansOf(traceId);
        assertThat(List.of(intoCase, mailRequest))
                .as("each consumer's parent is a span of this trace")
                .allSatisfy(consumer ->
                        assertThat(trace).extracting(ReceivedSpan::spanId).contains(consumer.parentSpanId()));
        System.out.println("e2e tracing: trace " + traceId + " has " + trace.size() + " spans: "
                + trace.stream().map(s -> s.service() + " " + s.name()).collect(Collectors.joining(", ")));
    }

    /** The request, case, mail-request and SMTP spans of the trace, once all four were received. */
    private static Optional<Map<String, ReceivedSpan>> pathOf(String traceId) {
        List<ReceivedSpan> trace = spansOf(traceId);
        Optional<ReceivedSpan> request =
                first(trace, s -> s.name().startsWith("POST ") && s.name().contains("/reports"));
        Optional<ReceivedSpan> intoCase =
                first(trace, s -> s.name().equals("review.reporting-events process ReportFiled"));
        Optional<ReceivedSpan> mailRequest =
                first(trace, s -> s.name().equals("notification.requests process NotificationRequested"));
        Optional<ReceivedSpan> smtp = first(trace, s -> s.name().equals("smtp send report-receipt"));
        if (request.isEmpty() || intoCase.isEmpty() || mailRequest.isEmpty() || smtp.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Map.of(
                "request", request.get(),
                "case", intoCase.get(),
                "mail request", mailRequest.get(),
                "smtp", smtp.get()));
    }

    private static List<ReceivedSpan> spansOf(String traceId) {
        return suite.traces.spans().stream()
                .filter(s -> s.traceId().equals(traceId))
                .toList();
    }

    private static Optional<ReceivedSpan> first(List<ReceivedSpan> spans, Predicate<ReceivedSpan> which) {
        return spans.stream().filter(which).findFirst();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}

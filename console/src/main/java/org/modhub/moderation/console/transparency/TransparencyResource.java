package org.modhub.moderation.console.transparency;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.modhub.moderation.console.services.AuditEntry;
import org.modhub.moderation.console.services.ReviewAuditApi;
import org.modhub.moderation.console.services.SubmissionStatus;
import org.modhub.moderation.console.web.Labels;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * For auditors: the DSA transparency report of a period (Art. 15, 24) rendered from review-service's JSON
 * with the console's own labels and tables, how statements of reasons stand with the EU Transparency
 * Database, and the audit log. review-service decides who may read them; the page only asks.
 */
@Path("/transparency")
@Produces(MediaType.TEXT_HTML)
public class TransparencyResource {

    /** The period shown when none is asked for: the last 30 days, today included. */
    static final int DEFAULT_DAYS = 30;

    static final int AUDIT_PAGE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(ReportView report, Period period, Submissions submissions);

        static native TemplateInstance auditLog(List<AuditRow> rows, String nextCursor, AuditFilters filters);
    }

    /** The period as the form sent it: ISO dates, {@code to} included. */
    public record Period(String from, String to) {}

    /** The submission counts with their states in words, and what the service said about the oldest one. */
    public record Submissions(boolean enabled, List<StateCount> byState, long total, SubmissionStatus status) {}

    /** How many statements are in one state, the state in words (the code kept for a CSS class). */
    public record StateCount(String state, String label, long count) {}

    /** One audit entry with its action in words ("case.claimed" reads "Case claimed"). */
    public record AuditRow(AuditEntry entry, String action, String entityType) {

        static AuditRow of(AuditEntry e) {
            return new AuditRow(e, ReportLabels.auditCode(e.action()), ReportLabels.auditCode(e.entityType()));
        }
    }

    /** The audit log's filters; blank means any. */
    public record AuditFilters(String caseId, String actor, String entityId) {

        public String next(String cursor) {
            return "?caseId=" + encode(caseId) + "&actor=" + encode(actor) + "&entityId=" + encode(entityId)
                    + "&cursor=" + encode(cursor);
        }

        private static String encode(String s) {
            return s == null ? "" : java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Inject
    @RestClient
    ReviewAuditApi review;

    @GET
    public Uni<TemplateInstance> report(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Period period = new Period(
                blank(from) ? today.minusDays(DEFAULT_DAYS - 1).toString() : from.strip(),
                blank(to) ? today.toString() : to.strip());
        return Uni.combine()
                .all()
                .unis(review.transparencyReport(period.from(), period.to()), review.submissions())
                .asTuple()
                .map(both -> Templates.report(ReportView.of(both.getItem1()), period, submissions(both.getItem2())));
    }

    @GET
    @Path("/audit-log")
    public Uni<TemplateInstance> auditLog(
            @QueryParam("caseId") String caseId,
            @QueryParam("actor") String actor,
            @QueryParam("entityId") String entityId,
            @QueryParam("cursor") String cursor) {
        AuditFilters filters = new AuditFilters(trim(caseId), trim(actor), trim(entityId));
        return review.auditLog(filters.caseId(), filters.actor(), filters.entityId(), trim(cursor), AUDIT_PAGE)
                .map(page -> Templates.auditLog(
                        page.items().stream().map(AuditRow::of).toList(), page.nextCursor(), filters));
    }

    private static Submissions submissions(SubmissionStatus status) {
        List<StateCount> byState = new ArrayList<>();
        // The states in a fixed order, each shown even at zero, then any the console does not know yet.
        STATES.forEach((state, label) ->
                byState.add(new StateCount(state, label, status.statements().getOrDefault(state, 0L))));
        status.statements().forEach((state, count) -> {
            if (!STATES.containsKey(state)) {
                byState.add(new StateCount(state, Labels.words(state), count));
            }
        });
        long total = byState.stream().mapToLong(StateCount::count).sum();
        return new Submissions(status.enabled(), List.copyOf(byState), total, status);
    }

    private static final Map<String, String> STATES = new LinkedHashMap<>();

    static {
        STATES.put("PENDING", "Waiting to be submitted");
        STATES.put("SUBMITTED", "Accepted by the database");
        STATES.put("INVALID", "Refused by the database as invalid");
        STATES.put("SKIPPED", "Skipped: no statement due");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}

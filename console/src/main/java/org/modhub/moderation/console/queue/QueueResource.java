package org.modhub.moderation.console.queue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.modhub.moderation.console.services.CaseSummary;
import org.modhub.moderation.console.services.Paged;
import org.modhub.moderation.console.services.ReviewApi;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.Severity;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The queue: cases most urgent first (the review service orders them by priority, then due time), with
 * filters and a claim button per row. The service decides who may see and claim; this page only asks.
 */
@Path("/queue")
@Produces(MediaType.TEXT_HTML)
public class QueueResource {

    static final List<String> STATES = List.of("OPEN", "CLAIMED", "AWAITING_OWNER", "PENDING_APPROVAL", "CLOSED");
    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(
                Paged<CaseSummary> page,
                Filters filters,
                List<PolicyCategory> categories,
                List<Severity> severities,
                List<String> states);

        static native TemplateInstance queue$row(CaseSummary c);
    }

    /** The filters as the form sent them; blank means "any". */
    public record Filters(
            String state, String category, String priority, String assignee, boolean overdue, String cursor) {

        /** The query string for the next page with the same filters. */
        public String next(String nextCursor) {
            StringBuilder q = new StringBuilder("?state=").append(state == null ? "" : state);
            append(q, "category", category);
            append(q, "priority", priority);
            append(q, "assignee", assignee);
            if (overdue) {
                q.append("&overdue=true");
            }
            append(q, "cursor", nextCursor);
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append('&')
                        .append(name)
                        .append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Inject
    @RestClient
    ReviewApi review;

    @GET
    public Uni<TemplateInstance> queue(
            @QueryParam("state") String state,
            @QueryParam("category") String category,
            @QueryParam("priority") String priority,
            @QueryParam("assignee") String assignee,
            @QueryParam("overdue") boolean overdue,
            @QueryParam("cursor") String cursor) {
        // No state in the address means the unclaimed queue; "any" (an empty value) is asked for explicitly.
        String wanted = state == null ? "OPEN" : state;
        Filters filters = new Filters(wanted, category, priority, assignee, overdue, cursor);
        return review.cases(
                        blankToNull(wanted),
                        blankToNull(category),
                        blankToNull(priority),
                        blankToNull(assignee),
                        overdue ? "true" : null,
                        blankToNull(cursor),
                        PAGE_SIZE)
                .map(page -> Templates.queue(
                        page,
                        filters,
                        Arrays.asList(PolicyCategory.values()),
                        Arrays.asList(Severity.values()),
                        STATES));
    }

    /** Claims from the list: the row comes back as the service now sees the case. */
    @POST
    @Path("/{id}/claim")
    public Uni<TemplateInstance> claim(@PathParam("id") String id) {
        return review.claim(id).map(Templates::queue$row);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

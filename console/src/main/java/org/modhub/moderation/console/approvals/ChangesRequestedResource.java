package org.modhub.moderation.console.approvals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.modhub.moderation.console.services.CaseSummary;
import org.modhub.moderation.console.services.CaseWork;
import org.modhub.moderation.console.services.ReviewDecisionsApi;
import org.modhub.moderation.console.web.SignedIn;

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
 * What came back to a moderator: cases waiting for the owner to change the subject (with the owner's deadline),
 * and cases sent back to their decider: a decision rejected by the approver, or the owner's answer or silence.
 * review-service has no "sent back to" filter, so returned cases are read from the open queue by their return
 * reason and matched to the decider through the case's decisions and owner requests.
 */
@Path("/changes-requested")
@Produces(MediaType.TEXT_HTML)
public class ChangesRequestedResource {

    static final int PAGE_SIZE = 100;
    /** How many pages of the open queue are searched for returned cases (a return reason is rare). */
    static final int MAX_PAGES = 5;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance changesRequested(List<Waiting> waiting, List<Returned> returned, boolean all);
    }

    /** A case waiting for its owner, with the request the owner has to answer. */
    public record Waiting(CaseSummary c, CaseWork.OwnerRequest request) {

        static Waiting of(CaseWork work) {
            CaseWork.OwnerRequest open = work.ownerRequests().stream()
                    .filter(CaseWork.OwnerRequest::open)
                    .max(Comparator.comparing(
                            CaseWork.OwnerRequest::requestedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .orElse(null);
            return new Waiting(work.summary(), open);
        }

        public boolean overdue() {
            return request != null && request.overdue();
        }

        public String askedBy() {
            return request != null ? request.requestedBy() : c.assignee();
        }
    }

    /**
     * A case back in the queue, and why: the decision the approver rejected (with the reason), or the owner's
     * answer or silence after a request.
     */
    public record Returned(
            CaseSummary c, org.modhub.moderation.console.services.Decision rejected, CaseWork.OwnerRequest request) {

        static Returned of(CaseWork work) {
            CaseSummary c = work.summary();
            var rejected = work.decisions().stream()
                    .filter(d ->
                            "REJECTED".equals(d.status()) && c.returnReason().contains(d.id()))
                    .findFirst()
                    .orElse(null);
            CaseWork.OwnerRequest request = rejected != null
                    ? null
                    : work.ownerRequests().stream()
                            .filter(r -> !r.open())
                            .max(Comparator.comparing(
                                    CaseWork.OwnerRequest::requestedAt,
                                    Comparator.nullsFirst(Comparator.naturalOrder())))
                            .orElse(null);
            return new Returned(c, rejected, request);
        }

        /** Whose work it was: the decider of the rejected decision, or who asked the owner. */
        public String sentBackTo() {
            if (rejected != null) {
                return rejected.decidedBy();
            }
            return request != null ? request.requestedBy() : null;
        }
    }

    @Inject
    @RestClient
    ReviewDecisionsApi review;

    @Inject
    SignedIn me;

    @GET
    public Uni<TemplateInstance> changesRequested(@QueryParam("all") boolean all) {
        String myId = me.id();
        Uni<List<Waiting>> waiting = review.cases("AWAITING_OWNER", all ? null : myId, null, PAGE_SIZE)
                .chain(page -> details(page.items()))
                .map(works -> works.stream().map(Waiting::of).toList());
        Uni<List<Returned>> returned = returnedCases(null, 0, new ArrayList<>())
                .chain(this::details)
                .map(works -> works.stream()
                        .map(Returned::of)
                        .filter(r -> all || myId.equals(r.sentBackTo()))
                        .toList());
        return Uni.combine()
                .all()
                .unis(waiting, returned)
                .asTuple()
                .map(t -> Templates.changesRequested(t.getItem1(), t.getItem2(), all));
    }

    /** Open cases that carry a return reason, page after page of the queue, up to {@link #MAX_PAGES}. */
    private Uni<List<CaseSummary>> returnedCases(String cursor, int pages, List<CaseSummary> found) {
        return review.cases("OPEN", null, cursor, PAGE_SIZE).chain(page -> {
            page.items().stream()
                    .filter(c -> c.returnReason() != null && !c.returnReason().isBlank())
                    .forEach(found::add);
            if (page.nextCursor() == null || pages + 1 >= MAX_PAGES) {
                return Uni.createFrom().item(found);
            }
            return returnedCases(page.nextCursor(), pages + 1, found);
        });
    }

    private Uni<List<CaseWork>> details(List<CaseSummary> cases) {
        if (cases.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<CaseWork>> each =
                cases.stream().map(c -> review.caseWork(c.id())).toList();
        return Uni.join().all(each).andFailFast();
    }
}

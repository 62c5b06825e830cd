package org.modhub.moderation.appeals.privacy.ledger;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import org.jboss.resteasy.reactive.RestResponse;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.kit.security.Caller;
import org.modhub.moderation.kit.validation.Page;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.kit.validation.Params;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * The ledger of data subjects' requests (GDPR Arts. 15 and 17): legal and admins record a request, which every service
 * answers; legal, admins and auditors follow each service's answer; legal and admins download the document to send.
 */
@Path("/api/v1/privacy/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PrivacyRequestResource {

    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 200;

    private final PrivacyLedger ledger;
    private final SecurityIdentity identity;
    private final Clock clock;

    public PrivacyRequestResource(PrivacyLedger ledger, SecurityIdentity identity, Clock clock) {
        this.ledger = ledger;
        this.identity = identity;
        this.clock = clock;
    }

    /** Records a request and sends it to every service: 201 with {@code Location} and the request, all WAITING. */
    @POST
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN})
    public Uni<RestResponse<PrivacyRequestView>> record(PrivacyRequestBody body, UriInfo uri) {
        PrivacyLedger.NewRequest input = PrivacyRequestChecks.check(body);
        return ledger.record(input, Caller.of(identity).id()).map(entry -> {
            URI location = uri.getBaseUriBuilder()
                    .path("api/v1/privacy/requests")
                    .path(entry.request().id.toString())
                    .build();
            return RestResponse.ResponseBuilder.<PrivacyRequestView>created(location)
                    .entity(PrivacyViews.view(entry, ledger.expectedServices()))
                    .build();
        });
    }

    /** Every request, newest first: {@code {items, nextCursor}}. */
    @GET
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN, Roles.AUDITOR})
    public Uni<Page<PrivacyRequestView>> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = Params.limit(limit, DEFAULT_PAGE, MAX_PAGE);
        PageCursor after = PageCursor.decode(cursor);
        return ledger.newestFirst(after, size + 1)
                .map(rows -> Page.of(
                        rows, size, PrivacyLedger::cursorOf, e -> PrivacyViews.view(e, ledger.expectedServices())));
    }

    /** One request with every service's answer so far. */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN, Roles.AUDITOR})
    public Uni<PrivacyRequestView> get(@PathParam("id") String id) {
        UUID requestId = Params.id(id, "Privacy request");
        return ledger.get(requestId).map(e -> PrivacyViews.view(e, ledger.expectedServices()));
    }

    /**
     * The request's document, as a download: everything the services answered, item by item ({@code complete=false}
     * and the services still {@code waiting} while some have not answered).
     */
    @GET
    @Path("/{id}/document")
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN})
    public Uni<RestResponse<PrivacyDocument>> document(@PathParam("id") String id) {
        UUID requestId = Params.id(id, "Privacy request");
        return ledger.withItems(requestId)
                .map(found -> RestResponse.ResponseBuilder.ok(PrivacyViews.document(
                                found.getKey(), found.getValue(), ledger.expectedServices(), clock.instant()))
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                "attachment; filename=\"privacy-request-" + requestId + ".json\"")
                        .build());
    }
}

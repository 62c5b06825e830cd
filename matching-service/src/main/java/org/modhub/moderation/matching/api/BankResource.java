package org.modhub.moderation.matching.api;

import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.RestResponse;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.security.Caller;
import org.modhub.moderation.kit.validation.FieldChecks;
import org.modhub.moderation.kit.validation.Page;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.kit.validation.Params;
import org.modhub.moderation.matching.config.MatchingConfig;
import org.modhub.moderation.matching.domain.Bank;
import org.modhub.moderation.matching.domain.BankImports;
import org.modhub.moderation.matching.domain.SignalCsv;
import org.modhub.moderation.matching.persistence.BankExporter;
import org.modhub.moderation.matching.persistence.BankImportEntity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

/** The bank for staff: imports and exports of hash lists, what holds a hash, and the bank's size. */
@Path("/api/v1/bank")
@Produces(MediaType.APPLICATION_JSON)
public class BankResource {

    static final String CSV = "text/csv";
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 200;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final BankImports imports;
    private final BankExporter exporter;
    private final Bank bank;
    private final MatchingConfig config;
    private final SecurityIdentity identity;

    public BankResource(
            BankImports imports, BankExporter exporter, Bank bank, MatchingConfig config, SecurityIdentity identity) {
        this.imports = imports;
        this.exporter = exporter;
        this.bank = bank;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Path("/imports")
    @Consumes(CSV)
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN})
    public Uni<RestResponse<ImportResponse>> importCsv(byte[] body, UriInfo uri) {
        if (body == null || body.length == 0) {
            new FieldChecks()
                    .add("body", "is required: a CSV list with the header " + SignalCsv.HEADER)
                    .throwIfAny();
        }
        return imports.importCsv(body, Caller.of(identity).id())
                .map(entity -> RestResponse.ResponseBuilder.<ImportResponse>created(uri.getBaseUriBuilder()
                                .path("api/v1/bank/imports")
                                .path(entity.id.toString())
                                .build())
                        .entity(ImportResponse.of(entity))
                        .build());
    }

    @GET
    @Path("/imports")
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN, Roles.AUDITOR})
    public Uni<Page<ImportResponse>> listImports(
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = Params.limit(limit, DEFAULT_PAGE, MAX_PAGE);
        PageCursor after = PageCursor.decode(cursor);
        return Panache.withSession(() -> BankImportEntity.page(after, size + 1))
                .map(rows -> Page.of(rows, size, BankImportEntity::cursor, ImportResponse::of));
    }

    @GET
    @Path("/imports/{id}")
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN, Roles.AUDITOR})
    public Uni<ImportResponse> getImport(@PathParam("id") String id) {
        return imports.get(Params.id(id, "Import")).map(ImportResponse::of);
    }

    @DELETE
    @Path("/imports/{id}")
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN})
    public Uni<ImportResponse> withdrawImport(@PathParam("id") String id) {
        UUID importId = Params.id(id, "Import");
        return imports.withdraw(importId, Caller.of(identity).id()).map(ImportResponse::of);
    }

    @GET
    @Path("/export")
    @Produces(CSV)
    @Blocking
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN, Roles.AUDITOR})
    public Response export(@QueryParam("origin") String origin) {
        BankExporter.Origin which = origin == null || origin.isBlank()
                ? BankExporter.Origin.ALL
                : Params.oneOf(BankExporter.Origin.class, origin.toUpperCase(Locale.ROOT), "origin");
        String sourceName = config.export().sourceName();
        StreamingOutput body = out -> exporter.write(out, which, sourceName);
        return Response.ok(body, CSV + "; charset=utf-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"bank-" + which.name().toLowerCase(Locale.ROOT) + ".csv\"")
                .build();
    }

    @GET
    @Path("/hashes/{sha256}")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN, Roles.AUDITOR})
    public HashResponse hash(@PathParam("sha256") String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw ProblemException.notFound("Hash", sha256);
        }
        String hex = sha256.toLowerCase(Locale.ROOT);
        var holders = bank.allSources(hex).stream()
                .sorted(Comparator.comparingInt(s -> s.id()))
                .map(s -> new HashResponse.Holder(
                        s.id(),
                        s.kind().name(),
                        s.decisionId(),
                        s.subjectKey(),
                        s.importId(),
                        s.listSource(),
                        s.reason(),
                        s.verdict(),
                        s.active()))
                .toList();
        if (holders.isEmpty()) {
            throw ProblemException.notFound("Hash", hex);
        }
        return new HashResponse(hex, holders);
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN, Roles.AUDITOR})
    public StatsResponse stats() {
        return new StatsResponse(
                bank.index().entries(),
                bank.sourceCount(),
                bank.activeSourceCount(),
                bank.index().memoryBytes(),
                bank.revision(),
                bank.loadedAt().orElse(null));
    }
}

package org.modhub.moderation.console.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.modhub.moderation.console.services.BankHash;
import org.modhub.moderation.console.services.BankImport;
import org.modhub.moderation.console.services.BankStats;
import org.modhub.moderation.console.services.MatchingApi;
import org.modhub.moderation.console.services.Paged;
import org.modhub.moderation.console.services.ReviewDecisionsApi;
import org.modhub.moderation.console.web.SignedIn;
import org.modhub.moderation.contracts.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The hash bank (matching-service): its size, the imported lists with who imported and withdrew them, importing a
 * list (a CSV file the browser uploads, forwarded as it is), the export, and what holds one hash. Everyone on the
 * staff may look a hash up; legal and admins import and withdraw, auditors read. The service decides, with the
 * person's own token; the page only leaves out what their roles cannot use.
 */
@Path("/bank")
@Produces(MediaType.TEXT_HTML)
public class BankResource {

    static final int PAGE_SIZE = 50;
    /** Who keeps the bank (imports, withdrawals) and who may read its lists. */
    static final String[] KEEPERS = {Roles.LEGAL, Roles.ADMIN};

    static final String[] READERS = {Roles.LEGAL, Roles.ADMIN, Roles.AUDITOR};
    /** The export's {@code origin} values; anything else goes to the service, which refuses it. */
    static final Set<String> ORIGINS = Set.of("all", "decisions", "imports");
    /** Fired after a change, so the parts of the page that show the bank fetch it again. */
    static final String IMPORTED = "bank-imported";

    static final String WITHDRAWN = "bank-withdrawn";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance bank(BankStats stats, Paged<BankImport> imports, String cursor, BankImport done);

        static native TemplateInstance bank$stats(BankStats stats);

        static native TemplateInstance bank$imports(Paged<BankImport> imports, String cursor);

        static native TemplateInstance bank$row(BankImport i);

        static native TemplateInstance bank$importer(BankImport done);

        static native TemplateInstance hash(String sha256, BankHash found, Map<String, String> cases);
    }

    private final MatchingApi matching;
    private final ReviewDecisionsApi decisions;
    private final SignedIn me;

    public BankResource(@RestClient MatchingApi matching, @RestClient ReviewDecisionsApi decisions, SignedIn me) {
        this.matching = matching;
        this.decisions = decisions;
        this.me = me;
    }

    @GET
    public Uni<TemplateInstance> bank(@QueryParam("cursor") String cursor) {
        Uni<Paged<BankImport>> imports = me.hasAny(READERS)
                ? matching.imports(blankToNull(cursor), PAGE_SIZE)
                : Uni.createFrom().nullItem();
        return Uni.combine()
                .all()
                .unis(matching.stats(), imports)
                .asTuple()
                .map(t -> Templates.bank(t.getItem1(), t.getItem2(), blankToNull(cursor), null));
    }

    /** The figures again, after an import or a withdrawal. */
    @GET
    @Path("/stats")
    public Uni<TemplateInstance> stats() {
        return matching.stats().map(Templates::bank$stats);
    }

    /** The list of imports again (the same page of it), after an import. */
    @GET
    @Path("/imports")
    public Uni<TemplateInstance> imports(@QueryParam("cursor") String cursor) {
        return matching.imports(blankToNull(cursor), PAGE_SIZE)
                .map(page -> Templates.bank$imports(page, blankToNull(cursor)));
    }

    /**
     * The uploaded file goes to the service as {@code text/csv}, byte for byte; a bad row comes back as the service's
     * refusal, naming its line and column, and nothing is imported. No file at all is the service's to refuse too.
     */
    @POST
    @Path("/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    public Uni<Response> importList(@RestForm("file") FileUpload file) {
        byte[] csv = read(file);
        return matching.importCsv(csv)
                .map(done -> Response.ok(Templates.bank$importer(done).render(), MediaType.TEXT_HTML_TYPE)
                        .header("HX-Trigger", IMPORTED)
                        .build());
    }

    /** Takes the list's hashes out of the bank; the row comes back as the service now holds it. */
    @POST
    @Path("/imports/{id}/withdraw")
    public Uni<Response> withdraw(@PathParam("id") String id) {
        return matching.withdraw(id)
                .map(i -> Response.ok(Templates.bank$row(i).render(), MediaType.TEXT_HTML_TYPE)
                        .header("HX-Trigger", WITHDRAWN)
                        .build());
    }

    /** The active entries as a CSV download, streamed through from the service as it writes them. */
    @GET
    @Path("/export")
    @Produces(MatchingApi.CSV)
    public RestMulti<byte[]> export(@QueryParam("origin") String origin) {
        String which = origin == null || origin.isBlank() ? "all" : origin.toLowerCase(Locale.ROOT);
        String name = ORIGINS.contains(which) ? "bank-" + which + ".csv" : "bank.csv";
        return RestMulti.fromMultiData(matching.export(which))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Content-Type", MatchingApi.CSV + "; charset=utf-8")
                .build();
    }

    /** The look-up form's target: to the hash's own page, which a case's matched file links to as well. */
    @GET
    @Path("/hashes")
    public Response lookup(@QueryParam("sha256") String sha256) {
        if (sha256 == null || sha256.isBlank()) {
            return Response.seeOther(URI.create("/bank#lookup")).build();
        }
        return Response.seeOther(
                        URI.create("/bank/hashes/" + URLEncoder.encode(sha256.strip(), StandardCharsets.UTF_8)))
                .build();
    }

    /**
     * Every source that holds or held the hash, each decision linked to its case where review-service shows that
     * decision to this person. A hash no source ever held is said so (the service's 404), not shown as an error.
     */
    @GET
    @Path("/hashes/{sha256}")
    public Uni<Response> hash(@PathParam("sha256") String sha256) {
        return matching.hash(sha256)
                .chain(found -> cases(found)
                        .map(cases -> Response.ok(Templates.hash(found.sha256(), found, cases)
                                        .render())
                                .build()))
                .onFailure(BankResource::notBanked)
                .recoverWithItem(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(Templates.hash(sha256, null, Map.of()).render())
                        .build());
    }

    private Uni<Map<String, String>> cases(BankHash found) {
        List<String> decisionIds = found.sources().stream()
                .map(BankHash.Source::decisionId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (decisionIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<Map.Entry<String, String>>> lookups = decisionIds.stream()
                .map(decisionId -> decisions
                        .decision(decisionId)
                        .map(d -> d.caseId() == null ? null : Map.entry(decisionId, d.caseId()))
                        .onFailure()
                        .recoverWithNull())
                .toList();
        return Uni.join().all(lookups).andCollectFailures().map(held -> {
            Map<String, String> out = new HashMap<>();
            held.stream().filter(Objects::nonNull).forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    private static boolean notBanked(Throwable failure) {
        return failure instanceof ClientWebApplicationException e
                && e.getResponse() != null
                && e.getResponse().getStatus() == 404;
    }

    private static byte[] read(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return new byte[0];
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

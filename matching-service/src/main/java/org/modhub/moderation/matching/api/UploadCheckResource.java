package org.modhub.moderation.matching.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.contracts.subject.InvalidSubjectException;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.validation.FieldChecks;
import org.modhub.moderation.matching.config.MatchingConfig;
import org.modhub.moderation.matching.domain.BankSource;
import org.modhub.moderation.matching.domain.UploadCheck;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The hub's upload check: only the hub's own identity may ask (not even admin), and it learns only the verdict. */
@Path("/api/v1/uploads/check")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.HUB)
public class UploadCheckResource {

    private final UploadCheck check;
    private final MatchingConfig config;
    private final CheckMeters meters;

    public UploadCheckResource(UploadCheck check, MatchingConfig config, CheckMeters meters) {
        this.check = check;
        this.config = config;
        this.meters = meters;
    }

    @POST
    public Uni<CheckResponse> check(CheckRequest request) {
        UploadCheck.Upload upload = upload(request);
        long started = System.nanoTime();
        return check.check(upload)
                .map(result -> view(upload, result))
                .invoke(() ->
                        meters.latency().record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS))
                .onFailure()
                .invoke(failure -> meters.failures(reason(failure)).increment());
    }

    /**
     * Why a check could not be answered, for {@code matching_check_failures_total{reason}}: {@code database} when
     * PostgreSQL failed or could not be reached (recording a match's event is the one write of a check), {@code error}
     * for anything else. A caller's mistake (a 400) is no failure of the check and is not counted: it is refused before
     * the check runs.
     */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException
                    || t instanceof io.vertx.sqlclient.ClosedConnectionException
                    || t instanceof java.net.ConnectException
                    || t instanceof org.hibernate.HibernateException) {
                return "database";
            }
        }
        return "error";
    }

    UploadCheck.Upload upload(CheckRequest request) {
        if (request == null) {
            throw FieldChecks.bodyRequired();
        }
        FieldChecks checks = new FieldChecks();
        SubjectRef repository = checks.subjectKey(request.repository(), "repository", true);
        if (repository != null && !repository.isRepository()) {
            checks.add("repository", "must be a model, dataset or space key like 'model:acme/atlas-7b'");
        }
        checks.text(request.revision(), "revision", false, SubjectRef.MAX_REVISION_LENGTH);
        List<UploadCheck.UploadFile> files = new ArrayList<>();
        List<CheckRequest.FileEntry> entries = request.files() == null ? List.of() : request.files();
        if (checks.bounded(entries, "files", config.check().maxFiles())) {
            Set<String> paths = new HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                CheckRequest.FileEntry entry = entries.get(i);
                String at = "files[" + i + "]";
                if (entry == null) {
                    checks.add(at, "is required");
                    continue;
                }
                String path = checks.text(
                        entry.path(), at + ".path", true, config.check().maxPathLength());
                if (path != null && !paths.add(path)) {
                    checks.add(at + ".path", "repeats the path of an earlier file");
                }
                if (!isSha256(entry.sha256())) {
                    checks.add(at + ".sha256", "must be 64 hex digits (the file's LFS sha256)");
                } else if (path != null) {
                    files.add(new UploadCheck.UploadFile(path, entry.sha256().toLowerCase(Locale.ROOT)));
                }
            }
        }
        List<SubjectRef> bases = new ArrayList<>();
        List<String> names = request.baseModels() == null ? List.of() : request.baseModels();
        if (checks.bounded(names, "baseModels", config.check().maxBaseModels())) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                try {
                    if (name == null || name.length() > SubjectRef.MAX_KEY_LENGTH) {
                        throw new InvalidSubjectException("is required");
                    }
                    bases.add(SubjectRef.parse("model:" + name));
                } catch (InvalidSubjectException e) {
                    checks.add("baseModels[" + i + "]", "must name a model as <namespace>/<name>");
                }
            }
        }
        checks.throwIfAny();
        return new UploadCheck.Upload(repository, files, bases);
    }

    /**
     * 64 hex digits, either case. A loop, not a regular expression: a check of a thousand files spent a quarter of
     * its CPU matching {@code [0-9a-fA-F]{64}} (bench, issue 25).
     */
    static boolean isSha256(String value) {
        if (value == null || value.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            if (!HexFormat.isHexDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static CheckResponse view(UploadCheck.Upload upload, UploadCheck.Result result) {
        List<CheckResponse.FileVerdict> files = new ArrayList<>();
        for (int i = 0; i < upload.files().size(); i++) {
            UploadCheck.UploadFile file = upload.files().get(i);
            UploadCheck.Outcome outcome = result.files().get(i);
            files.add(new CheckResponse.FileVerdict(file.path(), file.sha256(), outcome.verdict(), match(outcome)));
        }
        List<CheckResponse.BaseModelVerdict> bases = new ArrayList<>();
        for (int i = 0; i < upload.baseModels().size(); i++) {
            SubjectRef base = upload.baseModels().get(i);
            UploadCheck.Outcome outcome = result.baseModels().get(i);
            bases.add(new CheckResponse.BaseModelVerdict(
                    base.namespace() + "/" + base.name(), outcome.verdict(), match(outcome)));
        }
        return new CheckResponse(upload.repository().key(), result.verdict(), files, bases);
    }

    static CheckResponse.Match match(UploadCheck.Outcome outcome) {
        BankSource source = outcome.source();
        if (source == null) {
            return null;
        }
        return new CheckResponse.Match(source.decisionId(), source.subjectKey(), source.listSource(), source.reason());
    }
}

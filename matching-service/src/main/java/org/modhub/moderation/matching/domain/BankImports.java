package org.modhub.moderation.matching.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.modhub.moderation.contracts.event.matching.UploadVerdict;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.problem.ProblemDetail;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;
import org.modhub.moderation.matching.config.MatchingConfig;
import org.modhub.moderation.matching.persistence.BankImportEntity;
import org.modhub.moderation.matching.persistence.BankWriter;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hash lists from elsewhere (another hub, an industry list). An import is all or nothing: any bad row refuses the
 * whole body, naming line and column. Its rows become one source per distinct (source, reason, verdict), so an
 * export gives them back as imported; deleting the import withdraws them. Who imported or withdrew what is audited.
 */
@ApplicationScoped
public class BankImports {

    private final BankWriter writer;
    private final Bank bank;
    private final AuditTrail audit;
    private final MatchingConfig config;
    private final Clock clock;

    public BankImports(BankWriter writer, Bank bank, AuditTrail audit, MatchingConfig config, Clock clock) {
        this.writer = writer;
        this.bank = bank;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Parses, checks and banks a CSV body; the bank in memory is current when the returned item arrives. */
    public Uni<BankImportEntity> importCsv(byte[] body, String actor) {
        String text = new String(body, StandardCharsets.UTF_8);
        SignalCsv.Parsed parsed = SignalCsv.parse(
                text, config.imports().maxSourceLength(), config.imports().maxReasonLength());
        if (!parsed.problems().isEmpty()) {
            throw refused(parsed.problems());
        }
        Map<Group, List<String>> groups = new LinkedHashMap<>();
        Set<String> distinct = new HashSet<>();
        for (SignalCsv.Row row : parsed.rows()) {
            groups.computeIfAbsent(new Group(row.source(), row.reason(), row.verdict()), g -> new ArrayList<>())
                    .add(row.sha256());
            distinct.add(row.sha256());
        }
        int already = (int) distinct.stream()
                .filter(h -> bank.index().containsActive(HashIndex.key(h)))
                .count();
        BankImportEntity entity = new BankImportEntity();
        entity.id = UUID.randomUUID();
        entity.rows = parsed.rows().size();
        entity.alreadyBanked = already;
        entity.newHashes = distinct.size() - already;
        entity.bodySha256 = sha256(body);
        entity.importedBy = actor;
        entity.importedAt = clock.instant();
        return Panache.withTransaction(() -> writer.nextRevision()
                        .chain(rev -> entity.<BankImportEntity>persist()
                                .chain(ignored -> Panache.flush())
                                .chain(() -> Multi.createFrom()
                                        .iterable(groups.entrySet())
                                        .onItem()
                                        .transformToUniAndConcatenate(group -> writer.insert(
                                                new BankSource(
                                                        0,
                                                        BankSource.Kind.IMPORT,
                                                        null,
                                                        null,
                                                        entity.id,
                                                        group.getKey().source(),
                                                        group.getKey().reason(),
                                                        group.getKey().verdict(),
                                                        true),
                                                BankWriter.sortedDistinct(group.getValue()),
                                                rev))
                                        .collect()
                                        .last()))
                        .chain(() -> audit.record(
                                actor,
                                "bank.import",
                                "bank_import",
                                entity.id,
                                entity.id,
                                null,
                                entity.rows + " rows, " + entity.newHashes + " new hashes, " + entity.alreadyBanked
                                        + " already banked, body sha256 " + entity.bodySha256)))
                .chain(bank::refreshNow)
                .replaceWith(entity);
    }

    /** Withdraws every entry of an import (idempotent); a 404 when there is no such import. */
    public Uni<BankImportEntity> withdraw(UUID id, String actor) {
        return Panache.withTransaction(() -> BankImportEntity.<BankImportEntity>findById(id)
                        .onItem()
                        .ifNull()
                        .failWith(() -> ProblemException.notFound("Import", id))
                        .chain(entity -> {
                            if (entity.withdrawnAt != null) {
                                return Uni.createFrom().item(entity);
                            }
                            Instant now = clock.instant();
                            entity.withdrawnAt = now;
                            entity.withdrawnBy = actor;
                            return writer.nextRevision()
                                    .chain(rev -> writer.withdrawImport(id, rev, now))
                                    .chain(n -> audit.record(
                                            actor,
                                            "bank.withdraw-import",
                                            "bank_import",
                                            id,
                                            id,
                                            null,
                                            n + " sources withdrawn"))
                                    .replaceWith(entity);
                        }))
                .call(bank::refreshNow);
    }

    public Uni<BankImportEntity> get(UUID id) {
        return Panache.withSession(() -> BankImportEntity.<BankImportEntity>findById(id))
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Import", id));
    }

    private record Group(String source, String reason, UploadVerdict verdict) {}

    static ProblemException refused(List<SignalCsv.Problem> problems) {
        List<ProblemDetail.FieldError> errors = problems.stream()
                .map(p -> new ProblemDetail.FieldError(
                        "line " + p.line() + ", column " + p.column()
                                + (p.columnName().isEmpty() ? "" : " (" + p.columnName() + ")"),
                        p.message()))
                .toList();
        SignalCsv.Problem first = problems.get(0);
        return new ProblemException(
                        ProblemKind.VALIDATION,
                        "Nothing was imported: line " + first.line() + ", column " + first.column() + ": "
                                + first.message(),
                        errors)
                .with("line", first.line())
                .with("column", first.column());
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

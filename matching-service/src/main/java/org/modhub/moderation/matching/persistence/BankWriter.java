package org.modhub.moderation.matching.persistence;

import java.time.Instant;
import java.util.UUID;

import org.modhub.moderation.matching.domain.BankSource;
import org.modhub.moderation.matching.domain.HashIndex;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes to the bank, each in the caller's transaction (so the audit line and any event commit with it). Every
 * change first takes the next bank revision: the counter's row lock orders writers, so revisions commit in order
 * and a replica that polls them misses nothing.
 */
@ApplicationScoped
public class BankWriter {

    /** Hashes per {@code bank_chunk} row: 2 MiB. */
    public static final int HASHES_PER_CHUNK = 65_536;

    /** Takes the next revision (and with it the bank's write lock until the transaction ends). */
    public Uni<Long> nextRevision() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE bank_revision SET rev = rev + 1 WHERE id = 1")
                        .executeUpdate()
                        .chain(() -> s.createNativeQuery("SELECT rev FROM bank_revision WHERE id = 1", Long.class)
                                .getSingleResult()));
    }

    /**
     * Inserts a source with its hashes ({@code hashes}: 32-byte values, sorted and distinct) and returns its id.
     */
    public Uni<Integer> insert(BankSource draft, byte[][] hashes, long revision) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT CAST(nextval('bank_source_id_seq') AS int)", Integer.class)
                        .getSingleResult()
                        .chain(id -> s.createNativeQuery("INSERT INTO bank_source (id, kind, decision_id, subject_key, "
                                        + "import_id, list_source, reason, verdict, active, hashes, rev, withdrawn_at) "
                                        + "VALUES (:id, :kind, :decision, :subject, :import, :list, :reason, :verdict, "
                                        + ":active, :hashes, :rev, CASE WHEN :active THEN NULL ELSE now() END)")
                                .setParameter("id", id)
                                .setParameter("kind", draft.kind().name())
                                .setParameter("decision", draft.decisionId())
                                .setParameter("subject", draft.subjectKey())
                                .setParameter("import", draft.importId())
                                .setParameter("list", draft.listSource())
                                .setParameter("reason", draft.reason())
                                .setParameter("verdict", draft.verdict().name())
                                .setParameter("active", draft.active())
                                .setParameter("hashes", hashes.length)
                                .setParameter("rev", revision)
                                .executeUpdate()
                                .chain(() -> insertChunks(id, hashes))
                                .replaceWith(id)));
    }

    private Uni<Void> insertChunks(int sourceId, byte[][] hashes) {
        int chunks = (hashes.length + HASHES_PER_CHUNK - 1) / HASHES_PER_CHUNK;
        return Multi.createFrom()
                .range(0, chunks)
                .onItem()
                .transformToUniAndConcatenate(seq -> {
                    int from = seq * HASHES_PER_CHUNK;
                    int to = Math.min(hashes.length, from + HASHES_PER_CHUNK);
                    byte[] packed = new byte[(to - from) * HashIndex.HASH_BYTES];
                    for (int i = from; i < to; i++) {
                        System.arraycopy(hashes[i], 0, packed, (i - from) * HashIndex.HASH_BYTES, HashIndex.HASH_BYTES);
                    }
                    return Panache.getSession()
                            .chain(s -> s.createNativeQuery(
                                            "INSERT INTO bank_chunk (source_id, seq, hashes) VALUES (:source, :seq, :hashes)")
                                    .setParameter("source", sourceId)
                                    .setParameter("seq", seq)
                                    .setParameter("hashes", packed)
                                    .executeUpdate());
                })
                .collect()
                .last()
                .replaceWithVoid();
    }

    /** Withdraws the decision's source; how many sources were withdrawn (0 when none was banked or active). */
    public Uni<Integer> withdrawDecision(UUID decisionId, long revision, Instant at) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE bank_source SET active = false, "
                                + "withdrawn_at = :at, rev = :rev WHERE decision_id = :decision AND active")
                        .setParameter("at", at)
                        .setParameter("rev", revision)
                        .setParameter("decision", decisionId)
                        .executeUpdate());
    }

    /** Withdraws every source of an import. */
    public Uni<Integer> withdrawImport(UUID importId, long revision, Instant at) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE bank_source SET active = false, "
                                + "withdrawn_at = :at, rev = :rev WHERE import_id = :import AND active")
                        .setParameter("at", at)
                        .setParameter("rev", revision)
                        .setParameter("import", importId)
                        .executeUpdate());
    }

    /** Whether a source for this decision exists already. */
    public Uni<Boolean> decisionBanked(UUID decisionId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT count(*) FROM bank_source WHERE decision_id = :decision", Long.class)
                        .setParameter("decision", decisionId)
                        .getSingleResult()
                        .map(n -> n > 0));
    }

    /** Remembers a reversal, so a decision that arrives after it is banked withdrawn. */
    public Uni<Void> rememberReversal(UUID decisionId, Instant at) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO bank_withdrawal (decision_id, "
                                + "reversed_at) VALUES (:decision, :at) ON CONFLICT DO NOTHING")
                        .setParameter("decision", decisionId)
                        .setParameter("at", at)
                        .executeUpdate()
                        .replaceWithVoid());
    }

    public Uni<Boolean> reversed(UUID decisionId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT count(*) FROM bank_withdrawal WHERE decision_id = :decision", Long.class)
                        .setParameter("decision", decisionId)
                        .getSingleResult()
                        .map(n -> n > 0));
    }

    /** 32-byte values of hex hashes, sorted (unsigned, as the index orders them) and distinct. */
    public static byte[][] sortedDistinct(java.util.Collection<String> sha256s) {
        return sha256s.stream()
                .map(h -> h.toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .sorted()
                .map(java.util.HexFormat.of()::parseHex)
                .toArray(byte[][]::new);
    }
}

package org.modhub.moderation.matching.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.kit.validation.PageCursor;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One CSV import: who, when, what it held; its rows are IMPORT sources in {@code bank_source}. */
@Entity
@Table(name = "bank_import")
public class BankImportEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    public int rows;

    @Column(name = "new_hashes")
    public int newHashes;

    @Column(name = "already_banked")
    public int alreadyBanked;

    @Column(name = "body_sha256")
    public String bodySha256;

    @Column(name = "imported_by")
    public String importedBy;

    @Column(name = "imported_at")
    public Instant importedAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /** Newest first, after the cursor. */
    public static Uni<List<BankImportEntity>> page(PageCursor after, int rows) {
        if (after == null) {
            return find("ORDER BY importedAt DESC, id DESC").page(0, rows).list();
        }
        return find(
                        "importedAt < ?1 OR (importedAt = ?1 AND id < ?2) ORDER BY importedAt DESC, id DESC",
                        after.at(),
                        after.id())
                .page(0, rows)
                .list();
    }

    public PageCursor cursor() {
        return new PageCursor(importedAt, id);
    }
}

package org.modhub.moderation.matching.api;

import java.time.Instant;
import java.util.UUID;

import org.modhub.moderation.matching.persistence.BankImportEntity;

/**
 * One import as staff see it.
 *
 * @param id the import's id
 * @param rows data rows in the body
 * @param newHashes distinct hashes no active source held before
 * @param alreadyBanked distinct hashes an active source already held
 * @param importedBy who imported it
 * @param importedAt when
 * @param bodySha256 the sha256 of the body as received, to tie the import to the file
 * @param withdrawnBy who withdrew it, if anyone
 * @param withdrawnAt when, if withdrawn
 */
public record ImportResponse(
        UUID id,
        int rows,
        int newHashes,
        int alreadyBanked,
        String importedBy,
        Instant importedAt,
        String bodySha256,
        String withdrawnBy,
        Instant withdrawnAt) {

    static ImportResponse of(BankImportEntity e) {
        return new ImportResponse(
                e.id,
                e.rows,
                e.newHashes,
                e.alreadyBanked,
                e.importedBy,
                e.importedAt,
                e.bodySha256,
                e.withdrawnBy,
                e.withdrawnAt);
    }
}

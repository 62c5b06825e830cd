package org.modhub.moderation.console.services;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One imported hash list, as matching-service audits it: who imported which file (its sha256) when, what it added to
 * the bank, and who withdrew it.
 *
 * @param newHashes distinct hashes no active source held before
 * @param alreadyBanked distinct hashes an active source already held
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BankImport(
        String id,
        int rows,
        int newHashes,
        int alreadyBanked,
        String importedBy,
        Instant importedAt,
        String bodySha256,
        String withdrawnBy,
        Instant withdrawnAt) {

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}

package org.modhub.moderation.contracts.event.matching;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

/**
 * One file of an upload whose content hash is in the bank.
 *
 * @param path the path in the uploaded repository
 * @param sha256 the content hash, lower-case hex
 */
public record MatchedFile(String path, String sha256) {

    public MatchedFile {
        text(path, "files[].path");
        check(sha256 != null && sha256.matches("[0-9a-f]{64}"), "files[].sha256 must be 64 lower-case hex digits");
    }
}

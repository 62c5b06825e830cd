package org.modhub.moderation.matching.api;

import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.matching.UploadVerdict;

/**
 * Every source holding a hash, active or withdrawn.
 *
 * @param sha256 the hash, lower-case hex
 * @param sources the sources, oldest first
 */
public record HashResponse(String sha256, List<Holder> sources) {

    public record Holder(
            int sourceId,
            String kind,
            UUID decisionId,
            String subject,
            UUID importId,
            String listSource,
            String reason,
            UploadVerdict verdict,
            boolean active) {}
}

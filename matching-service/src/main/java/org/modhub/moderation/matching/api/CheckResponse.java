package org.modhub.moderation.matching.api;

import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.matching.UploadVerdict;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a check: the strictest verdict, then one per file and base model.
 *
 * @param repository the checked repository's key
 * @param verdict the strictest of all below
 * @param files each file's verdict and, when banked, the match
 * @param baseModels each named base model's verdict and, when removed, the match
 */
public record CheckResponse(
        String repository, UploadVerdict verdict, List<FileVerdict> files, List<BaseModelVerdict> baseModels) {

    public record FileVerdict(
            String path,
            String sha256,
            UploadVerdict verdict,
            @JsonInclude(JsonInclude.Include.ALWAYS) Match match) {}

    public record BaseModelVerdict(
            String model,
            UploadVerdict verdict,
            @JsonInclude(JsonInclude.Include.ALWAYS) Match match) {}

    /**
     * What an entry matched.
     *
     * @param decisionId the decision that banked it; null for an imported list
     * @param subject what that decision was about; null for an imported list
     * @param listSource the imported list's source; null for a decision
     * @param reason the bank entry's reason
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Match(UUID decisionId, String subject, String listSource, String reason) {}
}

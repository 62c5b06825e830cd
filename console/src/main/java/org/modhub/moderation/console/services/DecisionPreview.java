package org.modhub.moderation.console.services;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a decision would send if it took effect now ({@code POST /cases/{id}/decisions/preview}): the statement as
 * the Transparency Database would get it, and the owner's mails as notification-service would be asked for them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionPreview(
        JsonNode statement,
        String statementNote,
        List<String> statementProblems,
        List<OwnerMail> ownerMails,
        boolean needsApproval) {

    public DecisionPreview {
        statementProblems = statementProblems == null ? List.of() : statementProblems;
        ownerMails = ownerMails == null ? List.of() : ownerMails;
    }

    /** A mail: its template and the model it is rendered with. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OwnerMail(String templateId, String locale, Map<String, String> parameters, boolean mailed) {

        public OwnerMail {
            parameters = parameters == null ? Map.of() : parameters;
        }
    }
}

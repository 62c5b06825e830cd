package org.modhub.moderation.review.domain;

import java.util.List;

import org.modhub.moderation.kit.mail.MailRequest;

/**
 * What a decision would send if it took effect now, built by the code that sends it and written nowhere.
 *
 * @param statement the hub's own statement of reasons (DSA Art. 17), as the decision would store it
 * @param restricts whether any action restricts the subject; only then does a statement go to the Transparency
 *     Database
 * @param submitted the statement's JSON as the Transparency Database would get it; null when nothing goes there
 *     (see {@code problems})
 * @param problems why the database would not take it (then nothing is sent and the submitter records why)
 * @param ownerMails the mails the owner would be sent, in order
 * @param needsApproval whether a senior moderator must approve before anything takes effect (four eyes)
 */
public record DecisionPreview(
        StatementOfReasons statement,
        boolean restricts,
        String submitted,
        List<String> problems,
        List<MailRequest> ownerMails,
        boolean needsApproval) {}

package org.modhub.moderation.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.modhub.moderation.contracts.MailRoutes;
import org.modhub.moderation.notification.domain.InboundService.Outcome;
import org.modhub.moderation.notification.mail.ParsedMail;

/**
 * Where an inbound mail goes, decided by its thread and not by the mailbox it arrived in ({@link MailRoutes#route}). Its
 * thread is the one a plus-address token we issued names, else the thread of the newest mail of ours it answers.
 */
final class InboundRouting {

    private InboundRouting() {}

    /** A mail on a thread a service owns (or in a mailbox with an intake) is published; one nobody owns is kept. */
    static Outcome outcomeOf(ParsedMail.Kind kind, String mailbox, String threadKey) {
        return switch (kind) {
            case ORDINARY ->
                MailRoutes.route(mailbox, threadKey).isPresent() ? Outcome.PUBLISHED : Outcome.KEPT_FOR_STAFF;
            case AUTO_REPLY -> Outcome.AUTOMATED;
            case DELIVERY_REPORT -> Outcome.BOUNCE;
        };
    }

    /** The first plus-address token of {@code mailboxAddress} among the recipients, or null. */
    static String tokenOf(ParsedMail mail, String mailboxAddress) {
        return mail.recipients().stream()
                .map(r -> ThreadTokens.tokenIn(r, mailboxAddress))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** The Message-IDs the mail answers, most direct first: In-Reply-To, then References newest first. */
    static List<String> answered(ParsedMail mail) {
        List<String> ids = new ArrayList<>();
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo());
        }
        ids.addAll(mail.references().reversed());
        return ids;
    }

    /** The thread of the first answered id that is a mail of ours, or null. */
    static String threadOfFirst(List<String> answered, Map<String, String> threadByMessageId) {
        return answered.stream()
                .map(threadByMessageId::get)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }
}

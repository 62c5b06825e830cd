package org.modhub.moderation.kit.inbox;

import java.util.Optional;

import org.modhub.moderation.contracts.event.mail.InboundMailReceived;

import io.quarkus.logging.Log;

/**
 * The first look every mail intake takes at a mail before it can become a report, an appeal or a notice: it must come
 * from a usable sender address, and not from a machine (an auto-reply, an out-of-office note, a bounce:
 * {@link InboundMailReceived#looksAutomated()}), or it is logged and ignored. What the mail then becomes, and whether
 * it was seen before, is the intake's business.
 */
public final class MailScreen {

    private MailScreen() {}

    /**
     * The bare address of the person who wrote {@code mail}, or empty when the mail is ignored.
     *
     * @param becomes what the mail would become, for the log ("a report", "an appeal")
     */
    public static Optional<String> personSending(InboundMailReceived mail, String becomes) {
        Optional<String> from = mail.senderAddress();
        if (from.isEmpty()) {
            Log.warnf("Mail %s to %s@ has no usable sender address; ignored", mail.messageId(), mail.mailbox());
            return Optional.empty();
        }
        if (mail.looksAutomated()) {
            Log.infof("Mail %s to %s@ is an auto-reply or bounce; not %s", mail.messageId(), mail.mailbox(), becomes);
            return Optional.empty();
        }
        return from;
    }
}

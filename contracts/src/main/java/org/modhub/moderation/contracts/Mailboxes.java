package org.modhub.moderation.contracts;

import java.util.List;

/** The three inboxes the gateway reads, by the name used as the Kafka key on {@link Topics#MAIL_INBOUND}. */
public final class Mailboxes {

    public static final String SAFETY = "safety";
    public static final String DMCA = "dmca";
    public static final String LEGAL = "legal";

    public static final List<String> ALL = List.of(SAFETY, DMCA, LEGAL);

    private Mailboxes() {
    }
}

package org.modhub.moderation.contracts;

import java.util.List;

/**
 * The inboxes the gateway reads. safety@, dmca@ and legal@ each have an intake rule (a mail on no thread becomes a
 * report, a notice or an appeal); feedback@, the policy's address "for all communications regarding our Content
 * Policy", has none: its mail is kept for staff (see {@link MailRoutes}).
 */
public final class Mailboxes {

    public static final String SAFETY = "safety";
    public static final String DMCA = "dmca";
    public static final String LEGAL = "legal";
    public static final String FEEDBACK = "feedback";

    /** The mailboxes whose un-threaded mail a service takes in. */
    public static final List<String> INTAKE = List.of(SAFETY, DMCA, LEGAL);

    public static final List<String> ALL = List.of(SAFETY, DMCA, LEGAL, FEEDBACK);

    private Mailboxes() {}
}

package org.modhub.moderation.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an inbound mail goes. <b>A reply is routed by its thread, not by the mailbox it arrived in</b>: every mail we
 * send carries a thread key {@code <kind>:<id>} whose kind names the owning service and what a reply means there, so a
 * person who replies to the address in our mail, or writes to another of our addresses with the mail quoted, reaches
 * the record the mail was about. A mail on no thread we know goes to the intake rule of the mailbox it came to; a
 * mailbox without one (feedback@), and a reply to a mail that no service answers (a warning or suspension of a notifier
 * or appellant), is kept for staff.
 */
public final class MailRoutes {

    /** The services that take inbound mail; the name is the Kafka key of {@link Topics#MAIL_INBOUND}. */
    public enum Owner {
        REPORTING("reporting"),
        REVIEW("review"),
        DMCA("dmca"),
        APPEALS("appeals");

        private final String key;

        Owner(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** The thread kinds, each with its owner and what a reply on it is. */
    public enum ThreadKind {
        /** Receipts and location requests to a notifier: a reply adds to the report. */
        REPORT("report", Owner.REPORTING, "adds information to the report"),
        /** A request for changes to the owner: a reply is the owner's answer. */
        CASE("case", Owner.REVIEW, "answers the request for changes"),
        /**
         * The owner's decision mail: a reply contests the decision (DSA Art. 20). Only the owner is mailed on it, so a reply
         * on its thread is the owner's.
         */
        DECISION("decision", Owner.APPEALS, "contests the decision, as its owner"),
        /**
         * A notifier's outcome mail: a reply contests the decision on their notice (DSA Art. 20(1)). Apart from the owner's
         * thread, so a notifier's words are never filed under the owner's account, nor the owner's under a notifier's.
         */
        OUTCOME("outcome", Owner.APPEALS, "contests the decision on the notifier's report"),
        /** Mail about an appeal: a reply adds to it while it is open. */
        APPEAL("appeal", Owner.APPEALS, "adds to the appeal"),
        /** A question back about a complaint that named no decision: a reply answers it. */
        INQUIRY("inquiry", Owner.APPEALS, "names the decision the complaint contests"),
        /** Mail to a claimant about a notice: a reply revises it, or brings evidence of a court action. */
        DMCA_NOTICE("dmca_notice", Owner.DMCA, "revises the notice or brings evidence of a court action"),
        /** Mail to an uploader about a takedown: a reply is a counter-notice or adds to one. */
        DMCA_TAKEDOWN("dmca_takedown", Owner.DMCA, "counter-notifies or adds to the counter-notice"),
        /** A notifier's warning, suspension or reinstatement (DSA Art. 23): a reply is read by staff. */
        NOTIFIER_STANDING("notifier", null, "is kept for staff: an objection to a notifier's warning or suspension"),
        /** An appellant's warning, suspension or reinstatement (DSA Art. 23): a reply is read by staff. */
        APPELLANT_STANDING(
                "appellant", null, "is kept for staff: an objection to an appellant's warning or suspension");

        private final String prefix;
        private final Owner owner;
        private final String purpose;

        ThreadKind(String prefix, Owner owner, String purpose) {
            this.prefix = prefix;
            this.owner = owner;
            this.purpose = purpose;
        }

        /** The kind as written before the colon of a thread key. */
        public String prefix() {
            return prefix;
        }

        /** The service that handles a reply; empty when staff read it (the gateway keeps it and tells the sender). */
        public Optional<Owner> owner() {
            return Optional.ofNullable(owner);
        }

        /** What a reply on such a thread does, in words for documentation and staff views. */
        public String purpose() {
            return purpose;
        }

        /** The kind of a thread key {@code <kind>:<id>}, if it is one of ours. */
        public static Optional<ThreadKind> of(String threadKey) {
            if (threadKey == null) {
                return Optional.empty();
            }
            int colon = threadKey.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            String prefix = threadKey.substring(0, colon);
            return Arrays.stream(values()).filter(k -> k.prefix.equals(prefix)).findFirst();
        }
    }

    private MailRoutes() {}

    /** The service whose intake takes a mail on no thread in {@code mailbox}; empty for feedback@ (kept for staff). */
    public static Optional<Owner> intakeOf(String mailbox) {
        if (mailbox == null) {
            return Optional.empty();
        }
        return switch (mailbox) {
            case Mailboxes.SAFETY -> Optional.of(Owner.REPORTING);
            case Mailboxes.DMCA -> Optional.of(Owner.DMCA);
            case Mailboxes.LEGAL -> Optional.of(Owner.APPEALS);
            default -> Optional.empty();
        };
    }

    /**
     * The owner of a mail: its thread's owner when it is on one of our threads, else the intake of its mailbox; empty
     * when neither applies, and the gateway keeps the mail for staff (and tells the sender it arrived).
     */
    public static Optional<Owner> route(String mailbox, String threadKey) {
        Optional<ThreadKind> kind = ThreadKind.of(threadKey);
        return kind.isPresent() ? kind.get().owner() : intakeOf(mailbox);
    }
}

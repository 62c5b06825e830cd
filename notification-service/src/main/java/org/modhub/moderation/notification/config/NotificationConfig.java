package org.modhub.moderation.notification.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of notification-service: outbound sending, rate limit, journal, and the inbound IMAP gateway. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** Outbound mail: rendering, sending, retries. */
    Outbound outbound();

    /** The inbound gateway: which mailboxes are read, and how. */
    Inbound inbound();

    interface Outbound {
        /** Whether this replica sends queued mail at all. */
        @WithDefault("true")
        boolean enabled();

        /**
         * How often a busy lane looks for queued mail (one was queued, woke it or was sent within the last 2 s); a
         * round sends until nothing is due or the batch is done. Queuing a mail wakes a lane once it is committed.
         */
        @WithDefault("250ms")
        Duration pollEvery();

        /** How often an idle lane looks: retries come due, and mail queued by another replica or left by a crash. */
        @WithDefault("5s")
        Duration idlePollEvery();

        /** The sender address (From); Message-IDs use its domain. */
        String from();

        /** Locale used when a template has no variant for the requested one. */
        @WithDefault("en")
        String defaultLocale();

        /** Mails claimed per sending round of a lane. */
        @WithDefault("100")
        int batchSize();

        /** Lanes sending side by side (each one SMTP conversation at a time). */
        @WithDefault("4")
        int concurrency();

        /** Attempts for a transient SMTP failure before the mail is recorded as failed. */
        @WithDefault("8")
        int maxAttempts();

        /** Wait after the first failed attempt; doubles per attempt up to {@link #maxBackoff()}. */
        @WithDefault("5s")
        Duration initialBackoff();

        /** Longest wait between attempts. */
        @WithDefault("15m")
        Duration maxBackoff();

        /** Longest one SMTP conversation may take before it counts as failed (ambiguous: the journal decides). */
        @WithDefault("30s")
        Duration sendTimeout();

        /** How long a claimed mail stays with its sender; a SENDING row past this was interrupted by a crash. */
        @WithDefault("2m")
        Duration lease();

        /** Per-recipient rate limit. */
        RateLimit rateLimit();

        /** The journal mailbox that receives a Bcc of every mail, to tell "sent" from "not sent" after a crash. */
        Journal journal();
    }

    interface RateLimit {
        /** Mails one address may receive within {@link #window()}; more wait for the window to free a slot. */
        @WithDefault("20")
        int maxPerRecipient();

        /** The sliding window of the limit. */
        @WithDefault("1h")
        Duration window();
    }

    interface Journal {
        /** Journal address (Bcc of every mail); empty disables the journal check (then a crash may re-send). */
        Optional<String> address();

        /** IMAP login of the journal mailbox. */
        Optional<String> user();

        /** IMAP password of the journal mailbox. */
        Optional<String> password();

        /** Journal copies older than this are deleted. */
        @WithDefault("2d")
        Duration retention();
    }

    interface Inbound {
        /** Whether this replica polls the mailboxes. */
        @WithDefault("true")
        boolean enabled();

        /** How often each mailbox is polled (a scheduler period, read by {@code @Scheduled}). */
        @WithDefault("10s")
        String pollEvery();

        /** The IMAP server. */
        Imap imap();

        /** The inboxes by name (safety, dmca, legal, feedback): their address, login and folders. */
        Map<String, Mailbox> mailboxes();

        /** The mailbox where delivery reports (bounces) of outbound mail arrive, if read at all. */
        Optional<Mailbox> bounces();

        /** Messages handled per mailbox and poll. */
        @WithDefault("50")
        int batchSize();

        /** Attachments up to this size are kept as evidence; larger ones only by their metadata and hash. */
        @WithDefault("10485760")
        long maxAttachmentBytes();

        /** Longest text body passed on (and kept for staff), in characters. */
        @WithDefault("100000")
        int maxTextChars();

        /**
         * Messages larger than this (the server's RFC822.SIZE) are quarantined without being downloaded: far above any
         * attachment we keep, far below what would exhaust the gateway's memory.
         */
        @WithDefault("26214400")
        long maxMessageBytes();

        /** An HTML body is cut to this many characters before it is parsed into text. */
        @WithDefault("524288")
        int maxHtmlChars();

        /** Longest one message's parse may take; a message not parsed by then is quarantined (once). */
        @WithDefault("5s")
        Duration parseBudget();
    }

    interface Imap {
        /** Host of the IMAP server. */
        String host();

        /** Port of the IMAP server. */
        int port();

        /** IMAPS (TLS from the start) instead of plain IMAP. */
        @WithDefault("false")
        boolean ssl();

        /** Connect and read timeout. */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Mailbox {
        /** The mailbox's address, e.g. {@code safety@hub.example}; replies are plus-addressed on it. */
        String address();

        /** IMAP login. */
        String user();

        /** IMAP password. */
        String password();

        /** Folder read for new mail. */
        @WithDefault("INBOX")
        String folder();

        /** Folder handled mail is moved to (created if missing). */
        @WithDefault("Processed")
        String processedFolder();

        /** Folder unparsable, oversized or too slow to parse mail is moved to (created if missing). */
        @WithDefault("Quarantine")
        String quarantineFolder();
    }
}

package org.modhub.moderation.review.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.modhub.moderation.contracts.taxonomy.Severity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Settings of review-service: due times per severity, owner deadlines, bounds and mail. */
@ConfigMapping(prefix = "review")
public interface ReviewConfig {

    /** How long a case may wait in the queue, by its severity, before it is escalated. */
    Due due();

    /** Requests to the owner to change the subject. */
    Owner owner();

    /** Bounds on what a decision or note may carry. */
    Limits limits();

    /** Mail to owners. */
    Mail mail();

    /** Policy versions. */
    Policy policy();

    /** Submission of statements of reasons to the EU DSA Transparency Database. */
    Transparency transparency();

    /** Cases opened from matching-service's matches (matching.events). */
    Matching matching();

    interface Due {
        /** Critical cases (child sexual content, terrorist content). */
        @WithDefault("4h")
        Duration critical();

        /** High severity. */
        @WithDefault("24h")
        Duration high();

        /** Medium severity. */
        @WithDefault("72h")
        Duration medium();

        /** Low severity. */
        @WithDefault("7d")
        Duration low();

        /**
         * A case holding a trusted flagger's notice (DSA Art. 22) is due after its severity's time divided by
         * this (default 2: half the time).
         */
        @WithDefault("2")
        int trustedFlaggerDivisor();

        /** The due time after intake of a case of {@code severity}, shorter when a trusted flagger reported it. */
        default Duration of(Severity severity, boolean trustedFlagger) {
            return org.modhub.moderation.review.domain.CasePriority.dueAfter(
                    of(severity), trustedFlagger, trustedFlaggerDivisor());
        }

        default Duration of(Severity severity) {
            return switch (severity) {
                case CRITICAL -> critical();
                case HIGH -> high();
                case MEDIUM -> medium();
                case LOW -> low();
            };
        }
    }

    interface Owner {
        /** Deadline given to the owner when the moderator names none. */
        @WithDefault("7d")
        Duration defaultDeadline();

        /** Shortest deadline a moderator may give. */
        @WithDefault("1h")
        Duration minDeadline();

        /** Longest deadline a moderator may give. */
        @WithDefault("60d")
        Duration maxDeadline();
    }

    interface Limits {
        /** Longest facts, explanation, note, reason or owner answer, in characters. */
        @WithDefault("10000")
        int maxText();

        /** Page size when none is asked for. */
        @WithDefault("20")
        int defaultPage();

        /** Largest page. */
        @WithDefault("100")
        int maxPage();
    }

    interface Mail {
        /** Where owners read how to appeal (told with every statement of reasons). */
        @WithDefault("https://huggingface.co/settings/moderation/appeals")
        String appealUrl();
    }

    interface Policy {
        /** The least time between posting a policy version and its taking effect (the policy says ten days). */
        @WithDefault("10d")
        Duration minNotice();
    }

    interface Matching {
        /**
         * The policy category (its code) of a case opened for a match on an imported list's entry, which names no
         * decision of ours to take the category from; the moderator still chooses the decision's own.
         */
        @WithDefault("unlawful")
        String defaultCategory();

        /** The subcategory (its code, of {@code default-category}) of such a case; unset: the category alone. */
        @WithDefault("unlawful_content")
        Optional<String> defaultSubcategory();
    }

    interface Transparency {
        /**
         * The database's base URL, e.g. https://transparency.dsa.ec.europa.eu (or its sandbox).
         * Without it nothing is submitted; statements wait, and go once it is set.
         */
        Optional<URI> endpoint();

        /** The platform's API token, sent as a bearer token. */
        Optional<String> token();

        /** How often waiting statements are sent ("soon after each decision"). */
        @WithDefault("10s")
        Duration submitEvery();

        /** Statements per request: the database takes at most 100. */
        @WithDefault("100")
        @Min(1)
        @Max(100)
        int batchSize();

        /** How long one request may take. */
        @WithDefault("30s")
        Duration timeout();

        /** Wait after the first failed attempt; doubles with each further one. */
        @WithDefault("10s")
        Duration initialBackoff();

        /** Longest wait between attempts. */
        @WithDefault("30m")
        Duration maxBackoff();

        /** How long a batch being sent is kept from other replicas. */
        @WithDefault("5m")
        Duration lease();
    }
}

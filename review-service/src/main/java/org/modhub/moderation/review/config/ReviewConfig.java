package org.modhub.moderation.review.config;

import java.time.Duration;

import org.modhub.moderation.contracts.taxonomy.Severity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
        /** Locale of mails to owners when the decision names none. */
        @WithDefault("en")
        String locale();

        /** Where owners read how to appeal (told with every statement of reasons). */
        @WithDefault("https://huggingface.co/settings/moderation/appeals")
        String appealUrl();
    }

    interface Policy {
        /** The least time between posting a policy version and its taking effect (the policy says ten days). */
        @WithDefault("10d")
        Duration minNotice();
    }
}

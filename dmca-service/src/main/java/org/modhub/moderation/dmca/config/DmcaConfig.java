package org.modhub.moderation.dmca.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Settings of dmca-service: intake bounds and rate limits, the clocks of 512(g), strikes. */
@ConfigMapping(prefix = "dmca")
public interface DmcaConfig {

    /** Bounds on what a notice may carry. */
    Intake intake();

    /** Rate limits of the public notice endpoint, enforced in PostgreSQL so they hold across replicas. */
    RateLimit rateLimit();

    /** The restoration clock of 17 U.S.C. 512(g)(2)(C) and the partial-files window. */
    Clock clock();

    /** Repeat infringers (17 U.S.C. 512(i)). */
    Strikes strikes();

    /** The public archive. */
    Mail mail();

    interface Intake {
        /** Base URL of the hub, for resolving hub URLs to subjects. */
        @WithDefault("https://huggingface.co")
        String hubBaseUrl();

        /** Most copyrighted works or infringing items one notice may list. */
        @WithDefault("50")
        int maxItems();

        /** Longest free text of one field, in characters. */
        @WithDefault("5000")
        int maxText();

        /** Longest original mail text kept on a mailed notice, in characters. */
        @WithDefault("20000")
        int maxOriginalText();
    }

    interface RateLimit {
        /** Notices one client address may send within {@link #window()}. */
        @WithDefault("20")
        int perAddress();

        /** Notices one sender email may send within {@link #window()}. */
        @WithDefault("10")
        int perSender();

        /** The sliding window. */
        @WithDefault("1h")
        Duration window();
    }

    interface Clock {
        /** Business days after receipt of a valid counter-notice before the content is restored (512(g)(2)(C): 10 to 14). */
        @WithDefault("14")
        @Min(10)
        @Max(14)
        int restorationBusinessDays();

        /** Business days an owner gets to remove only the infringing files before the whole repository is disabled. */
        @WithDefault("1")
        @Min(1)
        int partialRemovalBusinessDays();

        /** Time zone of the designated agent, where business days begin and end. */
        @WithDefault("America/New_York")
        String zone();
    }

    interface Strikes {
        /** Strikes in force at which a termination is recommended to review-service. */
        @WithDefault("3")
        @Min(1)
        int threshold();

        /** How long a strike stays in force. */
        @WithDefault("730d")
        Duration lookback();

        /** A takedown not countered within this time counts as a strike. */
        @WithDefault("30d")
        Duration counterNoticeGrace();
    }

    interface Mail {
        /** Name of the service provider in the public archive export. */
        @WithDefault("Model Hub")
        String recipientName();
    }
}

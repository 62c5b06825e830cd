package org.modhub.moderation.reporting.config;

import java.time.Duration;

import org.modhub.moderation.kit.misuse.MisuseLadder;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of reporting-service: input bounds, rate limits, merging and the Art. 23 misuse ladder. */
@ConfigMapping(prefix = "reporting")
public interface ReportingConfig {

    /** Bounds on what a report may carry. */
    Intake intake();

    /** Per-notifier rate limit, enforced in PostgreSQL so it holds across replicas. */
    RateLimit rateLimit();

    /** The misuse ladder (DSA Art. 23): warning, then time-limited suspension. */
    Misuse misuse();

    /** Mail to safety@; the locale of mails to notifiers is the kit's {@code kit.mail.locale}. */
    Mail mail();

    interface Intake {
        /** Longest explanation accepted, in characters. */
        @WithDefault("5000")
        int maxExplanationLength();

        /** Most evidence links one report may carry. */
        @WithDefault("10")
        int maxEvidenceLinks();

        /** Longest evidence link or hub URL accepted, in characters. */
        @WithDefault("2048")
        int maxUrlLength();

        /** A repeat report of the same subject by the same notifier within this window is merged into the first. */
        @WithDefault("24h")
        Duration mergeWindow();

        /** Longest Idempotency-Key header accepted. */
        @WithDefault("200")
        int maxIdempotencyKeyLength();

        /** Base URL of the hub, for recognising hub URLs and building subject links. */
        @WithDefault("https://huggingface.co")
        String hubBaseUrl();
    }

    interface RateLimit {
        /** Reports one notifier may file within {@link #window()}; merged repeats do not count. */
        @WithDefault("20")
        int maxReports();

        /** The sliding window the limit applies to. */
        @WithDefault("1h")
        Duration window();
    }

    /** The kit's ladder rules ({@link MisuseLadder}) under this service's keys and defaults, plus its own. */
    interface Misuse extends MisuseLadder.Rules {
        /** Only manifestly unfounded reports filed within this period count towards the ladder. */
        @Override
        @WithDefault("180d")
        Duration lookback();

        /** Weighted count of manifestly unfounded reports (absolute number, Art. 23(3)(a)) that earns a warning. */
        @Override
        @WithDefault("3")
        int warnAt();

        /** Weighted count that, after a warning, earns a suspension. */
        @Override
        @WithDefault("5")
        int suspendAt();

        /** Minimum share of the notifier's reports that were manifestly unfounded (Art. 23(3)(b)). */
        @Override
        @WithDefault("0.5")
        double minUnfoundedShare();

        /** Weight of an unfounded report that alleged a high or critical harm (gravity, Art. 23(3)(c)). */
        @WithDefault("2")
        int graveWeight();

        /** Length of a first suspension; each further suspension doubles it. */
        @Override
        @WithDefault("14d")
        Duration suspension();

        /** Longest suspension the ladder imposes. */
        @Override
        @WithDefault("90d")
        Duration maxSuspension();

        /** Length of a mute set by staff without an end date. */
        @WithDefault("30d")
        Duration mute();
    }

    interface Mail {
        /** Most times the sender of a mail without a hub URL is asked for the location (bounds mail loops). */
        @WithDefault("3")
        int maxLocationRequests();

        /** Longest original mail text kept on a report, in characters. */
        @WithDefault("20000")
        int maxOriginalText();
    }
}

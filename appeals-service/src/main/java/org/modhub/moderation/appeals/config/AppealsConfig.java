package org.modhub.moderation.appeals.config;

import java.time.Duration;
import java.util.List;

import org.modhub.moderation.kit.misuse.MisuseLadder;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of appeals-service: the appeal window, bounds, review time, redress and the misuse ladder. */
@ConfigMapping(prefix = "appeals")
public interface AppealsConfig {

    /** Filing bounds and the window. */
    Filing filing();

    /** How long staff have to decide an appeal before it escalates. */
    Review review();

    /** What appellants are told about redress beyond the internal complaint. */
    Redress redress();

    /** The misuse ladder (DSA Art. 23(2)): warning, then time-limited suspension of complaint handling. */
    Misuse misuse();

    /** Mail taken in from appellants. */
    Mail mail();

    interface Filing {
        /** Months from the day the appellant was told of the decision; values below six are raised to six. */
        @WithDefault("6")
        int windowMonths();

        /** Longest arguments text accepted, in characters. */
        @WithDefault("5000")
        int maxArgumentsLength();

        /** Most evidence links one appeal may carry. */
        @WithDefault("10")
        int maxEvidenceLinks();

        /** Longest evidence link accepted, in characters. */
        @WithDefault("2048")
        int maxUrlLength();
    }

    interface Review {
        /** Time from filing until an undecided appeal escalates. */
        @WithDefault("14d")
        Duration dueAfter();

        /** Longest explanation a reviewer may give, in characters. */
        @WithDefault("5000")
        int maxExplanationLength();
    }

    interface Redress {
        /** Certified out-of-court dispute settlement bodies (DSA Art. 21) told to EU residents, "Name (URL)" each. */
        List<String> settlementBodies();

        /** The regulator complaint path told to Australian residents. */
        @WithDefault("eSafety Commissioner (https://www.esafety.gov.au/report)")
        String australianRegulator();
    }

    /** The kit's ladder rules with this service's keys and defaults; each manifestly unfounded appeal weighs 1. */
    interface Misuse extends MisuseLadder.Rules {
        /** Only manifestly unfounded appeals resolved within this period count. */
        @Override
        @WithDefault("365d")
        Duration lookback();

        /** Manifestly unfounded appeals that earn a warning. */
        @WithDefault("3")
        @Override
        int warnAt();

        /** Manifestly unfounded appeals that, after a warning, earn a suspension. */
        @WithDefault("5")
        @Override
        int suspendAt();

        /** Minimum share of the appellant's resolved appeals that were manifestly unfounded. */
        @WithDefault("0.5")
        @Override
        double minUnfoundedShare();

        /** Length of a first suspension; each further one doubles it. */
        @WithDefault("30d")
        @Override
        Duration suspension();

        /** Longest suspension the ladder imposes. */
        @WithDefault("180d")
        @Override
        Duration maxSuspension();
    }

    interface Mail {
        /** Longest mail text taken into an appeal, in characters. */
        @WithDefault("5000")
        int maxText();
    }
}

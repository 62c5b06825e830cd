package org.modhub.moderation.matching.config;

import java.time.Duration;
import java.util.List;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of matching-service: what the bank takes in, the derivative walk, imports and exports, the check. */
@ConfigMapping(prefix = "matching")
public interface MatchingConfig {

    /** What a decision banks, and how replicas stay current. */
    Bank bank();

    /** The model-tree walk after a model removal. */
    Derivatives derivatives();

    /** CSV imports. */
    Imports imports();

    /** CSV exports. */
    Export export();

    /** The upload check. */
    Check check();

    /** Events published on matches. */
    Events events();

    interface Bank {
        /** Files smaller than this are never banked (configs and READMEs are shared by many repositories). */
        @WithDefault("1M")
        MemorySize minFileBytes();

        /** File names (the last path segment; {@code *} matches any text) never banked: shared by everyone. */
        @WithDefault(".gitattributes,tokenizer.json,tokenizer.model,tokenizer_config.json,special_tokens_map.json,"
                + "vocab.*,merges.txt")
        List<String> skipNames();

        /** How often a replica asks whether another replica changed the bank. */
        @WithDefault("2s")
        Duration refresh();
    }

    interface Derivatives {
        /** How many levels below the removed model the walk goes. */
        @WithDefault("3")
        int depth();

        /** The most derived models one removal reports. */
        @WithDefault("500")
        int max();
    }

    interface Imports {
        /** Largest CSV body accepted (also the HTTP layer's body limit of this service). */
        @WithDefault("64M")
        MemorySize maxBodySize();

        /** Longest {@code source} of an imported row, in characters. */
        @WithDefault("200")
        int maxSourceLength();

        /** Longest {@code reason} of an imported row, in characters. */
        @WithDefault("500")
        int maxReasonLength();
    }

    interface Export {
        /** How exported decision rows name this hub: {@code <source-name>:decision:<uuid>}. */
        @WithDefault("modhub")
        String sourceName();
    }

    interface Check {
        /** The most files one check may name. */
        @WithDefault("5000")
        int maxFiles();

        /** The most base models one check may name. */
        @WithDefault("20")
        int maxBaseModels();

        /** Longest file path, in characters. */
        @WithDefault("1000")
        int maxPathLength();
    }

    interface Events {
        /** An upload matching the same source again within this time publishes no new UploadMatched. */
        @WithDefault("24h")
        Duration repeatAfter();
    }
}

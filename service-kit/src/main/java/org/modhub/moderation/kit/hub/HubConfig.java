package org.modhub.moderation.kit.hub;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How the hub directory reaches the hub and how long it trusts an answer (defaults in the kit's config). */
@ConfigMapping(prefix = "kit.hub")
public interface HubConfig {

    /** The hub's base URL: the only host the directory ever calls. */
    URI url();

    /** The bearer token of this service at the hub's internal API; none when unset. */
    Optional<String> token();

    /** How long one call may take before it counts as a failure. */
    @WithDefault("2s")
    Duration timeout();

    /** What a 503 tells the caller to wait before asking again. */
    @WithDefault("30s")
    Duration retryAfter();

    /** Answers kept for later lookups. */
    Cache cache();

    /** The largest response body read; a larger one is refused. */
    @WithDefault("4M")
    MemorySize maxResponseBytes();

    /** The most files {@code files()} lists for one repository and revision. */
    @WithDefault("10000")
    int maxFiles();

    /** The most models {@code derivatives()} lists for one base model. */
    @WithDefault("1000")
    int maxDerivatives();

    interface Cache {

        /** How long an answer that found something is reused. */
        @WithDefault("5m")
        Duration ttl();

        /** How long "no such thing" is reused. */
        @WithName("negative-ttl")
        @WithDefault("30s")
        Duration negativeTtl();

        /** The most answers kept; the least recently used go first. */
        @WithDefault("10000")
        long maxEntries();
    }
}

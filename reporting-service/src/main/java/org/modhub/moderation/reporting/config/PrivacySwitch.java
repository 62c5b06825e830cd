package org.modhub.moderation.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Claims {@code kit.privacy.enabled}, the build property that turns on service-kit's privacy desk and its consumer of
 * privacy.requests: service-kit's {@code KitConfig.Privacy} does not declare it, and without a mapping that does, the
 * startup check of unknown {@code kit.*} properties refuses it. Remove once service-kit declares it (as it declares
 * {@code kit.audit.resource.enabled}).
 */
@ConfigMapping(prefix = "kit.privacy")
public interface PrivacySwitch {

    /** Whether this service answers data subjects' requests (a build-time switch read by service-kit). */
    @WithDefault("false")
    boolean enabled();
}

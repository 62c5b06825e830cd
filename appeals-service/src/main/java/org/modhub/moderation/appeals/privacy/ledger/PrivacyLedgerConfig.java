package org.modhub.moderation.appeals.privacy.ledger;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the privacy request ledger (prefix {@code appeals.privacy}). */
@ConfigMapping(prefix = "appeals.privacy")
public interface PrivacyLedgerConfig {

    /**
     * The services a request waits for: it is complete when each has answered in full. Answers of other services are
     * kept and shown, but complete nothing.
     */
    @WithDefault("reporting-service,review-service,dmca-service,appeals-service,notification-service")
    List<String> services();
}

package org.modhub.moderation.dmca.privacy;

import java.time.Instant;
import java.util.Map;

import org.modhub.moderation.kit.privacy.RetentionRule;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@value #KIND}: the client address a web notice came from serves the per-address rate limit
 * ({@code dmca.rate-limit.window}, an hour) and a look at a flood of notices; after the period it is removed from the
 * notice, which stays.
 */
@ApplicationScoped
public class ClientAddressRetention implements RetentionRule {

    public static final String KIND = "notice-client-addresses";

    private static final String PURGE = """
            UPDATE dmca_notice SET client_address = NULL WHERE id IN (
                SELECT id FROM dmca_notice WHERE client_address IS NOT NULL AND received_at < :cutoff
                ORDER BY received_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)""";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "the client (IP) address a web notice came from is removed from the notice the period after it arrived";
    }

    @Override
    public Uni<Integer> purge(Instant cutoff, int limit) {
        return PrivacySql.update(PURGE, Map.of("cutoff", cutoff, "limit", limit));
    }
}

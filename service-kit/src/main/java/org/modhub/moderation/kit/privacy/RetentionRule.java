package org.modhub.moderation.kit.privacy;

import java.time.Instant;

import io.smallrye.mutiny.Uni;

/**
 * One line of a service's retention schedule (GDPR Art. 5(1)(e)): a kind of personal data, and how to remove one
 * batch of it once it is older than its period. {@link RetentionJob} runs every rule daily, batch after batch, each in
 * its own short transaction; the period is {@code kit.privacy.retention.<kind>}.
 */
public interface RetentionRule {

    /** Stable name: the configuration key of the period, the metric tag and the audit entry's entity. */
    String kind();

    /** What expires and what happens to it, in words an operator reads in {@code GET /api/v1/privacy/retention}. */
    String description();

    /**
     * Deletes or anonymises at most {@code limit} items that expired before {@code cutoff} (their reference time, e.g.
     * the closing of their case, is earlier). Runs in a transaction the job opened for this batch.
     *
     * @return how many items it removed; fewer than {@code limit} ends the rule's run
     */
    Uni<Integer> purge(Instant cutoff, int limit);
}

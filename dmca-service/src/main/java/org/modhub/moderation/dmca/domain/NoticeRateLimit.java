package org.modhub.moderation.dmca.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.persistence.NoticeEntity;
import org.modhub.moderation.dmca.persistence.NoticeRepository;
import org.modhub.moderation.kit.problem.ProblemException;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The rate limits of notice intake ({@code dmca.rate-limit}): notices per client address and per
 * sender email within a sliding window, counted in PostgreSQL under advisory locks so they hold
 * across replicas. Over a limit: 429 {@code rate-limited} with {@code Retry-After}.
 */
@ApplicationScoped
public class NoticeRateLimit {

    /** The problem type's slug. */
    static final String RATE_LIMITED = "rate-limited";

    private final NoticeRepository notices;
    private final DmcaConfig.RateLimit limit;

    public NoticeRateLimit(NoticeRepository notices, DmcaConfig config) {
        this.notices = notices;
        this.limit = config.rateLimit();
    }

    /** Holds the address's and the sender's locks to the end of the caller's transaction, then checks both limits. */
    public Uni<Void> check(String address, String sender, Instant now) {
        List<String> keys = new ArrayList<>();
        if (address != null) {
            keys.add("dmca-address:" + address);
        }
        if (sender != null) {
            keys.add("dmca-sender:" + sender);
        }
        // Always in the same order, so two intakes never wait on each other's second lock.
        keys.sort(null);
        Uni<Void> locked = Uni.createFrom().voidItem();
        for (String key : keys) {
            locked = locked.chain(() -> notices.lock(key));
        }
        Instant since = now.minus(limit.window());
        return locked.chain(() -> address == null
                        ? Uni.createFrom().voidItem()
                        : notices.countFromAddressSince(address, since)
                                .chain(count -> count < limit.perAddress()
                                        ? Uni.createFrom().voidItem()
                                        : notices.oldestFromAddressSince(address, since)
                                                .map(oldest -> limited("address", limit.perAddress(), oldest, now))))
                .chain(() -> sender == null
                        ? Uni.createFrom().voidItem()
                        : notices.countFromSenderSince(sender, since)
                                .chain(count -> count < limit.perSender()
                                        ? Uni.createFrom().voidItem()
                                        : notices.oldestFromSenderSince(sender, since)
                                                .map(oldest ->
                                                        limited("sender email", limit.perSender(), oldest, now))));
    }

    /** Whether {@code failure} is this limit's refusal (a mailed notice over the limit is dropped, not retried). */
    public static boolean refused(Throwable failure) {
        return failure instanceof ProblemException p && p.type().endsWith(":" + RATE_LIMITED);
    }

    private Void limited(String who, int max, NoticeEntity oldest, Instant now) {
        Instant freeAt = (oldest == null ? now : oldest.receivedAt).plus(limit.window());
        long seconds =
                Math.max(1, (long) Math.ceil(Duration.between(now, freeAt).toMillis() / 1000.0));
        throw ProblemException.rateLimited(
                RATE_LIMITED,
                "At most " + max + " notices per " + limit.window() + " are accepted from one " + who
                        + "; try again in " + seconds + " seconds",
                Duration.ofSeconds(seconds));
    }
}

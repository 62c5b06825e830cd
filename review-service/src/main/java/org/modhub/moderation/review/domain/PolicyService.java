package org.modhub.moderation.review.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.review.config.ReviewConfig;
import org.modhub.moderation.review.persistence.PolicyVersionEntity;
import org.modhub.moderation.review.persistence.PolicyVersionRepository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Versions of the content policy. A new version takes effect no sooner than ten days after it is
 * posted (the policy's own promise); decisions cite the version in force when they take effect.
 */
@ApplicationScoped
public class PolicyService {

    private final PolicyVersionRepository versions;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration minNotice;

    public PolicyService(PolicyVersionRepository versions, AuditTrail audit, Clock clock, ReviewConfig config) {
        this.versions = versions;
        this.audit = audit;
        this.clock = clock;
        this.minNotice = config.policy().minNotice();
    }

    @WithTransaction
    public Uni<PolicyVersionEntity> post(
            String version, String title, String url, String summary, Instant effectiveAt, String admin) {
        Instant now = clock.instant();
        Instant earliest = now.plus(minNotice);
        if (effectiveAt.isBefore(earliest)) {
            throw ProblemException.invalidField(
                    "effectiveAt",
                    "must be at least " + minNotice.toDays() + " days after posting, i.e. not before "
                            + earliest.truncatedTo(ChronoUnit.SECONDS));
        }
        return versions.findById(version)
                .chain(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("Policy version " + version + " exists already");
                    }
                    return versions.count("effectiveAt", effectiveAt);
                })
                .chain(clashes -> {
                    if (clashes > 0) {
                        throw ProblemException.conflict("Another policy version takes effect at " + effectiveAt);
                    }
                    PolicyVersionEntity v = new PolicyVersionEntity();
                    v.version = version;
                    v.title = title;
                    v.url = url;
                    v.summary = summary;
                    v.effectiveAt = effectiveAt;
                    v.postedBy = admin;
                    v.postedAt = now;
                    return versions.persist(v)
                            .chain(() -> audit.record(
                                    admin,
                                    "policy.posted",
                                    "policy_version",
                                    version,
                                    null,
                                    null,
                                    "effective " + effectiveAt))
                            .replaceWith(v);
                });
    }

    /** The version in force at {@code at}; 404 before the first. */
    @WithSession
    public Uni<PolicyVersionEntity> inForceAt(Instant at) {
        return inForce(at)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Policy version in force at", at));
    }

    @WithSession
    public Uni<List<PolicyVersionEntity>> all() {
        return versions.list("order by effectiveAt desc");
    }

    /** In the caller's session: the version in force at {@code at}, or null. */
    public Uni<PolicyVersionEntity> inForce(Instant at) {
        return versions.find("effectiveAt <= ?1 order by effectiveAt desc", at).firstResult();
    }

    /** The version string decisions cite now. */
    Uni<String> currentVersion() {
        return inForce(clock.instant()).map(v -> {
            if (v == null) {
                throw new IllegalStateException("no policy version is in force");
            }
            return v.version;
        });
    }
}

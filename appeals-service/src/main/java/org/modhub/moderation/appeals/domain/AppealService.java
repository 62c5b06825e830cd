package org.modhub.moderation.appeals.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.modhub.moderation.appeals.config.AppealsConfig;
import org.modhub.moderation.appeals.persistence.AppealEntity;
import org.modhub.moderation.appeals.persistence.AppealRepository;
import org.modhub.moderation.appeals.persistence.DecisionCopyEntity;
import org.modhub.moderation.appeals.persistence.DecisionCopyRepository;
import org.modhub.moderation.appeals.persistence.ReportNotifierEntity;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.appeals.AppealFiled;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.contracts.event.appeals.AppealResolved;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.timer.Timers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Appeals against decisions (DSA Art. 20): filing within the window by the owner a decision
 * restricted or a notifier of any report the decision answered, one open appeal per decision and
 * appellant, review by staff who took no part in the decision, the outcome published (reversed or
 * modified) and told to the appellant with the further redress, and escalation when the due time
 * passes. Everything works from the local copy of decisions, so review-service need not be up.
 */
@ApplicationScoped
public class AppealService {

    /** Timer kind that escalates an appeal still open at its due time. */
    public static final String DUE_TIMER = "appeals.review-due";
    /** The audit actor of changes this service makes by itself (timers, inbound mail, rules). */
    public static final String SYSTEM = AuditTrail.system("appeals-service");

    private final AppealRepository appeals;
    private final DecisionCopyRepository decisions;
    private final AppellantStandingService standings;
    private final Outbox outbox;
    private final Timers timers;
    private final AppellantMail mail;
    private final AppealsConfig config;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final Clock clock;
    private final AuditTrail audit;
    private final int windowMonths;

    public AppealService(AppealRepository appeals, DecisionCopyRepository decisions, AppellantStandingService standings,
            Outbox outbox, Timers timers, AppellantMail mail, AppealsConfig config, ObjectMapper json, MeterRegistry registry,
            Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.appeals = appeals;
        this.decisions = decisions;
        this.standings = standings;
        this.outbox = outbox;
        this.timers = timers;
        this.mail = mail;
        this.config = config;
        this.json = json;
        this.registry = registry;
        this.clock = clock;
        this.windowMonths = AppealsConfig.effectiveWindowMonths(config.filing().windowMonths());
        if (windowMonths != config.filing().windowMonths()) {
            Log.warnf("appeals.filing.window-months=%d is below the DSA minimum; using %d months",
                    config.filing().windowMonths(), windowMonths);
        }
    }

    /** A role an appellant holds towards a decision, and the country their report named (for notifiers). */
    public record Standing(AppellantRole role, String reportJurisdiction) {
    }

    // --- filing ---

    /** Files an appeal from the hub for the account {@code accountId}. */
    @WithTransaction
    public Uni<AppealEntity> fileInPlatform(String accountId, String email, String residence, NewAppeal input) {
        return decisions.lock(input.decisionId()).chain(decision -> {
            if (decision == null) {
                throw ProblemException.notFound("Decision", input.decisionId());
            }
            return roleOf(decision, accountId).chain(standing -> {
                Appellant appellant = new Appellant(AppellantKey.user(accountId), accountId, email,
                        residence != null ? residence : standing.reportJurisdiction());
                return file(decision, appellant, standing.role(), true, input, AppealChannel.API, null);
            });
        });
    }

    /**
     * Which party to the decision the account is: the owner of a restricted subject, or a notifier
     * of a report the decision answered, whatever it decided (DSA Art. 20(1): a notifier may think it
     * acted too little as well as not at all). The owner of content the decision left unrestricted
     * gets a 403 saying why; anyone else a 404, as if the decision did not exist.
     */
    public Uni<Standing> roleOf(DecisionCopyEntity decision, String accountId) {
        return decisions.notifiers(decision.decisionId).map(notifiers -> {
            boolean owner = decision.ownerId.equals(accountId);
            ReportNotifierEntity report = notifiers.stream().filter(n -> accountId.equals(n.reporterId)).findFirst().orElse(null);
            if (owner && decision.restricts) {
                return new Standing(AppellantRole.OWNER, null);
            }
            if (report != null) {
                return new Standing(AppellantRole.NOTIFIER, report.jurisdiction);
            }
            if (owner) {
                throw AppealProblems.notAppealable("Decision " + decision.decisionId + " placed no restriction on your content");
            }
            throw ProblemException.notFound("Decision", decision.decisionId);
        });
    }

    /** Files an appeal against a locked decision: window, suspension and one-open checks, then state, event, timer, mail. */
    Uni<AppealEntity> file(DecisionCopyEntity decision, Appellant appellant, AppellantRole role, boolean verified, NewAppeal input,
            AppealChannel channel, String mailMessageId) {
        Instant now = now();
        if (decision.reversedAt != null) {
            throw AppealProblems.decisionReversed(decision.decisionId);
        }
        LocalDate closesOn = windowClosesOn(decision.toldAt);
        if (LocalDate.ofInstant(now, ZoneOffset.UTC).isAfter(closesOn)) {
            throw AppealProblems.windowClosed(decision.decisionId, closesOn);
        }
        return standings.lock(appellant).chain(standing -> {
            if (standing.suspendedAt(now)) {
                throw AppealProblems.suspended(standing.suspendedUntil, standing.suspensionReason);
            }
            return appeals.openOf(decision.decisionId, appellant.key().value()).chain(open -> {
                if (open != null) {
                    throw AppealProblems.alreadyOpen(decision.decisionId, open.id);
                }
                AppealEntity appeal = new AppealEntity();
                appeal.id = UUID.randomUUID();
                appeal.decisionId = decision.decisionId;
                appeal.subjectKey = decision.subjectKey;
                appeal.appellantKey = appellant.key().value();
                appeal.appellantId = appellant.accountId();
                appeal.appellantEmail = appellant.email();
                appeal.appellantRole = role;
                appeal.identityVerified = verified;
                appeal.residence = appellant.residence();
                appeal.channel = channel;
                appeal.arguments = input.arguments();
                appeal.evidenceUrls = write(input.evidenceUrls());
                appeal.status = AppealStatus.OPEN;
                appeal.toldAt = decision.toldAt;
                appeal.windowClosesOn = closesOn;
                appeal.filedAt = now;
                appeal.dueAt = now.plus(config.review().dueAfter());
                appeal.mailMessageId = mailMessageId;
                appeal.updatedAt = now;
                standing.appealsFiled++;
                standing.updatedAt = now;
                AppealFiled event = new AppealFiled(appeal.id, decision.decisionId, SubjectRef.parse(decision.subjectKey),
                        appeal.appellantId != null ? appeal.appellantId : appeal.appellantKey, role, now);
                return appeals.persist(appeal)
                        .chain(() -> outbox.publish(Topics.APPEALS_EVENTS, EventSources.APPEALS_SERVICE, event))
                        .chain(() -> timers.schedule(DUE_TIMER, appeal.id.toString(), appeal.dueAt, null))
                        .chain(() -> mail.send(AppellantMail.APPEAL_RECEIVED, appeal.appellantEmail, appeal.appellantId,
                                Map.of("appealId", appeal.id.toString(), "decisionId", decision.decisionId.toString(),
                                        "receivedAt", now.toString()),
                                AppellantMail.thread(appeal.id), AppellantMail.APPEAL_RECEIVED + ":" + appeal.id, mailMessageId))
                        .invoke(() -> {
                            registry.counter("appeals.filed", "role", role.name(), "channel", channel.name()).increment();
                            Log.infof("Appeal %s filed against decision %s by %s (%s, %s)", appeal.id, decision.decisionId,
                                    role, channel, verified ? "verified" : "unverified");
                        })
                        .replaceWith(appeal);
            });
        });
    }

    /** The last day (UTC) an appellant told at {@code toldAt} may file: the same day {@code windowMonths} later. */
    public LocalDate windowClosesOn(Instant toldAt) {
        return LocalDate.ofInstant(toldAt, ZoneOffset.UTC).plusMonths(windowMonths);
    }

    // --- reading ---

    @WithSession
    public Uni<AppealEntity> get(UUID id) {
        return appeals.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Appeal", id));
    }

    @WithSession
    public Uni<DecisionCopyEntity> decision(UUID decisionId) {
        return decisions.findById(decisionId);
    }

    @WithSession
    public Uni<List<AppealEntity>> mine(String accountId, int limit) {
        return appeals.ofAppellant(AppellantKey.user(accountId).value(), limit);
    }

    @WithSession
    public Uni<List<AppealEntity>> queue(AppealStatus status, int limit) {
        return appeals.queue(status, limit);
    }

    /** Complaint figures (DSA Art. 15(1)(d), 24(1)(b)) of appeals filed within [from, to). */
    public record Figures(Instant from, Instant to, long filed, long open, long escalated, Map<String, Long> outcomes,
            Double medianHoursToDecide, long manifestlyUnfounded, Map<String, Long> sanctions) {
    }

    @WithSession
    public Uni<Figures> figures(Instant from, Instant to) {
        return appeals.list("filedAt >= ?1 and filedAt < ?2", from, to).chain(all -> standings.sanctionsBetween(from, to)
                .map(sanctions -> {
                    Map<String, Long> outcomes = new java.util.TreeMap<>();
                    for (AppealOutcome o : AppealOutcome.values()) {
                        outcomes.put(o.name(), all.stream().filter(a -> a.outcome == o).count());
                    }
                    List<Long> hours = all.stream().filter(a -> a.resolvedAt != null)
                            .map(a -> java.time.Duration.between(a.filedAt, a.resolvedAt).toHours()).sorted().toList();
                    Double median = hours.isEmpty() ? null
                            : hours.size() % 2 == 1 ? (double) hours.get(hours.size() / 2)
                                    : (hours.get(hours.size() / 2 - 1) + hours.get(hours.size() / 2)) / 2.0;
                    return new Figures(from, to, all.size(), all.stream().filter(a -> a.status == AppealStatus.OPEN).count(),
                            all.stream().filter(a -> a.escalatedAt != null).count(), outcomes, median,
                            all.stream().filter(a -> a.manifestlyUnfounded).count(), sanctions);
                }));
    }

    // --- review ---

    /** A reviewer's decision on an appeal. */
    public record Resolution(AppealOutcome outcome, List<ModerationAction> newActions, String explanation,
            boolean manifestlyUnfounded) {
    }

    /**
     * Decides an open appeal. The reviewer must not have taken or approved the decision, nor be the
     * appellant. Reversed or modified: {@code AppealResolved} for review-service's ledger. The
     * appellant is told the outcome, the reasons and the further redress.
     */
    @WithTransaction
    public Uni<AppealEntity> resolve(UUID appealId, Resolution resolution, String reviewerId) {
        // A person decides every appeal: the reviewer is the audit trail's actor.
        Instant now = now();
        return appeals.find("id", appealId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult().chain(found -> {
            if (found == null) {
                throw ProblemException.notFound("Appeal", appealId);
            }
            AppealEntity appeal = found;
            if (appeal.status != AppealStatus.OPEN) {
                throw ProblemException.conflict("Appeal " + appealId + " was already decided " + appeal.outcome);
            }
            return decisions.findById(appeal.decisionId).chain(decision -> {
                if (reviewerId.equals(decision.decidedBy) || reviewerId.equals(decision.approvedBy)) {
                    throw AppealProblems.reviewerNotIndependent("You took or approved decision " + decision.decisionId
                            + "; another reviewer must decide the appeal against it");
                }
                if (reviewerId.equals(appeal.appellantId)) {
                    throw AppealProblems.reviewerNotIndependent("You filed this appeal; another reviewer must decide it");
                }
                checkResolution(resolution, decision);
                appeal.status = AppealStatus.RESOLVED;
                appeal.outcome = resolution.outcome();
                appeal.newActions = resolution.newActions().stream().map(Enum::name).collect(Collectors.joining(","));
                appeal.explanation = resolution.explanation();
                appeal.reviewerId = reviewerId;
                appeal.manifestlyUnfounded = resolution.manifestlyUnfounded();
                appeal.resolvedAt = now;
                appeal.updatedAt = now;
                Uni<Void> chain = timers.cancel(DUE_TIMER, appeal.id.toString()).replaceWithVoid();
                if (resolution.outcome() != AppealOutcome.UPHELD) {
                    AppealResolved event = new AppealResolved(appeal.id, decision.decisionId,
                            SubjectRef.parse(decision.subjectKey), appeal.appellantRole, resolution.outcome(),
                            resolution.newActions(), resolution.explanation(), reviewerId, now);
                    chain = chain.chain(() -> outbox.publish(Topics.APPEALS_EVENTS, EventSources.APPEALS_SERVICE, event))
                            .replaceWithVoid();
                }
                Map<String, String> parameters = new java.util.HashMap<>(
                        Redress.parameters(appeal.residence, resolution.explanation(), config.redress()));
                parameters.put("appealId", appeal.id.toString());
                parameters.put("decisionId", decision.decisionId.toString());
                parameters.put("outcome", resolution.outcome().name());
                parameters.put("decidedAt", now.toString());
                chain = chain.chain(() -> mail.send(AppellantMail.APPEAL_DECIDED, appeal.appellantEmail, appeal.appellantId,
                        parameters, AppellantMail.thread(appeal.id), AppellantMail.APPEAL_DECIDED + ":" + appeal.id,
                        appeal.mailMessageId));
                chain = chain.chain(() -> audit.record(reviewerId, "APPEAL_RESOLVED", "appeal", appeal.id, appeal.subjectKey,
                        resolution.outcome() + (resolution.newActions().isEmpty() ? "" : " " + appeal.newActions)
                                + (resolution.manifestlyUnfounded() ? ", manifestly unfounded" : "")));
                if (resolution.manifestlyUnfounded()) {
                    chain = chain.chain(() -> standings.reviewStanding(appeal));
                }
                return chain.invoke(() -> {
                    registry.counter("appeals.resolved", "outcome", resolution.outcome().name()).increment();
                    Log.infof("Appeal %s decided %s by %s", appeal.id, resolution.outcome(), reviewerId);
                }).replaceWith(appeal);
            });
        });
    }

    /** Rules that depend on the decision appealed against. */
    private static void checkResolution(Resolution r, DecisionCopyEntity decision) {
        List<ModerationAction> actions = r.newActions();
        switch (r.outcome()) {
            case UPHELD -> {
                if (!actions.isEmpty()) {
                    throw ProblemException.invalidField("newActions", "must be empty when the decision is upheld");
                }
            }
            case REVERSED -> {
                if (decision.restricts && !actions.isEmpty()) {
                    throw ProblemException.invalidField("newActions",
                            "must be empty when reversing a restriction (use MODIFIED to replace it)");
                }
                if (!decision.restricts && actions.stream().noneMatch(ModerationAction::restricts)) {
                    throw ProblemException.invalidField("newActions",
                            "must name the restrictions now imposed when reversing a decision that took no action");
                }
            }
            case MODIFIED -> {
                if (actions.isEmpty()) {
                    throw ProblemException.invalidField("newActions", "must name the actions that replace the decision's");
                }
            }
        }
        if (!actions.isEmpty()) {
            List<String> problems = ModerationAction.problems(actions, SubjectRef.parse(decision.subjectKey).kind());
            if (!problems.isEmpty()) {
                throw ProblemException.invalidField("newActions", String.join("; ", problems));
            }
            // review-service keeps the original end date for a suspension; a decision without one has none to keep.
            if (ModerationAction.anyRequiresEndDate(actions) && !ModerationAction.anyRequiresEndDate(currentActions(decision))) {
                throw ProblemException.invalidField("newActions",
                        "SUSPEND_ACCOUNT needs an end date; only a decision that suspended can be modified into a suspension");
            }
            if (r.outcome() == AppealOutcome.MODIFIED && actions.equals(currentActions(decision))) {
                throw ProblemException.invalidField("newActions", "are the decision's own actions: that is UPHELD");
            }
        }
        if (r.manifestlyUnfounded() && r.outcome() != AppealOutcome.UPHELD) {
            throw ProblemException.invalidField("manifestlyUnfounded", "only an upheld decision can find the appeal manifestly unfounded");
        }
    }

    private static List<ModerationAction> currentActions(DecisionCopyEntity decision) {
        return Arrays.stream(decision.actions.split(",")).filter(s -> !s.isBlank()).map(ModerationAction::valueOf).toList();
    }

    // --- due time ---

    /** Escalates an appeal still open at its due time (the due timer): it goes to the top of the staff queue. */
    public Uni<Void> escalate(UUID appealId) {
        Instant now = now();
        return appeals.findById(appealId).chain(appeal -> {
            if (appeal == null || appeal.status != AppealStatus.OPEN || appeal.escalatedAt != null) {
                return Uni.createFrom().voidItem();
            }
            appeal.escalatedAt = now;
            appeal.updatedAt = now;
            registry.counter("appeals.escalated").increment();
            Log.warnf("Appeal %s is past its due time %s and escalated", appeal.id, appeal.dueAt);
            return audit.record(SYSTEM, "APPEAL_ESCALATED", "appeal", appeal.id, appeal.subjectKey, "due " + appeal.dueAt);
        });
    }

    /**
     * Adds what the appellant mailed (on the appeal's thread, or again on the decision's) to the open appeal's arguments,
     * and tells them it arrived, in reply to their mail. The same mail read twice is added once.
     */
    public Uni<Void> addReply(AppealEntity appeal, String text, String messageId) {
        String marker = "--- reply by mail " + messageId + ",";
        if (appeal.arguments.contains(marker)) {
            return Uni.createFrom().voidItem();
        }
        Instant now = now();
        String merged = appeal.arguments + "\n\n" + marker + " " + now + " ---\n" + text;
        int max = config.mail().maxText() * 2;
        appeal.arguments = merged.length() <= max ? merged : merged.substring(0, max);
        appeal.updatedAt = now;
        String reply = UUID.nameUUIDFromBytes(messageId.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        return mail.send(AppellantMail.APPEAL_RECEIVED, appeal.appellantEmail, appeal.appellantId,
                Map.of("appealId", appeal.id.toString(), "decisionId", appeal.decisionId.toString(), "receivedAt", now.toString()),
                AppellantMail.thread(appeal.id), AppellantMail.APPEAL_RECEIVED + ":" + appeal.id + ":" + reply, messageId);
    }

    public List<String> evidence(String stored) {
        try {
            return List.of(json.readValue(stored, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(List<String> urls) {
        try {
            return json.writeValueAsString(urls);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

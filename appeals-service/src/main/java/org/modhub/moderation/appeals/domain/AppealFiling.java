package org.modhub.moderation.appeals.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.appeals.config.AppealsConfig;
import org.modhub.moderation.appeals.persistence.AppealEntity;
import org.modhub.moderation.appeals.persistence.AppealRepository;
import org.modhub.moderation.appeals.persistence.DecisionCopyEntity;
import org.modhub.moderation.appeals.persistence.DecisionCopyRepository;
import org.modhub.moderation.appeals.persistence.ReportNotifierRepository;
import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.appeals.AppealFiled;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.mail.MailRequest;
import org.modhub.moderation.kit.mail.MailRequests;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.timer.Timers;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The appellant's own acts (DSA Art. 20): filing an appeal, by REST or by mail, within the window, by a party to the
 * decision ({@link Party}), one open appeal per decision and appellant, not while suspended (Art. 23(2)), not against a
 * reversed decision; and adding what they write again to their open appeal. Each filing is announced
 * ({@code AppealFiled}), gets its due timer and a receipt. Works from the local copy of decisions, so review-service
 * need not be up.
 */
@ApplicationScoped
public class AppealFiling {

    private final AppealRepository appeals;
    private final DecisionCopyRepository decisions;
    private final ReportNotifierRepository notifiers;
    private final AppellantStandingService standings;
    private final Outbox outbox;
    private final Timers timers;
    private final MailRequests mail;
    private final AppealsConfig config;
    private final MeterRegistry registry;
    private final Clock clock;
    private final AppealWindow window;

    public AppealFiling(
            AppealRepository appeals,
            DecisionCopyRepository decisions,
            ReportNotifierRepository notifiers,
            AppellantStandingService standings,
            Outbox outbox,
            Timers timers,
            MailRequests mail,
            AppealsConfig config,
            MeterRegistry registry,
            Clock clock) {
        this.appeals = appeals;
        this.decisions = decisions;
        this.notifiers = notifiers;
        this.standings = standings;
        this.outbox = outbox;
        this.timers = timers;
        this.mail = mail;
        this.config = config;
        this.registry = registry;
        this.clock = clock;
        this.window = AppealWindow.of(config.filing().windowMonths());
        if (window.months() != config.filing().windowMonths()) {
            Log.warnf(
                    "appeals.filing.window-months=%d is below the DSA minimum; using %d months",
                    config.filing().windowMonths(), window.months());
        }
    }

    /** Files an appeal from the hub for the account {@code accountId}. */
    @WithTransaction
    public Uni<AppealEntity> fileInPlatform(String accountId, String email, String residence, NewAppeal input) {
        return decisions.lock(input.decisionId()).chain(decision -> {
            if (decision == null) {
                throw ProblemException.notFound("Decision", input.decisionId());
            }
            return notifiers.ofDecision(decision.decisionId).chain(reports -> {
                Party party = Party.of(decision, reports, accountId);
                Appellant appellant =
                        new Appellant(AppellantKey.user(accountId), accountId, email, party.residence(residence));
                return file(decision, appellant, party.role(), true, input, AppealChannel.API, null);
            });
        });
    }

    /** Files an appeal against a locked decision: window, suspension and one-open checks, then state, event, timer, mail. */
    Uni<AppealEntity> file(
            DecisionCopyEntity decision,
            Appellant appellant,
            AppellantRole role,
            boolean verified,
            NewAppeal input,
            AppealChannel channel,
            String mailMessageId) {
        Instant now = clock.instant();
        if (decision.reversedAt != null) {
            throw ProblemException.of(
                    "decision-already-reversed",
                    "The decision was already reversed",
                    409,
                    "Decision " + decision.decisionId + " no longer stands; there is nothing to appeal");
        }
        LocalDate closesOn = window.closesOn(decision.toldAt);
        if (window.closedAt(decision.toldAt, now)) {
            throw ProblemException.of(
                    "appeal-window-closed",
                    "The appeal window has closed",
                    409,
                    "Decision " + decision.decisionId + " could be appealed until " + closesOn + " (UTC)");
        }
        return standings.lock(appellant).chain(standing -> {
            if (standing.suspendedAt(now)) {
                throw AppellantStandingService.suspended(standing);
            }
            return appeals.openOf(decision.decisionId, appellant.key().value()).chain(open -> {
                if (open != null) {
                    throw ProblemException.of(
                            "appeal-already-open",
                            "An appeal against this decision is already open",
                            409,
                            "Your appeal " + open.id + " against decision " + decision.decisionId + " is still open");
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
                appeal.evidenceUrls = input.evidenceUrls();
                appeal.status = AppealStatus.OPEN;
                appeal.toldAt = decision.toldAt;
                appeal.windowClosesOn = closesOn;
                appeal.filedAt = now;
                appeal.dueAt = now.plus(config.review().dueAfter());
                appeal.mailMessageId = mailMessageId;
                appeal.updatedAt = now;
                standing.appealsFiled++;
                standing.updatedAt = now;
                AppealFiled event = new AppealFiled(
                        appeal.id,
                        decision.decisionId,
                        SubjectRef.parse(decision.subjectKey),
                        appeal.appellantId != null ? appeal.appellantId : appeal.appellantKey,
                        role,
                        now);
                return appeals.persist(appeal)
                        .chain(() -> outbox.publish(Topics.APPEALS_EVENTS, EventSources.APPEALS_SERVICE, event))
                        .chain(() -> timers.schedule(AppealReview.DUE_TIMER, appeal.id.toString(), appeal.dueAt, null))
                        .chain(() -> mail.send(receipt(appeal, now, mailMessageId)
                                .once(MailTemplateId.APPEAL_RECEIVED.id() + ":" + appeal.id)))
                        .invoke(() -> {
                            registry.counter("appeals.filed", "role", role.name(), "channel", channel.name())
                                    .increment();
                            Log.infof(
                                    "Appeal %s filed against decision %s by %s (%s, %s)",
                                    appeal.id,
                                    decision.decisionId,
                                    role,
                                    channel,
                                    verified ? "verified" : "unverified");
                        })
                        .replaceWith(appeal);
            });
        });
    }

    /**
     * Adds what the appellant mailed (on the appeal's thread, or again on the decision's) to the open appeal's arguments,
     * and tells them it arrived, in reply to their mail. The same mail read twice is added once.
     */
    Uni<Void> addReply(AppealEntity appeal, String text, String messageId) {
        String marker = "--- reply by mail " + messageId + ",";
        if (appeal.arguments.contains(marker)) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        String merged = appeal.arguments + "\n\n" + marker + " " + now + " ---\n" + text;
        int max = config.mail().maxText() * 2;
        appeal.arguments = merged.length() <= max ? merged : merged.substring(0, max);
        appeal.updatedAt = now;
        return mail.send(receipt(appeal, now, messageId)
                .once(MailTemplateId.APPEAL_RECEIVED.id() + ":" + appeal.id + ":" + MailThreads.nameId(messageId)));
    }

    /** The receipt of an appeal or of an addition to it, answering the person's mail if it came by mail. */
    private static MailRequest receipt(AppealEntity appeal, Instant receivedAt, String answering) {
        return MailRequest.to(MailTemplateId.APPEAL_RECEIVED, appeal.appellantEmail, appeal.appellantId)
                .parameters(Map.of(
                        "appealId",
                        appeal.id.toString(),
                        "decisionId",
                        appeal.decisionId.toString(),
                        "receivedAt",
                        receivedAt.toString()))
                .thread(MailThreads.appeal(appeal.id), Mailboxes.LEGAL)
                .answering(answering);
    }
}

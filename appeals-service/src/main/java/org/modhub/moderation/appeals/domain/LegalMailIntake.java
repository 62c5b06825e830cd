package org.modhub.moderation.appeals.domain;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modhub.moderation.appeals.config.AppealsConfig;
import org.modhub.moderation.appeals.persistence.AppealEntity;
import org.modhub.moderation.appeals.persistence.AppealRepository;
import org.modhub.moderation.appeals.persistence.DecisionCopyEntity;
import org.modhub.moderation.appeals.persistence.DecisionCopyRepository;
import org.modhub.moderation.appeals.persistence.ReportNotifierEntity;
import org.modhub.moderation.appeals.persistence.ReportNotifierRepository;
import org.modhub.moderation.contracts.MailRoutes;
import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.kit.inbox.MailScreen;
import org.modhub.moderation.kit.mail.MailRequest;
import org.modhub.moderation.kit.mail.MailRequests;
import org.modhub.moderation.kit.problem.ProblemException;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Mail that is this service's (see {@link org.modhub.moderation.contracts.MailRoutes}) becomes appeals, whatever
 * mailbox it arrived in: replies on a decision's threads (the owner's decision mail, {@code decision:<id>}; the
 * notifiers' outcome mails, {@code outcome:<id>}), on an appeal's or an inquiry's thread, and legal@ mail on no thread.
 * Replies on report and case threads are reporting's and review's, and never arrive here.
 * <p>
 * The decision is the thread's, else the first known decision id in the text. The appellant is the notifier of one of
 * the decision's reports when the sender's address is theirs; otherwise, on the owner's thread, the owner, verified
 * (filed under their account: only they were mailed on it); on the notifiers' thread, a notifier writing from another
 * address, unverified (filed under the address; staff see that); with no thread, the owner, unverified, since merely
 * naming the id proves nothing. Mail from someone with an appeal open on that decision is
 * added to it; the appellant's reply on an appeal's thread adds to that appeal while it is open, and once it is decided
 * is a new appeal against the same decision (the outcome mail invites new arguments). Mail naming no known decision gets a reply asking
 * which decision it contests; mail that cannot become an appeal gets one saying why. Every answer is threaded on the
 * person's mail ({@code In-Reply-To}). Auto-replies and bounces are ignored. Runs in the consumer's transaction.
 */
@ApplicationScoped
public class LegalMailIntake {

    static final int MAX_IDS_PER_MAIL = 10;
    private static final Pattern UUID_TEXT =
            Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"')\\]]+", Pattern.CASE_INSENSITIVE);

    private final AppealFiling filing;
    private final AppealRepository appeals;
    private final DecisionCopyRepository decisions;
    private final ReportNotifierRepository notifiers;
    private final MailRequests mail;
    private final AppealsConfig config;

    public LegalMailIntake(
            AppealFiling filing,
            AppealRepository appeals,
            DecisionCopyRepository decisions,
            ReportNotifierRepository notifiers,
            MailRequests mail,
            AppealsConfig config) {
        this.filing = filing;
        this.appeals = appeals;
        this.decisions = decisions;
        this.notifiers = notifiers;
        this.mail = mail;
        this.config = config;
    }

    /**
     * Where the decision came from: the thread of the mail the sender answers (proof they received it: the owner's
     * {@code decision:} thread or the notifiers' {@code outcome:} thread), or, with no thread, its text.
     */
    private record Found(DecisionCopyEntity decision, MailRoutes.ThreadKind thread) {}

    public Uni<Void> accept(InboundMailReceived received) {
        String from = MailScreen.personSending(received, "an appeal").orElse(null);
        if (from == null) {
            return Uni.createFrom().voidItem();
        }
        return appeals.findByMailMessageId(received.messageId()).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().voidItem();
            }
            UUID appealThread = MailThreads.idOf(received.threadToken(), MailRoutes.ThreadKind.APPEAL.prefix());
            if (appealThread != null) {
                return appeals.findById(appealThread).chain(appeal -> {
                    if (appeal == null
                            || appeal.appellantEmail == null
                            || !appeal.appellantEmail.equalsIgnoreCase(from)) {
                        // Only the appellant writes into their appeal; anyone else is new mail.
                        return fresh(from, received);
                    }
                    return appeal.status == AppealStatus.OPEN
                            ? filing.addReply(appeal, bound(received.textBody()), received.messageId())
                            : again(appeal, received);
                });
            }
            return fresh(from, received);
        });
    }

    /**
     * The appellant answered the outcome of their appeal (the mail invites new arguments): a new appeal against the same
     * decision, by the same appellant as before, under the usual rules (window, reversed meanwhile, suspended).
     */
    private Uni<Void> again(AppealEntity decided, InboundMailReceived received) {
        Appellant appellant = new Appellant(
                new AppellantKey(decided.appellantKey), decided.appellantId, decided.appellantEmail, decided.residence);
        return decisions.lock(decided.decisionId).chain(decision -> {
            if (decision == null) {
                return askWhichDecision(decided.appellantEmail, received);
            }
            return fileOrAdd(decision, appellant, decided.appellantRole, decided.identityVerified, received);
        });
    }

    private Uni<Void> fresh(String from, InboundMailReceived received) {
        MailRoutes.ThreadKind thread = MailRoutes.ThreadKind.of(received.threadToken())
                .filter(k -> k == MailRoutes.ThreadKind.DECISION || k == MailRoutes.ThreadKind.OUTCOME)
                .orElse(null);
        return byThread(received.threadToken(), thread)
                .chain(decision -> decision != null
                        ? Uni.createFrom().item(new Found(decision, thread))
                        : byText(received.subjectLine() + "\n" + received.textBody())
                                .map(d -> d == null ? null : new Found(d, null)))
                .chain(found -> found == null ? askWhichDecision(from, received) : file(from, received, found));
    }

    private Uni<Void> file(String from, InboundMailReceived received, Found found) {
        return decisions
                .lock(found.decision().decisionId)
                .chain(decision -> notifiers.ofDecision(decision.decisionId).chain(notifiers -> {
                    ReportNotifierEntity notifier = notifiers.stream()
                            .filter(n -> n.reporterEmail != null && n.reporterEmail.equalsIgnoreCase(from))
                            .findFirst()
                            .orElse(null);
                    Appellant appellant;
                    AppellantRole role;
                    boolean verified;
                    if (notifier != null) {
                        // A notifier may contest any decision on their notice (DSA Art. 20(1)), restricting or not.
                        role = AppellantRole.NOTIFIER;
                        verified = true;
                        String accountId = notifier.reporterId;
                        appellant = new Appellant(
                                accountId != null ? AppellantKey.user(accountId) : AppellantKey.email(from),
                                accountId,
                                from,
                                notifier.jurisdiction);
                    } else if (found.thread() == MailRoutes.ThreadKind.OUTCOME) {
                        // On the notifiers' thread from an address none of them gave: a notifier writing from another
                        // address, filed under that address (unverified), never under anyone's account.
                        role = AppellantRole.NOTIFIER;
                        verified = false;
                        appellant = new Appellant(AppellantKey.email(from), null, from, null);
                    } else {
                        role = AppellantRole.OWNER;
                        // Only the owner is mailed on the decision's own thread: a reply there is theirs, filed under
                        // their account. A mail that merely names the decision's id proves nothing (unverified).
                        verified = found.thread() == MailRoutes.ThreadKind.DECISION;
                        // The verified owner's redress is decided by their country as the hub knew it; an unverified
                        // sender may be anyone, so they are told both options rather than the owner's.
                        appellant = verified
                                ? new Appellant(
                                        AppellantKey.user(decision.ownerId),
                                        decision.ownerId,
                                        from,
                                        decision.ownerCountry)
                                : new Appellant(AppellantKey.email(from), null, from, null);
                    }
                    if (role == AppellantRole.OWNER && !decision.restricts) {
                        return refuse(
                                from,
                                received,
                                decision,
                                "The decision placed no restriction on the content, so its "
                                        + "owner has nothing to appeal; the people who reported it may appeal it.");
                    }
                    return fileOrAdd(decision, appellant, role, verified, received);
                }));
    }

    /** A new appeal against the locked decision, or, when the appellant has one open on it, an addition to that one. */
    private Uni<Void> fileOrAdd(
            DecisionCopyEntity decision,
            Appellant appellant,
            AppellantRole role,
            boolean verified,
            InboundMailReceived received) {
        String text = received.subjectLine() + "\n\n" + received.textBody();
        return appeals.openOf(decision.decisionId, appellant.key().value()).chain(open -> {
            if (open != null) {
                // Writing again about the same decision adds to the appeal already open, not a refusal.
                return filing.addReply(open, bound(text.strip()), received.messageId());
            }
            NewAppeal input = new NewAppeal(decision.decisionId, bound(text.strip()), evidence(text));
            // Rule failures (window closed, suspended, reversed) are answered by mail, not dead-lettered.
            return Uni.createFrom()
                    .deferred(() -> filing.file(
                            decision, appellant, role, verified, input, AppealChannel.EMAIL, received.messageId()))
                    .replaceWithVoid()
                    .onFailure(ProblemException.class)
                    .recoverWithUni(e -> refuse(appellant.email(), received, decision, e.getMessage()));
        });
    }

    /** The decision of a reply on its owner's or its notifiers' thread; report and case threads are other services'. */
    private Uni<DecisionCopyEntity> byThread(String threadToken, MailRoutes.ThreadKind thread) {
        UUID decisionId = thread == null ? null : MailThreads.idOf(threadToken, thread.prefix());
        return decisionId != null
                ? decisions.findById(decisionId)
                : Uni.createFrom().nullItem();
    }

    /** The first id in the text that names a decision this service knows. */
    private Uni<DecisionCopyEntity> byText(String text) {
        Set<UUID> ids = new LinkedHashSet<>();
        Matcher m = UUID_TEXT.matcher(text);
        while (m.find() && ids.size() < MAX_IDS_PER_MAIL) {
            ids.add(UUID.fromString(m.group()));
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return decisions
                .known(List.copyOf(ids))
                .map(found -> ids.stream()
                        .flatMap(id -> found.stream().filter(d -> d.decisionId.equals(id)))
                        .findFirst()
                        .orElse(null));
    }

    private Uni<Void> askWhichDecision(String from, InboundMailReceived received) {
        Log.infof(
                "Mail %s to %s@ names no known decision; asking the sender which one it contests",
                received.messageId(), received.mailbox());
        return mail.send(answer(
                MailTemplateId.APPEAL_DECISION_NEEDED,
                from,
                received,
                Map.of(
                        "subjectLine",
                        bound(received.subjectLine()),
                        "receivedAt",
                        received.receivedAt().toString())));
    }

    private Uni<Void> refuse(String from, InboundMailReceived received, DecisionCopyEntity decision, String reason) {
        Log.infof(
                "Mail %s to %s@ against decision %s is not an appeal: %s",
                received.messageId(), received.mailbox(), decision.decisionId, reason);
        return mail.send(answer(
                MailTemplateId.APPEAL_REFUSED,
                from,
                received,
                Map.of("decisionId", decision.decisionId.toString(), "reason", reason)));
    }

    /** The answer to a mail that did not become an appeal, on an inquiry thread of its own, in reply to it, once. */
    private static MailRequest answer(
            MailTemplateId template, String to, InboundMailReceived received, Map<String, String> parameters) {
        return MailRequest.to(template, to, null)
                .parameters(parameters)
                .thread(MailThreads.inquiry(received.messageId()), Mailboxes.LEGAL)
                .once(template.id() + ":" + MailThreads.nameId(received.messageId()))
                .answering(received.messageId());
    }

    private List<String> evidence(String text) {
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find() && links.size() < config.filing().maxEvidenceLinks()) {
            String link = m.group();
            if (link.length() <= config.filing().maxUrlLength() && !links.contains(link) && isHttpUrl(link)) {
                links.add(link);
            }
        }
        return List.copyOf(links);
    }

    private static boolean isHttpUrl(String link) {
        try {
            return URI.create(link).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String bound(String text) {
        int max = config.mail().maxText();
        return text.length() <= max ? text : text.substring(0, max);
    }
}

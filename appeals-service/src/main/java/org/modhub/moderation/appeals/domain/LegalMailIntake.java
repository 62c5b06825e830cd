package org.modhub.moderation.appeals.domain;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modhub.moderation.appeals.config.AppealsConfig;
import org.modhub.moderation.appeals.persistence.AppealRepository;
import org.modhub.moderation.appeals.persistence.DecisionCopyEntity;
import org.modhub.moderation.appeals.persistence.DecisionCopyRepository;
import org.modhub.moderation.appeals.persistence.ReportNotifierEntity;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.kit.problem.ProblemException;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Mail to legal@ becomes appeals. The decision is found from the thread the mail replies to (a
 * decision's, its case's or a report's mail thread) or from a decision id in its text. The
 * appellant is the notifier whose report the decision answered when the sender's address is theirs,
 * otherwise the owner: verified when the mail replies on the decision's own thread (only its
 * recipient holds that thread token), unverified (staff see that) when it merely names the id.
 * A reply on an appeal's thread adds to that appeal. Mail naming no known decision gets a reply
 * asking which decision it contests; mail that cannot become an appeal gets one saying why.
 * Auto-replies and bounces are ignored. Runs in the consumer's transaction.
 */
@ApplicationScoped
public class LegalMailIntake {

    static final int MAX_IDS_PER_MAIL = 10;
    private static final Pattern UUID_TEXT = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"')\\]]+", Pattern.CASE_INSENSITIVE);

    private final AppealService appealService;
    private final AppealRepository appeals;
    private final DecisionCopyRepository decisions;
    private final AppellantMail mail;
    private final AppealsConfig config;

    public LegalMailIntake(AppealService appealService, AppealRepository appeals, DecisionCopyRepository decisions,
            AppellantMail mail, AppealsConfig config) {
        this.appealService = appealService;
        this.appeals = appeals;
        this.decisions = decisions;
        this.mail = mail;
        this.config = config;
    }

    /** Where the decision came from: the mail's thread (proof the sender received its mail) or its text. */
    private record Found(DecisionCopyEntity decision, boolean viaThread) {
    }

    public Uni<Void> accept(InboundMailReceived received) {
        String from = received.senderAddress().orElse(null);
        if (from == null) {
            Log.warnf("Mail %s to legal@ has no usable sender address; ignored", received.messageId());
            return Uni.createFrom().voidItem();
        }
        if (received.looksAutomated()) {
            Log.infof("Mail %s to legal@ is an auto-reply or bounce; not an appeal", received.messageId());
            return Uni.createFrom().voidItem();
        }
        return appeals.findByMailMessageId(received.messageId()).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().voidItem();
            }
            UUID appealThread = threadId(received.threadToken(), "appeal");
            if (appealThread != null) {
                return appeals.findById(appealThread).chain(appeal -> appeal != null && appeal.status == AppealStatus.OPEN
                        && appeal.appellantEmail != null && appeal.appellantEmail.equalsIgnoreCase(from)
                                ? appealService.addReply(appeal, bound(received.textBody()))
                                : fresh(from, received));
            }
            return fresh(from, received);
        });
    }

    private Uni<Void> fresh(String from, InboundMailReceived received) {
        return byThread(received.threadToken()).chain(decision -> decision != null
                ? Uni.createFrom().item(new Found(decision, true))
                : byText(received.subjectLine() + "\n" + received.textBody()).map(d -> d == null ? null : new Found(d, false)))
                .chain(found -> found == null ? askWhichDecision(from, received) : file(from, received, found));
    }

    private Uni<Void> file(String from, InboundMailReceived received, Found found) {
        return decisions.lock(found.decision().decisionId).chain(decision -> decisions.notifiers(decision.decisionId)
                .chain(notifiers -> {
                    ReportNotifierEntity notifier = notifiers.stream()
                            .filter(n -> n.reporterEmail != null && n.reporterEmail.equalsIgnoreCase(from)).findFirst()
                            .orElse(null);
                    boolean reportThread = threadId(received.threadToken(), "report") != null;
                    Appellant appellant;
                    AppellantRole role;
                    boolean verified;
                    if (notifier != null || reportThread) {
                        role = AppellantRole.NOTIFIER;
                        verified = true;
                        String accountId = notifier != null ? notifier.reporterId : null;
                        appellant = new Appellant(accountId != null ? AppellantKey.user(accountId) : AppellantKey.email(from),
                                accountId, from, notifier != null ? notifier.jurisdiction : null);
                    } else {
                        role = AppellantRole.OWNER;
                        verified = found.viaThread();
                        // Only a reply on the decision's own thread proves the sender is the owner the decision names.
                        appellant = verified ? new Appellant(AppellantKey.user(decision.ownerId), decision.ownerId, from, null)
                                : new Appellant(AppellantKey.email(from), null, from, null);
                    }
                    if (role == AppellantRole.OWNER && !decision.restricts) {
                        return refuse(from, received, decision, "The decision placed no restriction on the content; "
                                + "only a notifier whose report led to no action may appeal it.");
                    }
                    if (role == AppellantRole.NOTIFIER && decision.restricts) {
                        return refuse(from, received, decision,
                                "The decision acted on the report; notifiers may appeal a decision that took no action.");
                    }
                    String text = received.subjectLine() + "\n\n" + received.textBody();
                    NewAppeal input = new NewAppeal(decision.decisionId, bound(text.strip()), evidence(text));
                    // Rule failures (window closed, one already open, suspended) are answered by mail, not dead-lettered.
                    return Uni.createFrom().deferred(() -> appealService.file(decision, appellant, role, verified, input,
                            AppealChannel.EMAIL, received.messageId())).replaceWithVoid()
                            .onFailure(ProblemException.class)
                            .recoverWithUni(e -> refuse(from, received, decision, e.getMessage()));
                }));
    }

    private Uni<DecisionCopyEntity> byThread(String threadToken) {
        UUID decisionId = threadId(threadToken, "decision");
        if (decisionId != null) {
            return decisions.findById(decisionId);
        }
        UUID caseId = threadId(threadToken, "case");
        if (caseId != null) {
            return decisions.latestOfCase(caseId);
        }
        UUID reportId = threadId(threadToken, "report");
        if (reportId != null) {
            return decisions.latestForReport(reportId);
        }
        return Uni.createFrom().nullItem();
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
        return decisions.list("decisionId in ?1", List.copyOf(ids)).map(found -> ids.stream()
                .flatMap(id -> found.stream().filter(d -> d.decisionId.equals(id))).findFirst().orElse(null));
    }

    private Uni<Void> askWhichDecision(String from, InboundMailReceived received) {
        Log.infof("Mail %s to legal@ names no known decision; asking the sender which one it contests", received.messageId());
        UUID inquiry = inquiryId(received.messageId());
        return mail.send(AppellantMail.APPEAL_DECISION_NEEDED, from, null,
                Map.of("subjectLine", bound(received.subjectLine()), "receivedAt", received.receivedAt().toString()),
                "inquiry:" + inquiry, AppellantMail.APPEAL_DECISION_NEEDED + ":" + inquiry);
    }

    private Uni<Void> refuse(String from, InboundMailReceived received, DecisionCopyEntity decision, String reason) {
        Log.infof("Mail %s to legal@ against decision %s is not an appeal: %s", received.messageId(), decision.decisionId, reason);
        UUID inquiry = inquiryId(received.messageId());
        return mail.send(AppellantMail.APPEAL_REFUSED, from, null,
                Map.of("decisionId", decision.decisionId.toString(), "reason", reason), "inquiry:" + inquiry,
                AppellantMail.APPEAL_REFUSED + ":" + inquiry);
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

    /** A stable id for the reply thread of a mail that did not become an appeal (no address in the key). */
    private static UUID inquiryId(String messageId) {
        return UUID.nameUUIDFromBytes(messageId.getBytes(StandardCharsets.UTF_8));
    }

    static UUID threadId(String threadToken, String kind) {
        if (threadToken == null || !threadToken.startsWith(kind + ":")) {
            return null;
        }
        try {
            return UUID.fromString(threadToken.substring(kind.length() + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

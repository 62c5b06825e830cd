package org.modhub.moderation.matching.domain;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.matching.UploadVerdict;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.hub.HubDirectory;
import org.modhub.moderation.kit.hub.HubFile;
import org.modhub.moderation.matching.config.MatchingConfig;
import org.modhub.moderation.matching.persistence.BankWriter;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decisions in, bank sources out. A decision that removes or disables a repository or a file banks the sha256 of
 * its files as one source (REFUSE, the category's title as reason); a model removal also walks the model tree
 * ({@link DerivativeWalk}). A reversal (staff, an upheld appeal, a DMCA restoration) withdraws the source. Runs in
 * the consumer's transaction; a hub outage fails it and the kit's consumer waits it out.
 */
@ApplicationScoped
public class DecisionBanking {

    static final String ACTOR = AuditTrail.system("matching-service");

    private final HubDirectory hub;
    private final BankWriter writer;
    private final AuditTrail audit;
    private final DerivativeWalk walk;
    private final MatchingConfig config;
    private final Clock clock;
    private final List<Pattern> skipNames;

    public DecisionBanking(
            HubDirectory hub,
            BankWriter writer,
            AuditTrail audit,
            DerivativeWalk walk,
            MatchingConfig config,
            Clock clock) {
        this.hub = hub;
        this.writer = writer;
        this.audit = audit;
        this.walk = walk;
        this.config = config;
        this.clock = clock;
        this.skipNames =
                config.bank().skipNames().stream().map(DecisionBanking::glob).toList();
    }

    /** Whether a decision takes content down: REMOVE or DISABLE (a DMCA takedown is a DISABLE). */
    static boolean takesDown(DecisionTaken decision) {
        return decision.actions().contains(ModerationAction.REMOVE)
                || decision.actions().contains(ModerationAction.DISABLE);
    }

    public Uni<Void> taken(DecisionTaken decision) {
        SubjectRef subject = decision.subject();
        if (!takesDown(decision) || !(subject.isRepository() || subject.kind() == SubjectKind.FILE)) {
            return Uni.createFrom().voidItem();
        }
        SubjectRef repository = subject.repository().orElseThrow();
        String revision = subject.kind() == SubjectKind.FILE ? subject.revision() : null;
        return writer.decisionBanked(decision.decisionId()).chain(banked -> {
            if (banked) {
                return Uni.createFrom().voidItem();
            }
            return hub.files(repository, revision)
                    .map(files -> bankable(subject, files))
                    .chain(hashes -> bank(decision, hashes))
                    .chain(() -> subject.kind() == SubjectKind.MODEL
                            ? walk.walk(subject, decision.decisionId())
                            : Uni.createFrom().voidItem());
        });
    }

    private Uni<Void> bank(DecisionTaken decision, List<String> hashes) {
        byte[][] sorted = BankWriter.sortedDistinct(hashes);
        return writer.reversed(decision.decisionId())
                .chain(reversedBefore -> writer.nextRevision()
                        .chain(rev -> writer.insert(
                                        new BankSource(
                                                0,
                                                BankSource.Kind.DECISION,
                                                decision.decisionId(),
                                                decision.subject().key(),
                                                null,
                                                null,
                                                decision.category().title(),
                                                UploadVerdict.REFUSE,
                                                !reversedBefore),
                                        sorted,
                                        rev)
                                .chain(id -> audit.record(
                                        ACTOR,
                                        reversedBefore ? "bank.decision-withdrawn-before-banked" : "bank.decision",
                                        "bank_source",
                                        id,
                                        decision.decisionId(),
                                        decision.subject().key(),
                                        sorted.length + " file hashes banked for decision " + decision.decisionId()))))
                .invoke(() -> Log.infof(
                        "Decision %s on %s banked %d file hashes",
                        decision.decisionId(), decision.subject().key(), sorted.length));
    }

    public Uni<Void> reversed(DecisionReversed reversal) {
        return writer.rememberReversal(reversal.reversedDecisionId(), clock.instant())
                .chain(writer::nextRevision)
                .chain(rev -> writer.withdrawDecision(reversal.reversedDecisionId(), rev, clock.instant()))
                .chain(withdrawn -> audit.record(
                        ACTOR,
                        "bank.withdraw-decision",
                        "decision",
                        reversal.reversedDecisionId(),
                        reversal.reversedDecisionId(),
                        reversal.subject().key(),
                        withdrawn > 0
                                ? "source withdrawn: decision reversed by " + reversal.decisionId()
                                : "nothing banked yet; remembered so it never is"));
    }

    /** The hashes worth banking: LFS content of at least the minimum size, not a file everyone shares. */
    List<String> bankable(SubjectRef subject, List<HubFile> files) {
        long minBytes = config.bank().minFileBytes().asLongValue();
        return files.stream()
                .filter(f -> subject.kind() != SubjectKind.FILE || f.path().equals(subject.path()))
                .filter(f -> f.sha256() != null && f.sha256().matches("[0-9a-fA-F]{64}"))
                .filter(f -> f.size() >= minBytes)
                .filter(f -> !sharedName(f.path()))
                .map(HubFile::sha256)
                .toList();
    }

    boolean sharedName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return skipNames.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private static Pattern glob(String name) {
        StringBuilder regex = new StringBuilder();
        for (String part : name.trim().split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}

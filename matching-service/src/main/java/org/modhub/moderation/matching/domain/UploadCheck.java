package org.modhub.moderation.matching.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.matching.MatchKind;
import org.modhub.moderation.contracts.event.matching.MatchedFile;
import org.modhub.moderation.contracts.event.matching.UploadMatched;
import org.modhub.moderation.contracts.event.matching.UploadVerdict;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.matching.config.MatchingConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The upload check: read-only and served from memory. Each file's sha256 is looked up in the bank (an active
 * source's verdict, the strictest if several); each named base model that a standing decision removed holds the
 * upload for review (a derivative is never refused automatically). Only a match writes: one {@link UploadMatched}
 * per repository, source and kind of match, not again within {@code matching.events.repeat-after}.
 */
@ApplicationScoped
public class UploadCheck {

    private final Bank bank;
    private final Outbox outbox;
    private final MatchingConfig config;
    private final Clock clock;
    private final Counter lookups;
    private final Counter matches;

    public UploadCheck(Bank bank, Outbox outbox, MatchingConfig config, Clock clock, MeterRegistry registry) {
        this.bank = bank;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.lookups = registry.counter("matching.lookups");
        this.matches = registry.counter("matching.matches");
    }

    /** A checked upload: validated, hashes in lower case, base models as model subjects. */
    public record Upload(SubjectRef repository, List<UploadFile> files, List<SubjectRef> baseModels) {}

    public record UploadFile(String path, String sha256) {}

    /** One file's or base model's outcome: the verdict and the source behind it (null: nothing matched). */
    public record Outcome(UploadVerdict verdict, BankSource source) {}

    /** The outcome of a check, in request order. */
    public record Result(UploadVerdict verdict, List<Outcome> files, List<Outcome> baseModels) {}

    /** Looks the upload up and publishes what matched; completes after the events are in the outbox. */
    public Uni<Result> check(Upload upload) {
        Result result = lookUp(upload);
        if (result.verdict() == UploadVerdict.ACCEPT) {
            return Uni.createFrom().item(result);
        }
        return Panache.withTransaction(() -> publish(upload, result)).replaceWith(result);
    }

    Result lookUp(Upload upload) {
        UploadVerdict overall = UploadVerdict.ACCEPT;
        List<Outcome> files = new ArrayList<>(upload.files().size());
        lookups.increment(upload.files().size());
        for (UploadFile file : upload.files()) {
            BankSource strictest = null;
            for (BankSource source : bank.activeSources(file.sha256())) {
                if (strictest == null || source.verdict().stricter(strictest.verdict()) != strictest.verdict()) {
                    strictest = source;
                }
            }
            Outcome outcome = strictest == null
                    ? new Outcome(UploadVerdict.ACCEPT, null)
                    : new Outcome(strictest.verdict(), strictest);
            overall = overall.stricter(outcome.verdict());
            files.add(outcome);
        }
        List<Outcome> bases = new ArrayList<>(upload.baseModels().size());
        for (SubjectRef base : upload.baseModels()) {
            List<BankSource> decisions = bank.standingDecisionsOn(base.key());
            Outcome outcome = decisions.isEmpty()
                    ? new Outcome(UploadVerdict.ACCEPT, null)
                    : new Outcome(UploadVerdict.HOLD_FOR_REVIEW, decisions.get(0));
            overall = overall.stricter(outcome.verdict());
            bases.add(outcome);
        }
        return new Result(overall, files, bases);
    }

    private Uni<Void> publish(Upload upload, Result result) {
        Instant now = clock.instant();
        List<Pending> events = new ArrayList<>();
        Map<Integer, List<MatchedFile>> bySource = new LinkedHashMap<>();
        for (int i = 0; i < upload.files().size(); i++) {
            BankSource source = result.files().get(i).source();
            if (source != null) {
                UploadFile file = upload.files().get(i);
                bySource.computeIfAbsent(source.id(), k -> new ArrayList<>())
                        .add(new MatchedFile(file.path(), file.sha256()));
            }
        }
        bySource.forEach((sourceId, files) -> {
            BankSource source = bank.source(sourceId).orElseThrow();
            events.add(new Pending(
                    sourceId,
                    event(
                            upload.repository(),
                            source,
                            MatchKind.CONTENT_HASH,
                            files,
                            subjectOf(source),
                            source.verdict(),
                            now)));
        });
        for (int i = 0; i < upload.baseModels().size(); i++) {
            BankSource source = result.baseModels().get(i).source();
            if (source != null) {
                events.add(new Pending(
                        source.id(),
                        event(
                                upload.repository(),
                                source,
                                MatchKind.BASE_MODEL,
                                List.of(),
                                upload.baseModels().get(i),
                                UploadVerdict.HOLD_FOR_REVIEW,
                                now)));
            }
        }
        matches.increment(events.size());
        return Multi.createFrom()
                .iterable(events)
                .onItem()
                .transformToUniAndConcatenate(pending -> publishUnlessRecent(pending.sourceId(), pending.event(), now))
                .collect()
                .last()
                .replaceWithVoid();
    }

    private static UploadMatched event(
            SubjectRef repository,
            BankSource source,
            MatchKind kind,
            List<MatchedFile> files,
            SubjectRef matchedSubject,
            UploadVerdict verdict,
            Instant now) {
        return new UploadMatched(
                matchId(repository, source, kind),
                repository,
                kind,
                files,
                matchedSubject,
                source.decisionId(),
                source.listSource(),
                source.reason(),
                verdict,
                now);
    }

    /** Stable for an upload, the source it matched and how. */
    static UUID matchId(SubjectRef repository, BankSource source, MatchKind kind) {
        return UUID.nameUUIDFromBytes(
                (repository.key() + "\n" + source.id() + "\n" + kind).getBytes(StandardCharsets.UTF_8));
    }

    private static SubjectRef subjectOf(BankSource source) {
        return source.subjectKey() == null ? null : SubjectRef.parse(source.subjectKey());
    }

    /** An event and the source it is about. */
    private record Pending(int sourceId, UploadMatched event) {}

    private Uni<Void> publishUnlessRecent(int sourceId, UploadMatched event, Instant now) {
        Instant cutoff = now.minus(config.events().repeatAfter());
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO upload_match (repository, source_id, kind, published_at) "
                                + "VALUES (:repo, :source, :kind, :now) ON CONFLICT (repository, source_id, kind) "
                                + "DO UPDATE SET published_at = EXCLUDED.published_at "
                                + "WHERE upload_match.published_at <= :cutoff")
                        .setParameter("repo", event.subject().key())
                        .setParameter("source", sourceId)
                        .setParameter("kind", event.kind().name())
                        .setParameter("now", now)
                        .setParameter("cutoff", cutoff)
                        .executeUpdate())
                .chain(changed -> changed == 0
                        ? Uni.createFrom().voidItem()
                        : outbox.publish(Topics.MATCHING_EVENTS, EventSources.MATCHING_SERVICE, event)
                                .replaceWithVoid());
    }
}

package org.modhub.moderation.matching.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.modhub.moderation.matching.persistence.BankReader;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The bank as this replica holds it: the {@link HashIndex} and what each source is. PostgreSQL is the truth; this
 * copy is loaded at start (readiness stays DOWN until it is) and follows the database by polling the bank's
 * revision every {@code matching.bank.refresh}: a source another replica added is loaded, one it withdrew is
 * flipped. A replica's own writes {@link #refresh()} at once, so their effect is visible to the next request.
 */
@ApplicationScoped
public class Bank {

    private final BankReader reader;
    private final Clock clock;
    private final HashIndex index = new HashIndex();
    private final Map<Integer, BankSource> sources = new ConcurrentHashMap<>();
    /** Active and withdrawn DECISION sources by the decision's subject key (base-model matches). */
    private final Map<String, Set<Integer>> bySubject = new ConcurrentHashMap<>();

    private volatile long revision = -1;
    private volatile Instant loadedAt;

    public Bank(BankReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        // Loading ten million hashes takes seconds: off the start-up path, so the process is live (and reports
        // not ready) meanwhile.
        Thread.ofVirtual().name("bank-load").start(this::loadIfNotLoaded);
    }

    /** The first load; while it fails (the database not up yet), the scheduled poll tries again. */
    private synchronized void loadIfNotLoaded() {
        if (loadedAt != null) {
            return;
        }
        try {
            long started = System.nanoTime();
            refresh();
            Log.infof(
                    "Hash bank loaded: %d entries of %d sources in %d ms (%d MB)",
                    index.entries(),
                    sources.size(),
                    (System.nanoTime() - started) / 1_000_000,
                    index.memoryBytes() >> 20);
        } catch (RuntimeException e) {
            Log.warnf("Hash bank not loaded yet (%s); the next poll tries again", e.toString());
        }
    }

    @Scheduled(
            every = "${matching.bank.refresh:2s}",
            delayed = "${matching.bank.refresh:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (loadedAt == null) {
            loadIfNotLoaded();
            return;
        }
        try {
            if (reader.revision() != revision) {
                refresh();
            }
        } catch (Exception e) {
            Log.warnf("Hash bank refresh failed (%s); the next poll tries again", e.toString());
        }
    }

    /** Brings this copy up to the database's revision (blocking: call on a worker thread). */
    public synchronized void refresh() {
        try {
            BankReader.Snapshot snapshot = reader.changedSince(revision, sources.keySet());
            List<Integer> added = new ArrayList<>();
            for (BankSource source : snapshot.sources()) {
                BankSource before = sources.put(source.id(), source);
                if (before == null) {
                    added.add(source.id());
                } else if (before.active() != source.active()) {
                    index.setActive(source.id(), source.active());
                }
                if (source.kind() == BankSource.Kind.DECISION && source.subjectKey() != null) {
                    bySubject
                            .computeIfAbsent(source.subjectKey(), k -> ConcurrentHashMap.newKeySet())
                            .add(source.id());
                }
            }
            index.add(
                    snapshot.segment(),
                    added.stream()
                            .filter(id -> sources.get(id).active())
                            .mapToInt(Integer::intValue)
                            .toArray(),
                    true);
            revision = snapshot.revision();
            if (loadedAt == null) {
                loadedAt = clock.instant();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the bank: " + e.getMessage(), e);
        }
    }

    /** {@link #refresh()} on a worker thread, for reactive callers after their transaction committed. */
    public Uni<Void> refreshNow() {
        return Uni.createFrom()
                .item(() -> {
                    refresh();
                    return (Void) null;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    public boolean loaded() {
        return loadedAt != null;
    }

    public Optional<Instant> loadedAt() {
        return Optional.ofNullable(loadedAt);
    }

    public long revision() {
        return revision;
    }

    public HashIndex index() {
        return index;
    }

    public Optional<BankSource> source(int id) {
        return Optional.ofNullable(sources.get(id));
    }

    /** The active sources banking {@code sha256} (lower-case hex). */
    public List<BankSource> activeSources(String sha256) {
        List<BankSource> found = new ArrayList<>();
        for (int id : index.activeSources(sha256)) {
            BankSource source = sources.get(id);
            if (source != null && source.active()) {
                found.add(source);
            }
        }
        return found;
    }

    /** Every source banking {@code sha256}, active or withdrawn. */
    public List<BankSource> allSources(String sha256) {
        List<BankSource> found = new ArrayList<>();
        for (int id : index.sources(sha256)) {
            source(id).ifPresent(found::add);
        }
        return found;
    }

    /** The standing decisions that removed or disabled the subject with this key (a removed model). */
    public List<BankSource> standingDecisionsOn(String subjectKey) {
        Set<Integer> ids = bySubject.getOrDefault(subjectKey, Set.of());
        return ids.stream()
                .map(sources::get)
                .filter(s -> s != null && s.active())
                .sorted((a, b) -> Integer.compare(a.id(), b.id()))
                .toList();
    }

    public int sourceCount() {
        return sources.size();
    }

    public long activeSourceCount() {
        return sources.values().stream().filter(BankSource::active).count();
    }
}

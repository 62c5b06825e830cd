package org.modhub.moderation.review.transparency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.modhub.moderation.contracts.dsa.TransparencyStatement;
import org.modhub.moderation.contracts.dsa.Violation;
import org.modhub.moderation.review.config.ReviewConfig;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends statements of reasons to the EU DSA Transparency Database soon after their decisions take
 * effect, in batches of at most 100, and records where each one stands.
 *
 * <p>Never twice: before a statement goes out its attempt is counted and committed; a statement
 * with an earlier attempt is only resent once the database says its {@code puid} is unknown. A
 * crash between sending and recording therefore costs one lookup, not a duplicate. Several
 * replicas share the work: a batch being sent is leased to one of them.
 */
@ApplicationScoped
public class StatementSubmitter {

    static final String SUBMITTED = "SUBMITTED";
    static final String INVALID = "INVALID";
    static final String SKIPPED = "SKIPPED";
    static final String PENDING = "PENDING";

    /** Batches sent per run at most, so one run does not hold the scheduler thread for long. */
    private static final int MAX_BATCHES_PER_RUN = 50;

    private static final String DUE = "SELECT s.puid, s.attempts, " + StatementSource.COLUMNS
            + " FROM statement_submission s JOIN decision d ON d.id = s.decision_id"
            + " WHERE s.state = 'PENDING' AND s.next_attempt_at <= ? ORDER BY s.next_attempt_at, s.decision_id LIMIT ?"
            + " FOR UPDATE OF s SKIP LOCKED";

    private final DataSource db;
    private final StatementSource source;
    private final TransparencyDatabase database;
    private final ReviewConfig.Transparency config;
    private final Clock clock;

    public StatementSubmitter(
            DataSource db, StatementSource source, TransparencyDatabase database, ReviewConfig config, Clock clock) {
        this.db = db;
        this.source = source;
        this.database = database;
        this.config = config.transparency();
        this.clock = clock;
    }

    @Scheduled(
            identity = "statement-submitter",
            every = "${review.transparency.submit-every:10s}",
            delayed = "${review.transparency.submit-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!database.configured()) {
            return;
        }
        try {
            for (int i = 0; i < MAX_BATCHES_PER_RUN && submitBatch() == config.batchSize(); i++) {
                // a full batch: there may be more waiting
            }
        } catch (RuntimeException | SQLException e) {
            Log.warnf(e, "Statement submission run failed; the statements stay pending");
        }
    }

    /** One batch: claim, check earlier attempts, send, record. Returns how many statements were claimed. */
    int submitBatch() throws SQLException {
        List<Claimed> claimed = claim();
        List<Claimed> toSend = new ArrayList<>();
        for (Claimed c : claimed) {
            if (c.outcome != null) {
                continue;
            }
            if (c.attempts > 1) { // an earlier attempt may have arrived: ask before resending
                try {
                    if (database.exists(c.puid)) {
                        c.outcome = Outcome.submitted(null);
                        continue;
                    }
                } catch (TransparencyDatabase.Unavailable e) {
                    c.outcome = Outcome.retry(e.getMessage());
                    continue;
                }
            }
            toSend.add(c);
        }
        if (!toSend.isEmpty()) {
            send(toSend);
        }
        record(claimed);
        return claimed.size();
    }

    private void send(List<Claimed> batch) {
        TransparencyDatabase.Answer answer;
        try {
            answer = database.submit(batch.stream().map(c -> c.statement).toList());
        } catch (TransparencyDatabase.Unavailable e) {
            batch.forEach(c -> c.outcome = Outcome.retry(e.getMessage()));
            return;
        }
        if (answer.created() != null) {
            batch.forEach(c -> c.outcome = Outcome.submitted(answer.created().get(c.puid)));
            return;
        }
        if (batch.size() > 1 && answer.errorsByIndex().isEmpty()) {
            // The database refused the batch without saying which statement: send them one by one.
            for (Claimed c : batch) {
                send(List.of(c));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Claimed c = batch.get(i);
            List<String> errors = batch.size() == 1
                    ? answer.allErrors()
                    : answer.errorsByIndex().get(i);
            if (errors == null || errors.isEmpty()) {
                c.outcome = Outcome.retry("sent again: another statement of its batch was refused");
                c.resendNow = true;
            } else if (errors.stream().allMatch(TransparencyDatabase::isDuplicatePuid)) {
                c.outcome = Outcome.submitted(null); // an earlier attempt arrived after all
            } else {
                Log.errorf("The Transparency Database refused statement %s: %s", c.puid, errors);
                c.outcome = Outcome.invalid(String.join("; ", errors));
            }
        }
    }

    /** Claims due statements: each attempt is counted and leased in its own commit before anything is sent. */
    private List<Claimed> claim() throws SQLException {
        Instant now = clock.instant();
        List<Claimed> out = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement q = c.prepareStatement(DUE)) {
                    q.setObject(1, at(now));
                    q.setInt(2, config.batchSize());
                    try (ResultSet rows = q.executeQuery()) {
                        while (rows.next()) {
                            Claimed claimed =
                                    new Claimed(rows.getObject(4, UUID.class), rows.getString(1), rows.getInt(2) + 1);
                            Optional<TransparencyStatement> statement = source.statement(rows, 3);
                            if (statement.isEmpty()) {
                                claimed.outcome = Outcome.skipped();
                            } else {
                                List<Violation> violations = source.violations(statement.get());
                                if (violations.isEmpty()) {
                                    claimed.statement = statement.get();
                                } else {
                                    Log.errorf("Statement %s is not submitted: %s", claimed.puid, violations);
                                    claimed.outcome = Outcome.invalid(violations.toString());
                                }
                            }
                            out.add(claimed);
                        }
                    }
                }
                try (PreparedStatement lease = c.prepareStatement(
                        "UPDATE statement_submission SET attempts = attempts + 1, next_attempt_at = ? WHERE decision_id = ?")) {
                    for (Claimed claimed : out) {
                        lease.setObject(1, at(now.plus(config.lease())));
                        lease.setObject(2, claimed.decisionId);
                        lease.addBatch();
                    }
                    lease.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return out;
    }

    private void record(List<Claimed> batch) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = db.getConnection();
                PreparedStatement u = c.prepareStatement(
                        "UPDATE statement_submission SET state = ?, next_attempt_at = ?, last_error = ?,"
                                + " database_id = coalesce(?, database_id), submitted_at = ? WHERE decision_id = ?")) {
            c.setAutoCommit(false);
            for (Claimed claimed : batch) {
                Outcome o = claimed.outcome;
                boolean retry = PENDING.equals(o.state);
                u.setString(1, o.state);
                u.setObject(2, at(retry && !claimed.resendNow ? now.plus(backoff(claimed.attempts)) : now));
                u.setString(3, o.error);
                u.setString(4, o.databaseId);
                u.setObject(5, SUBMITTED.equals(o.state) ? at(now) : null);
                u.setObject(6, claimed.decisionId);
                u.addBatch();
            }
            u.executeBatch();
            c.commit();
        }
        long submitted =
                batch.stream().filter(x -> SUBMITTED.equals(x.outcome.state)).count();
        if (submitted > 0) {
            Log.infof("Submitted %d statement(s) of reasons to the Transparency Database", submitted);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    Duration backoff(int attempts) {
        Duration wait = config.initialBackoff().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    /** Where the statements stand. */
    public Status status() {
        Map<String, Long> byState = new LinkedHashMap<>();
        for (String state : List.of(PENDING, SUBMITTED, INVALID, SKIPPED)) {
            byState.put(state, 0L);
        }
        Instant oldestPending = null;
        String lastError = null;
        try (Connection c = db.getConnection()) {
            try (PreparedStatement q =
                            c.prepareStatement("SELECT state, count(*) FROM statement_submission GROUP BY state");
                    ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    byState.put(rows.getString(1), rows.getLong(2));
                }
            }
            try (PreparedStatement q = c.prepareStatement(
                            "SELECT created_at, last_error FROM statement_submission WHERE state = 'PENDING' ORDER BY created_at LIMIT 1");
                    ResultSet rows = q.executeQuery()) {
                if (rows.next()) {
                    oldestPending = rows.getObject(1, OffsetDateTime.class).toInstant();
                    lastError = rows.getString(2);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("submission status could not be read", e);
        }
        return new Status(database.configured(), byState, oldestPending, lastError);
    }

    /**
     * @param enabled whether a database endpoint is configured
     * @param statements how many statements are in each state
     * @param oldestPendingSince when the longest-waiting statement was queued
     * @param oldestPendingError why its last attempt failed, if one did
     */
    public record Status(
            boolean enabled, Map<String, Long> statements, Instant oldestPendingSince, String oldestPendingError) {}

    private static final class Claimed {
        final UUID decisionId;
        final String puid;
        final int attempts;
        TransparencyStatement statement;
        Outcome outcome;
        boolean resendNow;

        Claimed(UUID decisionId, String puid, int attempts) {
            this.decisionId = decisionId;
            this.puid = puid;
            this.attempts = attempts;
        }
    }

    private record Outcome(String state, String error, String databaseId) {
        static Outcome submitted(String databaseId) {
            return new Outcome(SUBMITTED, null, databaseId);
        }

        static Outcome invalid(String error) {
            return new Outcome(INVALID, error, null);
        }

        static Outcome skipped() {
            return new Outcome(SKIPPED, null, null);
        }

        static Outcome retry(String error) {
            return new Outcome(PENDING, error, null);
        }
    }
}

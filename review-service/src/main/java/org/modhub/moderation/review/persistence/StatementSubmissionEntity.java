package org.modhub.moderation.review.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A statement of reasons waiting for, or done with, the DSA Transparency Database. Written in the
 * transaction that enforces the decision, so no statement is forgotten; the submitter moves it on.
 */
@Entity
@Table(name = "statement_submission")
public class StatementSubmissionEntity {

    /** Waiting to be sent (again). */
    public static final String PENDING = "PENDING";

    @Id
    @Column(name = "decision_id")
    public UUID decisionId;

    public String puid;

    public String state;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "database_id")
    public String databaseId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** The statement as the database takes it (JSON), rendered when the decision took effect; null when it did not pass the checks. */
    public String statement;

    /** The platform unique identifier of a decision's statement: stable, so a resend is recognised. */
    public static String puidOf(UUID decisionId) {
        return "modhub-sor-" + decisionId;
    }

    public static StatementSubmissionEntity pending(UUID decisionId, Instant now, String statement) {
        StatementSubmissionEntity s = new StatementSubmissionEntity();
        s.statement = statement;
        s.decisionId = decisionId;
        s.puid = puidOf(decisionId);
        s.state = PENDING;
        s.nextAttemptAt = now;
        s.createdAt = now;
        return s;
    }
}

package org.modhub.moderation.review.transparency;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.modhub.moderation.contracts.dsa.StatementValidator;
import org.modhub.moderation.contracts.dsa.TransparencyStatement;
import org.modhub.moderation.contracts.dsa.Violation;
import org.modhub.moderation.review.domain.StatementOfReasons;
import org.modhub.moderation.review.persistence.StatementSubmissionEntity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads enforced decisions as Transparency Database statements: one query shape for the export
 * and the submitter, with the identities each statement must not carry.
 */
@ApplicationScoped
public class StatementSource {

    /**
     * Columns: the statement as stored when its decision took effect, the decision id, then what
     * renders the statement anew where none was stored (null for the others, so a stored one costs
     * no more than its own text): the hub's own statement, its content date (when the content was
     * posted, as the hub directory said at the decision; for older rows when its case opened), and
     * everyone the decision involved.
     */
    static final String COLUMNS = """
            s.statement, d.id,
            CASE WHEN s.statement IS NULL THEN d.statement END,
            CASE WHEN s.statement IS NULL THEN
              COALESCE(d.content_date, (SELECT c.opened_at FROM review_case c WHERE c.id = d.case_id)) END,
            CASE WHEN s.statement IS NULL THEN
              ARRAY(SELECT v.x FROM case_report r
                    CROSS JOIN LATERAL (VALUES (r.reporter_id), (r.reporter_email)) AS v(x)
                    WHERE r.case_id = d.case_id AND v.x IS NOT NULL)
              || ARRAY[d.owner_id, d.owner_email] END AS identities
            """;
    /** For reads that start from decisions; {@code s} is their submission row. */
    static final String FROM = " FROM decision d LEFT JOIN statement_submission s ON s.decision_id = d.id ";

    private final ObjectReader reader;
    private final StatementValidator validator = new StatementValidator();

    public StatementSource(ObjectMapper mapper) {
        this.reader = mapper.readerFor(StatementOfReasons.class);
    }

    /**
     * A decision's statement, rendered once when the decision takes effect (the caller stores it):
     * JSON the database takes, or empty when the decision restricts nothing or the statement does
     * not pass the checks (then it is rendered again when read, and the submitter records why).
     */
    public Optional<String> render(
            UUID decisionId, StatementOfReasons sor, Instant contentDate, Collection<String> identities) {
        return StatementMapper.map(
                        sor, contentDate, Redactor.of(identities), StatementSubmissionEntity.puidOf(decisionId))
                .map(statement -> statement.toJson())
                .filter(json -> validator.validateJson(json).isEmpty());
    }

    /**
     * Why the database would not take a decision's statement as {@link #render} builds it, in its own words ("field:
     * message"); empty when it would, or when the decision restricts nothing.
     */
    public List<String> problems(UUID decisionId, StatementOfReasons sor, Instant contentDate) {
        return StatementMapper.map(
                        sor, contentDate, Redactor.of(List.of()), StatementSubmissionEntity.puidOf(decisionId))
                .map(statement -> validator.validateJson(statement.toJson()).stream()
                        .map(Violation::toString)
                        .toList())
                .orElse(List.of());
    }

    /**
     * The JSON of a row whose {@link #COLUMNS} start at column {@code at}, in UTF-8, as the export
     * writes it; empty when the decision restricts nothing, or when the statement would be refused (logged).
     */
    Optional<byte[]> json(ResultSet row, int at) throws SQLException {
        byte[] stored = row.getBytes(at); // a text column's bytes as the server sent them: UTF-8, checked when rendered
        if (stored != null) {
            return Optional.of(stored);
        }
        Optional<TransparencyStatement> statement = rendered(row, at);
        if (statement.isEmpty()) {
            return Optional.empty();
        }
        String json = statement.get().toJson();
        List<Violation> violations = validator.validateJson(json);
        if (!violations.isEmpty()) {
            // Never export what the database would refuse; the submitter records it as INVALID.
            Log.errorf("Statement %s is not exported: %s", statement.get().puid(), violations);
            return Optional.empty();
        }
        return Optional.of(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The statement of a row whose {@link #COLUMNS} start at column {@code at}; empty when the decision restricts nothing. */
    Optional<TransparencyStatement> statement(ResultSet row, int at) throws SQLException {
        String stored = row.getString(at);
        return stored != null ? Optional.of(TransparencyStatement.fromJson(stored)) : rendered(row, at);
    }

    private Optional<TransparencyStatement> rendered(ResultSet row, int at) throws SQLException {
        UUID decisionId = row.getObject(at + 1, UUID.class);
        StatementOfReasons sor;
        try {
            sor = reader.readValue(row.getString(at + 2));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("decision " + decisionId + " has a statement that does not read", e);
        }
        OffsetDateTime contentDate = row.getObject(at + 3, OffsetDateTime.class);
        return StatementMapper.map(
                sor,
                contentDate == null ? null : contentDate.toInstant(),
                Redactor.of(identities(row.getArray(at + 4))),
                StatementSubmissionEntity.puidOf(decisionId));
    }

    /** What the database would refuse or silently drop; empty when it takes the statement as it is. */
    List<Violation> violations(TransparencyStatement statement) {
        return validator.validate(statement);
    }

    private static List<String> identities(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                if (o != null) {
                    out.add(o.toString());
                }
            }
        }
        return out;
    }
}

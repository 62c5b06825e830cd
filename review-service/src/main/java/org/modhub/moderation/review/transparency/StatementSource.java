package org.modhub.moderation.review.transparency;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads enforced decisions as Transparency Database statements: one query shape for the export
 * and the submitter, with the identities each statement must not carry.
 */
@ApplicationScoped
public class StatementSource {

    /** Columns: decision id, stored statement, when its case opened, and everyone it involved. */
    static final String COLUMNS = """
            d.id, d.statement, c.opened_at,
            ARRAY(SELECT v.x FROM case_report r
                  CROSS JOIN LATERAL (VALUES (r.reporter_id), (r.reporter_email)) AS v(x)
                  WHERE r.case_id = d.case_id AND v.x IS NOT NULL)
              || ARRAY[d.owner_id, d.owner_email] AS identities
            """;
    static final String FROM = " FROM decision d JOIN review_case c ON c.id = d.case_id ";

    private final ObjectReader reader;
    private final StatementValidator validator = new StatementValidator();

    public StatementSource(ObjectMapper mapper) {
        this.reader = mapper.readerFor(StatementOfReasons.class);
    }

    /** The statement of a row whose {@link #COLUMNS} start at column {@code at}; empty when the decision restricts nothing. */
    Optional<TransparencyStatement> statement(ResultSet row, int at) throws SQLException {
        UUID decisionId = row.getObject(at, UUID.class);
        StatementOfReasons sor;
        try {
            sor = reader.readValue(row.getString(at + 1));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("decision " + decisionId + " has a statement that does not read", e);
        }
        OffsetDateTime opened = row.getObject(at + 2, OffsetDateTime.class);
        return StatementMapper.map(sor, opened == null ? null : opened.toInstant(), Redactor.of(identities(row.getArray(at + 3))),
                StatementSubmissionEntity.puidOf(decisionId));
    }

    /** What the database would refuse or silently drop; empty when it takes the statement as it is. */
    List<Violation> violations(TransparencyStatement statement) {
        return validator.validate(statement);
    }

    /** The same for a statement already written as JSON (the export writes each one once). */
    List<Violation> violations(String json) {
        return validator.validateJson(json);
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

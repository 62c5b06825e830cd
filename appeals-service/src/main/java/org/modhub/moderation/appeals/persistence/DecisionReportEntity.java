package org.modhub.moderation.appeals.persistence;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A report a decision answers. */
@Entity
@Table(name = "decision_report")
@IdClass(DecisionReportEntity.Key.class)
public class DecisionReportEntity {

    @Id
    @Column(name = "decision_id")
    public UUID decisionId;

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID decisionId;
        public UUID reportId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(decisionId, k.decisionId)
                    && Objects.equals(reportId, k.reportId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(decisionId, reportId);
        }
    }
}

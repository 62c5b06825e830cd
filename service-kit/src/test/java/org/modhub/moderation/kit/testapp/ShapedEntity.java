package org.modhub.moderation.kit.testapp;

import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Structured values in a jsonb column and a list in an array column, mapped by Hibernate: no hand-written JSON. */
@Entity
@Table(name = "kit_test_shaped")
public class ShapedEntity extends PanacheEntityBase {

    /** A value object kept whole in one column. */
    public record Shape(String name, int sides) {}

    @Id
    public UUID id;

    /**
     * A list of plain values is a PostgreSQL array, which Hibernate maps by itself (Hibernate Reactive binds a
     * {@code jsonb} column as a JSON object only, never a top-level array).
     */
    public List<String> links;

    @JdbcTypeCode(SqlTypes.JSON)
    public Shape shape;
}

package org.modhub.moderation.appeals.persistence;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of the misuse ladder: a warning, a suspension or its end. */
@Entity
@Table(name = "appellant_sanction")
public class AppellantSanctionEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "appellant_key")
    public String appellantKey;

    /** WARNED, SUSPENDED or REINSTATED. */
    public String kind;

    public String reason;

    public Instant until;

    @Column(name = "unfounded_appeals")
    public String unfoundedAppeals;

    public Instant at;
}

package org.modhub.moderation.appeals.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of the misuse ladder: a warning, a suspension or its end. */
@Entity
@Table(name = "appellant_sanction")
public class AppellantSanctionEntity {

    @Id
    public UUID id;

    @Column(name = "appellant_key")
    public String appellantKey;

    /** WARNED, SUSPENDED or REINSTATED. */
    public String kind;

    public String reason;

    public Instant until;

    /** The manifestly unfounded appeals the step rests on, a {@code uuid[]}. */
    @Column(name = "unfounded_appeals")
    public List<UUID> unfoundedAppeals;

    public Instant at;
}

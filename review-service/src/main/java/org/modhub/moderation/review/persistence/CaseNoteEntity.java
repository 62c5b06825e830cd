package org.modhub.moderation.review.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A staff note on a case: internal, or shareable with the owner. */
@Entity
@Table(name = "case_note")
public class CaseNoteEntity {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public String author;

    public String body;

    public boolean shareable;

    @Column(name = "created_at")
    public Instant createdAt;
}

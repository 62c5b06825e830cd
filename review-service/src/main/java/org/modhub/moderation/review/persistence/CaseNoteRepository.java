package org.modhub.moderation.review.persistence;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Notes on cases. */
@ApplicationScoped
public class CaseNoteRepository implements PanacheRepositoryBase<CaseNoteEntity, UUID> {}

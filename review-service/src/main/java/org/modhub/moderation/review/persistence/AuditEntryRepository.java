package org.modhub.moderation.review.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The append-only audit log. */
@ApplicationScoped
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntryEntity, Long> {
}

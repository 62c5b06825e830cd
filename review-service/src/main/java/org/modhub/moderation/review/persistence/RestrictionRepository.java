package org.modhub.moderation.review.persistence;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The enforcement ledger. */
@ApplicationScoped
public class RestrictionRepository implements PanacheRepositoryBase<RestrictionEntity, UUID> {}

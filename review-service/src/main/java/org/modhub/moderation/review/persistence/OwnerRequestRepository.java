package org.modhub.moderation.review.persistence;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Requests to owners and their answers. */
@ApplicationScoped
public class OwnerRequestRepository implements PanacheRepositoryBase<OwnerRequestEntity, UUID> {}

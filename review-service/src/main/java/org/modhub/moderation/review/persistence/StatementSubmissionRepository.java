package org.modhub.moderation.review.persistence;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Statements of reasons on their way to the Transparency Database. */
@ApplicationScoped
public class StatementSubmissionRepository implements PanacheRepositoryBase<StatementSubmissionEntity, UUID> {}

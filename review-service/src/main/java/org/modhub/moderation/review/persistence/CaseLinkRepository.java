package org.modhub.moderation.review.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The links of cases to removed content, by link key. */
@ApplicationScoped
public class CaseLinkRepository implements PanacheRepositoryBase<CaseLinkEntity, String> {}

package org.modhub.moderation.review.domain;

import java.time.Instant;

import org.modhub.moderation.kit.hub.HubAccount;
import org.modhub.moderation.kit.hub.HubSubject;
import org.modhub.moderation.review.persistence.DecisionEntity;

/**
 * What the hub directory said at the time of a decision: whom it concerns and when the content was posted.
 * Stored on the decision as they were, so a later change on the hub does not rewrite a statement of reasons.
 *
 * @param ownerId the owner's hub account id (the {@code sub} of their tokens): the only ownership object-level
 *     checks trust
 * @param ownerEmail where their mail goes; null when the hub has none (or, for a takedown, dmca-service writes)
 * @param ownerLocale the account's language (BCP 47); null: the kit's default mail locale
 * @param ownerCountry ISO 3166-1 alpha-2; null when the hub does not know it
 * @param contentDate when the content was posted; null when the hub no longer knows the subject
 */
public record HubFacts(
        String ownerId, String ownerEmail, String ownerLocale, String ownerCountry, Instant contentDate) {

    /** The facts of {@code owner}, one of {@code subject}'s owners. */
    static HubFacts of(HubSubject subject, HubAccount owner) {
        return new HubFacts(owner.id(), owner.email(), owner.language(), owner.country(), subject.createdAt());
    }

    /** The facts a decision stored, for one that follows from it (an appeal's new actions, a reversal). */
    static HubFacts of(DecisionEntity d) {
        return new HubFacts(d.ownerId, d.ownerEmail, d.ownerLocale, d.ownerCountry, d.contentDate);
    }

    HubFacts withContentDate(Instant date) {
        return new HubFacts(ownerId, ownerEmail, ownerLocale, ownerCountry, date);
    }

    void applyTo(DecisionEntity d) {
        d.ownerId = ownerId;
        d.ownerEmail = ownerEmail;
        d.ownerLocale = ownerLocale;
        d.ownerCountry = ownerCountry;
        d.contentDate = contentDate;
    }
}

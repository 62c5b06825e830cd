package org.modhub.moderation.kit.hub;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * A subject as the hub knows it.
 *
 * @param ref the subject
 * @param visibility who can see it (for things inside a repository, the repository's)
 * @param createdAt when it was posted: a repository's or post's creation, a discussion's or comment's, a file's
 *     last commit, an account's registration
 * @param lastModified when it last changed; {@code createdAt} where the hub does not say
 * @param owners the accounts answerable for it, first the one notices go to: a repository's namespace (and an
 *     organisation's admins after it), a discussion's, comment's or post's author, the account itself
 * @param baseModels for a model, the models its card names as {@code base_model}; empty otherwise
 */
public record HubSubject(
        SubjectRef ref,
        Visibility visibility,
        Instant createdAt,
        Instant lastModified,
        List<HubAccount> owners,
        List<ModelLink> baseModels) {

    public HubSubject {
        owners = List.copyOf(owners);
        baseModels = List.copyOf(baseModels);
    }

    /** The account notices go to. */
    public HubAccount primaryOwner() {
        return owners.get(0);
    }

    /** The owner with this hub account id, if it is one of them. */
    public Optional<HubAccount> owner(String accountId) {
        return owners.stream().filter(o -> o.id().equals(accountId)).findFirst();
    }

    /** Whether the account with this id is one of the owners: the only object-level ownership test. */
    public boolean ownedBy(String accountId) {
        return accountId != null && owner(accountId).isPresent();
    }

    public enum Visibility {
        PUBLIC,
        PRIVATE,
        /** Public, but downloads need the owner's approval or an accepted licence. */
        GATED
    }
}

package org.modhub.moderation.kit.security;

import java.util.Objects;
import java.util.Set;

import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.kit.problem.ProblemException;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The authenticated caller as business code needs it: the hub account id (the token's subject,
 * or its {@code upn} when there is no subject) and the roles. Object-level checks live here so
 * every service answers "not yours" the same way: as a 404, which does not reveal that the object
 * exists.
 */
public record Caller(String id, Set<String> roles) {

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            throw new IllegalStateException("No authenticated caller; the endpoint must require a role");
        }
        return new Caller(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Moderators, senior moderators, legal and admins: the people who may see staff views. */
    public boolean isStaff() {
        return roles.stream().anyMatch(Roles.STAFF::contains);
    }

    public boolean is(String accountId) {
        return Objects.equals(id, accountId);
    }

    /**
     * Passes when the caller owns the object or is staff; otherwise throws a not-found problem.
     *
     * @param what a noun for the message, e.g. "Report"
     * @param objectId the object's id, named in the message
     * @param ownerId the account that owns the object
     */
    public void requireOwnerOrStaff(String what, Object objectId, String ownerId) {
        if (!isStaff() && !is(ownerId)) {
            throw ProblemException.notFound(what, objectId);
        }
    }

    /** Passes only for the owner itself, staff included: for acts only the owner may do. */
    public void requireOwner(String what, Object objectId, String ownerId) {
        if (!is(ownerId)) {
            throw ProblemException.notFound(what, objectId);
        }
    }
}

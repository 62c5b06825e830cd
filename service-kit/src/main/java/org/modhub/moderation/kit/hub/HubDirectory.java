package org.modhub.moderation.kit.hub;

import java.util.List;
import java.util.Optional;

import org.modhub.moderation.contracts.subject.SubjectRef;

import io.smallrye.mutiny.Uni;

/**
 * What the hub knows about a subject and the people behind it: the one place a service learns who owns
 * content, where to mail them, in which language, and where they live. Staff never type these facts;
 * they choose among the accounts the directory returns.
 *
 * <p>Every method fails with {@link HubUnavailableException} (a 503 problem with {@code Retry-After},
 * and an outage the kit's consumers wait out) when the hub cannot answer; nothing is decided on a
 * guess. Answers are cached for a bounded time ({@code kit.hub.cache.*}).
 */
public interface HubDirectory {

    /** The subject as the hub knows it now; empty when the hub has no such thing. */
    Uni<Optional<HubSubject>> find(SubjectRef subject);

    /**
     * The subject, or a 422 {@code unknown-subject} problem naming {@code field} when the hub has no
     * such thing.
     */
    default Uni<HubSubject> require(SubjectRef subject, String field) {
        return find(subject).map(found -> found.orElseThrow(() -> HubProblems.unknownSubject(field, subject)));
    }

    /** An account (user or organisation) by its name, the namespace in subject keys. */
    Uni<Optional<HubAccount>> account(String name);

    /**
     * The files of a repository (model, dataset or Space) at {@code revision} ({@code main} when null),
     * with their LFS content hashes; empty when the repository or revision does not exist.
     */
    Uni<List<HubFile>> files(SubjectRef repository, String revision);

    /** The models whose card names {@code model} as their {@code base_model}, with the relation. */
    Uni<List<ModelLink>> derivatives(SubjectRef model);
}

package org.modhub.moderation.dmca.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.hub.HubAccount;
import org.modhub.moderation.kit.hub.HubDirectory;
import org.modhub.moderation.kit.hub.HubProblems;
import org.modhub.moderation.kit.hub.HubSubject;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who a notice's content belongs to, from the hub directory at the time of the act. Legal chooses
 * among the accounts it returns, or leaves each subject to its primary owner; the uploader's name,
 * e-mail and language are never typed. A subject the hub no longer knows is a 422 naming the
 * notice's {@code subjects[k]}; a hub that does not answer is the port's 503.
 */
@ApplicationScoped
public class Uploaders {

    /** A subject of a notice and its owners as the hub knows them now, the first being the one notices go to. */
    public record SubjectOwners(SubjectRef subject, boolean known, List<HubAccount> owners) {}

    private final HubDirectory hub;

    public Uploaders(HubDirectory hub) {
        this.hub = hub;
    }

    /** Each subject's owners, for legal to choose among; a subject the hub does not know has none. */
    public Uni<List<SubjectOwners>> ownersOf(List<SubjectRef> subjects) {
        return lookUp(subjects)
                .map(found -> subjects.stream()
                        .map(s -> found.get(s)
                                .map(h -> new SubjectOwners(s, true, h.owners()))
                                .orElseGet(() -> new SubjectOwners(s, false, List.of())))
                        .toList());
    }

    /**
     * The uploaders whose takedowns accepting the notice orders. No choices: each subject goes to its
     * primary owner, one uploader per owner. Otherwise each chosen id must own each subject given to
     * it (422 {@code not-an-owner} naming {@code owners[i].id}). Every uploader must have an e-mail
     * address on file: they are told of the takedown and how to counter-notify (512(g)(2)(A)).
     */
    public Uni<List<Owner>> resolve(List<SubjectRef> noticeSubjects, List<OwnerChoice> choices) {
        List<OwnerChoice> assigned = assign(choices, noticeSubjects);
        // Only what is taken down must still be on the hub: legal may accept for the rest of a notice.
        List<SubjectRef> taken = assigned.isEmpty()
                ? noticeSubjects
                : assigned.stream().flatMap(c -> c.subjects().stream()).toList();
        return lookUp(taken).map(found -> {
            for (int k = 0; k < noticeSubjects.size(); k++) {
                SubjectRef s = noticeSubjects.get(k);
                if (found.containsKey(s) && found.get(s).isEmpty()) {
                    throw HubProblems.unknownSubject("subjects[" + k + "]", s);
                }
            }
            return assigned.isEmpty()
                    ? primaryOwners(noticeSubjects, found)
                    : chosenOwners(assigned, noticeSubjects, found);
        });
    }

    private static List<Owner> primaryOwners(List<SubjectRef> subjects, Map<SubjectRef, Optional<HubSubject>> found) {
        Map<String, HubAccount> accounts = new LinkedHashMap<>();
        Map<String, List<SubjectRef>> theirs = new HashMap<>();
        Map<String, String> fields = new HashMap<>();
        for (int k = 0; k < subjects.size(); k++) {
            SubjectRef s = subjects.get(k);
            HubSubject h = found.get(s).orElseThrow();
            String field = "subjects[" + k + "]";
            if (h.owners().isEmpty()) {
                throw new ProblemException(
                        ProblemKind.UNPROCESSABLE,
                        field + ": the hub names no owner of " + s.key(),
                        List.of(new FieldError(field, "the hub names no owner of " + s.key())));
            }
            HubAccount owner = h.primaryOwner();
            accounts.putIfAbsent(owner.id(), owner);
            fields.putIfAbsent(owner.id(), field);
            theirs.computeIfAbsent(owner.id(), id -> new ArrayList<>()).add(s);
        }
        List<Owner> owners = new ArrayList<>();
        for (HubAccount a : accounts.values()) {
            owners.add(Owner.of(reachable(a, fields.get(a.id()), true), theirs.get(a.id())));
        }
        return owners;
    }

    private static List<Owner> chosenOwners(
            List<OwnerChoice> choices, List<SubjectRef> subjects, Map<SubjectRef, Optional<HubSubject>> found) {
        List<Owner> owners = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            OwnerChoice choice = choices.get(i);
            String field = "owners[" + i + "].id";
            HubAccount account = null;
            for (SubjectRef s : choice.subjects()) {
                HubSubject h = found.get(s).orElseThrow();
                HubAccount owner =
                        h.owner(choice.id()).orElseThrow(() -> HubProblems.notAnOwner(field, choice.id(), s));
                if (account == null) {
                    account = owner;
                }
            }
            owners.add(Owner.of(reachable(account, field, false), choice.subjects()));
        }
        return owners;
    }

    /** The uploader must be told of the takedown; without an address on file legal chooses another owner. */
    private static HubAccount reachable(HubAccount account, String field, boolean primary) {
        if (account.email() != null && !account.email().isBlank()) {
            return account;
        }
        String message = account.name() + " (" + account.id()
                + ") has no e-mail address on file at the hub, and the uploader must be told of the takedown"
                + " and how to counter-notify; "
                + (primary
                        ? "name in owners[] another owner of the subject who has one (GET .../owners lists them)"
                        : "choose another owner of the subject who has one");
        throw new ProblemException(
                ProblemKind.typeOf("uploader-unreachable"),
                "The uploader has no e-mail address on file",
                422,
                field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    /** Each distinct subject looked up at once; the first failure (the hub down) fails the lot. */
    private Uni<Map<SubjectRef, Optional<HubSubject>>> lookUp(List<SubjectRef> subjects) {
        List<SubjectRef> distinct = List.copyOf(new LinkedHashSet<>(subjects));
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<Optional<HubSubject>>> lookups =
                distinct.stream().map(hub::find).toList();
        return Uni.join().all(lookups).andFailFast().map(results -> {
            Map<SubjectRef, Optional<HubSubject>> found = new HashMap<>();
            for (int i = 0; i < distinct.size(); i++) {
                found.put(distinct.get(i), results.get(i));
            }
            return found;
        });
    }

    /**
     * Each choice's subjects must be the notice's; one choice without subjects takes them all. A
     * subject may belong to one uploader only. No choices: the directory decides, subject by subject.
     */
    static List<OwnerChoice> assign(List<OwnerChoice> choices, List<SubjectRef> subjects) {
        if (choices.isEmpty()) {
            return List.of();
        }
        if (choices.size() == 1 && choices.get(0).subjects().isEmpty()) {
            return List.of(new OwnerChoice(choices.get(0).id(), subjects));
        }
        Set<SubjectRef> seen = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < choices.size(); i++) {
            OwnerChoice o = choices.get(i);
            if (!ids.add(o.id())) {
                throw ProblemException.invalidField("owners[" + i + "].id", "each uploader is listed once");
            }
            if (o.subjects().isEmpty()) {
                throw ProblemException.invalidField(
                        "owners[" + i + "].subjects", "name this uploader's subjects of the notice");
            }
            for (SubjectRef s : o.subjects()) {
                if (!subjects.contains(s)) {
                    throw ProblemException.invalidField(
                            "owners[" + i + "].subjects", s.key() + " is not named in the notice");
                }
                if (!seen.add(s)) {
                    throw ProblemException.invalidField(
                            "owners[" + i + "].subjects", s.key() + " is given to two uploaders");
                }
            }
        }
        return choices;
    }
}

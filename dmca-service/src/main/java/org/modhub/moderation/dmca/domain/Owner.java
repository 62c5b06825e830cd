package org.modhub.moderation.dmca.domain;

import java.util.List;

import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.hub.HubAccount;

/**
 * An uploader whose content an accepted notice names, as the hub directory knew them when legal
 * accepted: the stable account id (JWT {@code sub}), the account name, where to mail them and in
 * which language (null: the kit's default), and which of the notice's subjects are theirs.
 */
public record Owner(String id, String name, String email, String language, List<SubjectRef> subjects) {

    public Owner {
        subjects = List.copyOf(subjects);
    }

    static Owner of(HubAccount account, List<SubjectRef> subjects) {
        return new Owner(account.id(), account.name(), account.email(), account.language(), subjects);
    }
}

package org.modhub.moderation.dmca.domain;

import java.util.List;

import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * An uploader whose content an accepted notice names, as legal staff identify them in the hub:
 * the stable user id (JWT {@code sub}), the account name, where to mail them, and which of the
 * notice's subjects are theirs.
 */
public record Owner(String id, String name, String email, List<SubjectRef> subjects) {}

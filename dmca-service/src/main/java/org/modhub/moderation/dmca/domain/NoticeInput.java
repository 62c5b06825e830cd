package org.modhub.moderation.dmca.domain;

import java.util.List;
import java.util.UUID;

/**
 * A takedown notice as sent, before its elements are checked: each element of 17 U.S.C.
 * 512(c)(3)(A) in its own field. Any of them may be missing.
 */
public record NoticeInput(
        UUID revisionOf,
        String signature,
        List<Work> works,
        List<Material> material,
        Contact contact,
        boolean goodFaith,
        boolean accurate,
        boolean authorised) {

    /** (ii) a copyrighted work, described, with a link where it can be seen if there is one. */
    public record Work(String description, String url) {}

    /** (iii) an allegedly infringing item: its hub URL and what in it infringes. */
    public record Material(String url, String description) {}

    /** (iv) how to reach the complaining party; an organisation is named in the public archive. */
    public record Contact(String name, String organisation, String email, String address, String phone) {}
}

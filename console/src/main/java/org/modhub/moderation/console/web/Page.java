package org.modhub.moderation.console.web;

import java.util.List;
import java.util.Set;

import org.modhub.moderation.contracts.Roles;

/** The console's pages as the navigation lists them, and who may open each. */
public enum Page {
    QUEUE("/queue", "Queue", Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN),
    APPROVALS("/approvals", "Approvals", Roles.SENIOR_MODERATOR),
    CHANGES_REQUESTED("/changes-requested", "Changes requested", Roles.MODERATOR, Roles.SENIOR_MODERATOR),
    DMCA("/dmca", "DMCA", Roles.LEGAL, Roles.ADMIN),
    APPEALS("/appeals", "Appeals", Roles.LEGAL, Roles.SENIOR_MODERATOR, Roles.ADMIN),
    PEOPLE("/people", "People", Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN),
    MAIL("/mail", "Mail", Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN, Roles.AUDITOR),
    TRANSPARENCY("/transparency", "Transparency", Roles.AUDITOR, Roles.ADMIN),
    /** Moderators look hashes up from a linked case's matched files; the navigation leads the bank's keepers here. */
    BANK("/bank", "Bank", Roles.LEGAL, Roles.ADMIN, Roles.AUDITOR),
    /** Data subjects' access and erasure requests (GDPR Arts. 15 and 17). */
    PRIVACY("/privacy", "Privacy", Roles.LEGAL, Roles.ADMIN, Roles.AUDITOR);

    private final String path;
    private final String title;
    private final Set<String> roles;

    Page(String path, String title, String... roles) {
        this.path = path;
        this.title = title;
        this.roles = Set.of(roles);
    }

    public String path() {
        return path;
    }

    public String title() {
        return title;
    }

    public boolean openTo(Set<String> held) {
        return held.stream().anyMatch(roles::contains);
    }

    /** The pages these roles may open, in navigation order. */
    public static List<Page> openTo(Set<String> held, List<Page> all) {
        return all.stream().filter(p -> p.openTo(held)).toList();
    }
}

package org.modhub.moderation.dmca.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.modhub.moderation.contracts.event.dmca.DmcaNoticeElement;
import org.modhub.moderation.contracts.subject.HubLinks;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.validation.FieldChecks;

/**
 * Checks a notice for the six elements of 17 U.S.C. 512(c)(3)(A) and names each one that is
 * missing or deficient, with the field at fault. The notice is kept whatever the outcome.
 *
 * @param material each item with the subject its URL resolves to (null when it does not)
 * @param subjects the distinct resolved subjects
 * @param missing the elements missing or deficient, in statutory order
 * @param deficiencies what is wrong with each, by field
 */
public record NoticeCheck(
        List<ResolvedMaterial> material,
        List<SubjectRef> subjects,
        List<DmcaNoticeElement> missing,
        List<Deficiency> deficiencies) {

    /** One infringing item and the hub subject its URL names. */
    public record ResolvedMaterial(String url, String subject, String description) {}

    /** A missing or deficient element, the field at fault and what is wrong. */
    public record Deficiency(DmcaNoticeElement element, String field, String message) {}

    public boolean complete() {
        return missing.isEmpty();
    }

    /** The subjects the material's URLs name that the hub does not have (each once, in the notice's order). */
    public List<String> unknownSubjects() {
        return material.stream()
                .map(ResolvedMaterial::subject)
                .filter(key ->
                        key != null && subjects.stream().noneMatch(s -> s.key().equals(key)))
                .distinct()
                .toList();
    }

    /** Whether {@code value} is an e-mail address by the kit's one rule ({@link FieldChecks#email}). */
    public static boolean isEmail(String value) {
        return new FieldChecks().email(value, "email", true) != null;
    }

    /** The check with every subject the URLs name taken to be on the hub. */
    public static NoticeCheck of(NoticeInput notice, HubLinks hub) {
        return of(notice, hub, Set.of());
    }

    /**
     * The check, where a URL naming a subject in {@code unknown} (the hub directory has no such thing)
     * does not identify the material: the sender is told which item and why, and may revise.
     */
    public static NoticeCheck of(NoticeInput notice, HubLinks hub, Set<SubjectRef> unknown) {
        List<Deficiency> found = new ArrayList<>();

        // (i) signature
        if (blank(notice.signature())) {
            found.add(
                    new Deficiency(
                            DmcaNoticeElement.SIGNATURE,
                            "signature",
                            "a physical or electronic signature of the owner or a person authorised to act for them is required"));
        }

        // (ii) the copyrighted work(s)
        List<NoticeInput.Work> works = notice.works() == null ? List.of() : notice.works();
        if (works.stream().allMatch(w -> w == null || blank(w.description()))) {
            found.add(new Deficiency(
                    DmcaNoticeElement.WORK_IDENTIFIED,
                    "copyrightedWorks",
                    "identify the copyrighted work (or a representative list of works) claimed to be infringed"));
        }
        for (int i = 0; i < works.size(); i++) {
            NoticeInput.Work w = works.get(i);
            if (w != null
                    && !blank(w.url())
                    && !HubLinks.links(w.url()).contains(w.url().strip())) {
                found.add(new Deficiency(
                        DmcaNoticeElement.WORK_IDENTIFIED,
                        "copyrightedWorks[" + i + "].url",
                        "must be an http(s) link"));
            }
        }

        // (iii) the infringing material, each URL resolved to a hub subject
        List<NoticeInput.Material> items = notice.material() == null ? List.of() : notice.material();
        List<ResolvedMaterial> resolved = new ArrayList<>();
        Set<SubjectRef> subjects = new LinkedHashSet<>();
        if (items.isEmpty()) {
            found.add(new Deficiency(
                    DmcaNoticeElement.MATERIAL_IDENTIFIED,
                    "infringingMaterial",
                    "identify the infringing material with its hub URL(s), so it can be located"));
        }
        for (int i = 0; i < items.size(); i++) {
            NoticeInput.Material m = items.get(i);
            String field = "infringingMaterial[" + i + "].url";
            String url = m == null || blank(m.url()) ? null : m.url().strip();
            SubjectRef subject = null;
            if (url == null) {
                found.add(new Deficiency(
                        DmcaNoticeElement.MATERIAL_IDENTIFIED, field, "the hub URL of the material is required"));
            } else if (!hub.isHubLink(url)) {
                found.add(new Deficiency(DmcaNoticeElement.MATERIAL_IDENTIFIED, field, "is not a URL on this hub"));
            } else {
                subject = hub.subject(url)
                        .filter(s -> s.kind() != SubjectKind.ACCOUNT)
                        .orElse(null);
                if (subject == null) {
                    found.add(new Deficiency(
                            DmcaNoticeElement.MATERIAL_IDENTIFIED,
                            field,
                            "does not name a repository, file, discussion or post on this hub"));
                } else if (unknown.contains(subject)) {
                    found.add(new Deficiency(
                            DmcaNoticeElement.MATERIAL_IDENTIFIED,
                            field,
                            "the hub has no " + subject.key()
                                    + " (removed, renamed or never there): name the material where it is on the hub"));
                } else {
                    subjects.add(subject);
                }
            }
            resolved.add(new ResolvedMaterial(
                    url, subject == null ? null : subject.key(), m == null ? null : m.description()));
        }

        // (iv) contact information: a name, an address or telephone number, and an email to answer
        NoticeInput.Contact contact = notice.contact();
        if (contact == null) {
            found.add(new Deficiency(
                    DmcaNoticeElement.CONTACT_INFORMATION,
                    "contact",
                    "name, postal address or telephone number, and email address are required"));
        } else {
            if (blank(contact.name())) {
                found.add(new Deficiency(
                        DmcaNoticeElement.CONTACT_INFORMATION,
                        "contact.name",
                        "the complaining party's name is required"));
            }
            if (blank(contact.email())) {
                found.add(new Deficiency(
                        DmcaNoticeElement.CONTACT_INFORMATION, "contact.email", "an email address is required"));
            } else if (!isEmail(contact.email())) {
                found.add(new Deficiency(
                        DmcaNoticeElement.CONTACT_INFORMATION, "contact.email", "is not an email address"));
            }
            if (blank(contact.address()) && blank(contact.phone())) {
                found.add(new Deficiency(
                        DmcaNoticeElement.CONTACT_INFORMATION,
                        "contact.address",
                        "a postal address or telephone number is required"));
            }
        }

        // (v) good-faith statement
        if (!notice.goodFaith()) {
            found.add(new Deficiency(
                    DmcaNoticeElement.GOOD_FAITH_STATEMENT,
                    "goodFaithStatement",
                    "state a good faith belief that the use is not authorised by the owner, its agent, or the law"));
        }

        // (vi) accuracy, and authority under penalty of perjury
        if (!notice.accurate()) {
            found.add(new Deficiency(
                    DmcaNoticeElement.ACCURACY_AND_AUTHORITY_STATEMENT,
                    "accuracyStatement",
                    "state that the information in the notice is accurate"));
        }
        if (!notice.authorised()) {
            found.add(new Deficiency(
                    DmcaNoticeElement.ACCURACY_AND_AUTHORITY_STATEMENT,
                    "authorityUnderPenaltyOfPerjury",
                    "state under penalty of perjury that you are the owner or authorised to act for the owner"));
        }

        EnumSet<DmcaNoticeElement> missing = EnumSet.noneOf(DmcaNoticeElement.class);
        found.forEach(d -> missing.add(d.element()));
        return new NoticeCheck(resolved, List.copyOf(subjects), List.copyOf(missing), List.copyOf(found));
    }

    /** The element's name as mails and answers show it, e.g. {@code good-faith-statement}. */
    public static String label(DmcaNoticeElement element) {
        return element.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

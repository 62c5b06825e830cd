package org.modhub.moderation.dmca.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.subject.HubLinks;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;

/**
 * Checks a counter-notice for the elements of 17 U.S.C. 512(g)(3) against the takedown it answers,
 * naming each deficient one by field; a valid one's material is resolved to the takedown's subjects.
 */
public final class CounterNoticeCheck {

    private final HubLinks hub;

    public CounterNoticeCheck(HubLinks hub) {
        this.hub = hub;
    }

    /** The elements {@code in} lacks, each by field (empty: valid); {@code subjects} are what the takedown disabled. */
    public List<FieldError> deficiencies(CounterNoticeInput in, List<SubjectRef> subjects) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(in.signature())) {
            errors.add(new FieldError("signature", "512(g)(3)(A): a physical or electronic signature is required"));
        }
        List<CounterNoticeInput.Item> items = in.material() == null ? List.of() : in.material();
        if (items.isEmpty()) {
            errors.add(new FieldError("material", "512(g)(3)(B): identify the material removed and where it appeared"));
        }
        for (int i = 0; i < items.size(); i++) {
            if (resolve(items.get(i), subjects) == null) {
                errors.add(new FieldError(
                        "material[" + i + "].url",
                        "512(g)(3)(B): must be the hub URL of material this takedown disabled (" + keys(subjects)
                                + ")"));
            }
        }
        if (!in.goodFaithUnderPenaltyOfPerjury()) {
            errors.add(
                    new FieldError(
                            "goodFaithUnderPenaltyOfPerjury",
                            "512(g)(3)(C): state under penalty of perjury a good "
                                    + "faith belief that the material was removed as a result of mistake or misidentification"));
        }
        if (blank(in.name())) {
            errors.add(new FieldError("name", "512(g)(3)(D): your name is required"));
        }
        if (blank(in.address())) {
            errors.add(new FieldError("address", "512(g)(3)(D): your address is required"));
        }
        if (blank(in.phone())) {
            errors.add(new FieldError("phone", "512(g)(3)(D): your telephone number is required"));
        }
        if (!blank(in.email()) && !NoticeCheck.isEmail(in.email())) {
            errors.add(new FieldError("email", "is not an email address"));
        }
        if (!in.consentToJurisdiction()) {
            errors.add(
                    new FieldError(
                            "consentToJurisdiction",
                            "512(g)(3)(D): consent to the jurisdiction of the Federal District "
                                    + "Court for your address (or, outside the U.S., any judicial district where the hub may be found) is required"));
        }
        if (!in.consentToServiceOfProcess()) {
            errors.add(
                    new FieldError(
                            "consentToServiceOfProcess",
                            "512(g)(3)(D): consent to accept service of process from the person who sent the notice is required"));
        }
        return errors;
    }

    /** The material of a valid counter-notice ({@link #deficiencies} empty), each item with the subject it names. */
    public RemovedMaterial material(CounterNoticeInput in, List<SubjectRef> subjects) {
        return new RemovedMaterial(in.material().stream()
                .map(item -> new RemovedMaterial.Item(
                        item.url().strip(),
                        resolve(item, subjects).key(),
                        item.description() == null ? "" : item.description()))
                .toList());
    }

    private SubjectRef resolve(CounterNoticeInput.Item item, List<SubjectRef> subjects) {
        String url = item == null || blank(item.url()) ? null : item.url().strip();
        SubjectRef subject = url == null ? null : hub.subject(url).orElse(null);
        return subject != null && covers(subjects, subject) ? subject : null;
    }

    private static boolean covers(List<SubjectRef> subjects, SubjectRef named) {
        return subjects.contains(named)
                || named.repository().map(subjects::contains).orElse(false);
    }

    static String keys(List<SubjectRef> subjects) {
        return subjects.stream().map(SubjectRef::key).collect(Collectors.joining(","));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

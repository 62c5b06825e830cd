package org.modhub.moderation.review.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.event.privacy.ItemTreatment;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.kit.config.KitConfig;
import org.modhub.moderation.kit.privacy.Person;
import org.modhub.moderation.kit.privacy.PersonalDataHolder;
import org.modhub.moderation.review.domain.CaseState;
import org.modhub.moderation.review.persistence.CaseEntity;
import org.modhub.moderation.review.persistence.CaseNoteEntity;
import org.modhub.moderation.review.persistence.CaseReportEntity;
import org.modhub.moderation.review.persistence.DecisionEntity;
import org.modhub.moderation.review.persistence.OwnerRequestEntity;
import org.modhub.moderation.review.persistence.RestrictionEntity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What review-service holds about a person (GDPR Arts. 15 and 17), column by column:
 *
 * <ul>
 *   <li>{@code case_report}: {@code reporter_id}, {@code reporter_email} and the reporter's own {@code explanation}.
 *       Erasure anonymises at once: the decision never needed who reported, and the row stays, anonymous, for the
 *       DSA Art. 15/24 figures and the case's history.
 *   <li>{@code decision} where the person is the owner: {@code owner_id}, {@code owner_email}, {@code owner_locale},
 *       {@code owner_country}. The decision and its statement of reasons are the enforcement ledger (DSA Art. 17):
 *       held with the owner's id. Once its case is closed the address is removed ({@code NULL}: a later reversal mails
 *       nobody rather than a broken address); while it is open everything is held, since the owner must be told.
 *   <li>{@code restriction.owner_id}: the ledger, held. {@code case_strike.account_key} ({@code account:<id>}): held
 *       under the repeat-infringer policy.
 *   <li>{@code owner_request}: the owner's id and address, the request and the owner's answer. Once the case is closed:
 *       the owner's id becomes the anonymous reference, the address goes and both texts read {@value #ERASED_TEXT};
 *       while it is open, held.
 *   <li>Free texts quoting the person's address or party key ({@code case_note.body}, other reporters'
 *       {@code explanation}, decisions' {@code facts}, {@code explanation}, {@code changes_requested} and the statement
 *       of reasons): the quote is replaced by the anonymous reference. A bare account id is not searched for in free
 *       text (it may be an ordinary word); exported statements redact names anyway.
 * </ul>
 *
 * Not personal data of the people requests are about, and kept: subject keys (public hub names, though a namespace may
 * be an account's), staff ids ({@code decided_by}, {@code assignee}, {@code case_note.author}, ...), transparency facts
 * (ids, times, enumerations) and case links (content paths and hashes). The kit's audit log is the {@code PrivacyDesk}'s.
 */
@ApplicationScoped
public class ReviewPersonalData implements PersonalDataHolder {

    /** What replaces a person's own free texts where the record stays. */
    static final String ERASED_TEXT = "[erased]";

    static final String LEDGER_HOLD = "DSA Art. 17 statement of reasons and enforcement ledger";
    static final String OPEN_CASE_HOLD = "DSA Art. 17(1): the owner is told of the decision";
    static final String STRIKE_HOLD = "17 U.S.C. 512(i) repeat-infringer policy";

    private final long reporterDays;
    private final long ownerContactDays;

    public ReviewPersonalData(KitConfig config) {
        Map<String, java.time.Duration> periods = config.privacy().retention();
        this.reporterDays = days(periods, CaseReportersRetention.KIND);
        this.ownerContactDays = days(periods, OwnerContactRetention.KIND);
    }

    private static long days(Map<String, java.time.Duration> periods, String kind) {
        java.time.Duration period = periods.get(kind);
        return period == null ? 0 : period.toDays();
    }

    // --- access ---

    @Override
    public Uni<List<PersonalDataItem>> find(Person person) {
        List<PersonalDataItem> items = new ArrayList<>();
        return reportsOf(person)
                .invoke(list -> list.forEach(r -> items.add(found(reportItem(r), reportFields(r)))))
                .chain(() -> ownedDecisions(person))
                .chain(list -> statesOf(list, d -> d.caseId)
                        .invoke(states -> list.forEach(d -> items.add(found(
                                decisionItem(d, states.get(d.caseId)), decisionFields(d, states.get(d.caseId)))))))
                .chain(() -> restrictionsOf(person))
                .invoke(list -> list.forEach(r -> items.add(found(restrictionItem(r), restrictionFields(r)))))
                .chain(() -> requestsOf(person))
                .chain(list -> statesOf(list, r -> r.caseId)
                        .invoke(states -> list.forEach(r -> items.add(
                                found(requestItem(r, states.get(r.caseId)), requestFields(r, states.get(r.caseId)))))))
                .chain(() -> notesQuoting(person))
                .invoke(list -> list.forEach(n -> items.add(found(noteItem(n), noteFields(n)))))
                .chain(() -> strikesOf(person))
                .invoke(list -> list.forEach(s -> items.add(found(strikeItem(s), strikeFields(s)))))
                .replaceWith(items);
    }

    // --- erasure ---

    @Override
    public Uni<List<PersonalDataItem>> erase(Person person) {
        List<PersonalDataItem> items = new ArrayList<>();
        String ref = person.anonymousRef();
        String pattern = person.quotePattern();
        return eraseReports(person, pattern, ref, items)
                .chain(() -> eraseOwnerData(person, ref, items))
                .chain(() -> eraseQuotes(person, pattern, ref, items))
                .chain(() -> strikesOf(person))
                .invoke(list -> list.forEach(s -> items.add(strikeItem(s).held(STRIKE_HOLD))))
                .replaceWith(items);
    }

    /** The person's reports, and other reports whose text quotes them: the reporter's identity and quotes go. */
    private Uni<Void> eraseReports(Person person, String pattern, String ref, List<PersonalDataItem> items) {
        return ids(
                        "SELECT report_id FROM case_report WHERE reporter_id IN (:accounts) "
                                + "OR lower(reporter_email) IN (:emails) OR explanation ~* :pattern",
                        person,
                        pattern)
                .chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : Panache.getSession()
                                .chain(s -> s.createNativeQuery("UPDATE case_report SET "
                                                + "reporter_id = CASE WHEN reporter_id IN (:accounts) "
                                                + "OR lower(reporter_email) IN (:emails) THEN :ref ELSE reporter_id END, "
                                                + "reporter_email = CASE WHEN lower(reporter_email) IN (:emails) "
                                                + "OR reporter_id IN (:accounts) THEN NULL ELSE reporter_email END, "
                                                + "explanation = regexp_replace(explanation, :pattern, :ref, 'gi') "
                                                + "WHERE report_id IN (:ids)")
                                        .setParameter("accounts", person.accountOrNone())
                                        .setParameter("emails", person.emailsOrNone())
                                        .setParameter("pattern", pattern)
                                        .setParameter("ref", ref)
                                        .setParameter("ids", ids)
                                        .executeUpdate())
                                .chain(() -> readOnly(
                                        CaseReportEntity.class,
                                        "from CaseReportEntity where reportId in ?1 order by filedAt",
                                        ids))
                                .invoke(
                                        list -> list.forEach(
                                                r -> items.add(
                                                        reportItem(r)
                                                                .done(
                                                                        ItemTreatment.ANONYMISED,
                                                                        "your name and address on it now read " + ref
                                                                                + "; the report stays for the case and the transparency figures"))))
                                .replaceWithVoid());
    }

    /**
     * Decisions, restrictions and owner requests about the person: held while the case is open; once it is closed the
     * decision (the ledger) keeps the owner's id and loses the address, and the owner request is anonymised.
     */
    private Uni<Void> eraseOwnerData(Person person, String ref, List<PersonalDataItem> items) {
        return ownedDecisions(person)
                .chain(list -> statesOf(list, d -> d.caseId).chain(states -> {
                    List<UUID> withAddress = new ArrayList<>();
                    for (DecisionEntity d : list) {
                        boolean closed = states.get(d.caseId) == CaseState.CLOSED;
                        if (closed && d.ownerEmail != null) {
                            withAddress.add(d.id);
                            items.add(new PersonalDataItem(
                                    "decision-owner-address",
                                    d.id.toString(),
                                    "Your e-mail address on the decision of " + d.createdAt + " about " + d.subjectKey
                                            + " was removed",
                                    decisionWhy(),
                                    ItemTreatment.ANONYMISED,
                                    null,
                                    null,
                                    Map.of()));
                        }
                        items.add(decisionItem(d, states.get(d.caseId)).held(closed ? LEDGER_HOLD : OPEN_CASE_HOLD));
                    }
                    return withAddress.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : Panache.getSession()
                                    .chain(s -> s.createNativeQuery(
                                                    "UPDATE decision SET owner_email = NULL WHERE id IN (:ids)")
                                            .setParameter("ids", withAddress)
                                            .executeUpdate())
                                    .replaceWithVoid();
                }))
                .chain(() -> restrictionsOf(person))
                .invoke(list -> list.forEach(r -> items.add(restrictionItem(r).held(LEDGER_HOLD))))
                .chain(() -> requestsOf(person))
                .chain(list -> statesOf(list, r -> r.caseId).chain(states -> {
                    List<UUID> closedOnes = new ArrayList<>();
                    for (OwnerRequestEntity r : list) {
                        CaseState state = states.get(r.caseId);
                        if (state == CaseState.CLOSED) {
                            closedOnes.add(r.id);
                            items.add(requestItem(r, state)
                                    .done(
                                            ItemTreatment.ANONYMISED,
                                            "your id, address and the texts on it were replaced by " + ref + " and "
                                                    + ERASED_TEXT));
                        } else {
                            items.add(requestItem(r, state).held(OPEN_CASE_HOLD));
                        }
                    }
                    return closedOnes.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : Panache.getSession()
                                    .chain(s -> s.createNativeQuery("UPDATE owner_request SET "
                                                    + "owner_id = CASE WHEN owner_id IN (:accounts) THEN :ref ELSE owner_id END, "
                                                    + "owner_email = NULL, message = :erased, "
                                                    + "response_text = CASE WHEN response_text IS NULL THEN NULL ELSE :erased END "
                                                    + "WHERE id IN (:ids)")
                                            .setParameter("accounts", person.accountOrNone())
                                            .setParameter("ref", ref)
                                            .setParameter("erased", ERASED_TEXT)
                                            .setParameter("ids", closedOnes)
                                            .executeUpdate())
                                    .replaceWithVoid();
                }));
    }

    /**
     * Staff notes and decisions whose text quotes the person's address or party key: the quote becomes the anonymous
     * reference (decisions the person owns keep their texts with the hold, unless a quote is in them too). The stored
     * statement of reasons follows its decision's texts, so the two never disagree.
     */
    private Uni<Void> eraseQuotes(Person person, String pattern, String ref, List<PersonalDataItem> items) {
        return ids("SELECT id FROM case_note WHERE body ~* :pattern", person, pattern)
                .chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : Panache.getSession()
                                .chain(s -> s.createNativeQuery("UPDATE case_note SET body = "
                                                + "regexp_replace(body, :pattern, :ref, 'gi') WHERE id IN (:ids)")
                                        .setParameter("pattern", pattern)
                                        .setParameter("ref", ref)
                                        .setParameter("ids", ids)
                                        .executeUpdate())
                                .chain(() -> readOnly(
                                        CaseNoteEntity.class,
                                        "from CaseNoteEntity where id in ?1 order by createdAt",
                                        ids))
                                .invoke(list -> list.forEach(n -> items.add(noteItem(n)
                                        .done(ItemTreatment.ANONYMISED, "where it quoted you it now reads " + ref))))
                                .replaceWithVoid())
                .chain(() -> ids(
                        "SELECT id FROM decision WHERE facts ~* :pattern OR explanation ~* :pattern "
                                + "OR changes_requested ~* :pattern OR CAST(statement AS text) ~* :pattern",
                        person,
                        pattern))
                .chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : Panache.getSession()
                                .chain(s -> s.createNativeQuery("UPDATE decision SET "
                                                + "facts = regexp_replace(facts, :pattern, :ref, 'gi'), "
                                                + "explanation = regexp_replace(explanation, :pattern, :ref, 'gi'), "
                                                + "changes_requested = regexp_replace(changes_requested, :pattern, :ref, 'gi'), "
                                                + "statement = CAST(regexp_replace(CAST(statement AS text), :pattern, :ref, 'gi') AS jsonb) "
                                                + "WHERE id IN (:ids)")
                                        .setParameter("pattern", pattern)
                                        .setParameter("ref", ref)
                                        .setParameter("ids", ids)
                                        .executeUpdate())
                                .invoke(() -> ids.forEach(id -> items.add(new PersonalDataItem(
                                        "decision-text",
                                        id.toString(),
                                        "A decision's facts or explanation quoted your address; the quote now reads "
                                                + ref,
                                        decisionWhy(),
                                        ItemTreatment.ANONYMISED,
                                        null,
                                        null,
                                        Map.of()))))
                                .replaceWithVoid());
    }

    // --- queries ---

    private Uni<List<CaseReportEntity>> reportsOf(Person person) {
        return readOnly(
                CaseReportEntity.class,
                "from CaseReportEntity where reporterId in ?1 or lower(reporterEmail) in ?2 order by filedAt",
                person.accountOrNone(),
                person.emailsOrNone());
    }

    private Uni<List<DecisionEntity>> ownedDecisions(Person person) {
        return readOnly(
                DecisionEntity.class,
                "from DecisionEntity where ownerId in ?1 or lower(ownerEmail) in ?2 order by createdAt",
                person.accountOrNone(),
                person.emailsOrNone());
    }

    private Uni<List<RestrictionEntity>> restrictionsOf(Person person) {
        return readOnly(
                RestrictionEntity.class,
                "from RestrictionEntity where ownerId in ?1 order by imposedAt",
                person.accountOrNone());
    }

    private Uni<List<OwnerRequestEntity>> requestsOf(Person person) {
        return readOnly(
                OwnerRequestEntity.class,
                "from OwnerRequestEntity where ownerId in ?1 or lower(ownerEmail) in ?2 order by requestedAt",
                person.accountOrNone(),
                person.emailsOrNone());
    }

    private Uni<List<CaseNoteEntity>> notesQuoting(Person person) {
        return ids("SELECT id FROM case_note WHERE body ~* :pattern", person, person.quotePattern())
                .chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().item(List.<CaseNoteEntity>of())
                        : readOnly(CaseNoteEntity.class, "from CaseNoteEntity where id in ?1 order by createdAt", ids));
    }

    /** A DMCA strike counted against the person's account (a repeat-infringer case). */
    record Strike(UUID caseId, UUID noticeId, String accountKey, Object addedAt) {}

    private Uni<List<Strike>> strikesOf(Person person) {
        if (!person.hasAccount()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT case_id, notice_id, account_key, CAST(added_at AS text) FROM case_strike "
                                        + "WHERE account_key = :key ORDER BY seq",
                                Object[].class)
                        .setParameter("key", "account:" + person.accountId())
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Strike((UUID) r[0], (UUID) r[1], (String) r[2], r[3]))
                        .toList());
    }

    /**
     * Rows read to describe them, never written through the session: the erasure changes them with SQL, which a flush
     * of a stale copy must not undo.
     */
    private static <T> Uni<List<T>> readOnly(Class<T> type, String hql, Object... params) {
        return Panache.getSession().chain(s -> {
            var query = s.createSelectionQuery(hql, type).setReadOnly(true);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getResultList();
        });
    }

    /** Ids a native query selects; {@code :accounts}, {@code :emails} and {@code :pattern} are bound when used. */
    private static Uni<List<UUID>> ids(String sql, Person person, String pattern) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql, UUID.class);
            if (sql.contains(":accounts")) {
                query.setParameter("accounts", person.accountOrNone());
            }
            if (sql.contains(":emails")) {
                query.setParameter("emails", person.emailsOrNone());
            }
            if (sql.contains(":pattern")) {
                query.setParameter("pattern", pattern);
            }
            return query.getResultList();
        });
    }

    private <T> Uni<Map<UUID, CaseState>> statesOf(List<T> rows, Function<T, UUID> caseOf) {
        Set<UUID> ids = rows.stream().map(caseOf).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return readOnly(CaseEntity.class, "from CaseEntity where id in ?1", ids)
                .map(list -> list.stream().collect(Collectors.toMap(c -> c.id, (CaseEntity c) -> c.state)));
    }

    // --- items ---

    /** An item before its treatment: the words are the same for access and erasure. */
    record Draft(String kind, String id, String what, String why) {

        PersonalDataItem held(String rule) {
            return new PersonalDataItem(kind, id, what, why, ItemTreatment.HELD, rule, null, Map.of());
        }

        PersonalDataItem done(ItemTreatment treatment, String how) {
            return new PersonalDataItem(kind, id, what + "; " + how, why, treatment, null, null, Map.of());
        }
    }

    private static PersonalDataItem found(Draft draft, Map<String, String> fields) {
        return new PersonalDataItem(
                draft.kind(), draft.id(), draft.what(), draft.why(), ItemTreatment.FOUND, null, null, fields);
    }

    private Draft reportItem(CaseReportEntity r) {
        return new Draft(
                "case-report",
                r.reportId.toString(),
                "A report about " + r.subjectKey + " filed on " + r.filedAt + ", as the review case received it",
                "Reviewing the report and deciding on it (DSA Art. 16); only staff see who reported. Who reported is "
                        + "anonymised " + reporterDays + " days after the case closed; the report itself stays, "
                        + "anonymous, for the case history and the DSA Art. 15/24 transparency figures.");
    }

    private static Map<String, String> reportFields(CaseReportEntity r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("reporterId", r.reporterId);
        f.put("reporterEmail", r.reporterEmail);
        f.put("subject", r.subjectKey);
        f.put("category", r.category == null ? null : r.category.name());
        f.put("explanation", r.explanation);
        f.put("evidenceUrls", String.join(" ", r.evidenceUrls == null ? List.of() : r.evidenceUrls));
        f.put("jurisdiction", r.jurisdiction);
        f.put("filedAt", String.valueOf(r.filedAt));
        f.put("withdrawnAt", r.withdrawnAt == null ? null : r.withdrawnAt.toString());
        return withoutNulls(f);
    }

    private String decisionWhy() {
        return "The decision about your content and its statement of reasons (DSA Art. 17) are the enforcement "
                + "ledger: kept with your account id. Your address on it is for telling you of the decision; it is "
                + "removed " + ownerContactDays + " days after the decision, or at your request once the case is "
                + "closed.";
    }

    private Draft decisionItem(DecisionEntity d, CaseState state) {
        return new Draft(
                "decision",
                d.id.toString(),
                "A decision about " + d.subjectKey + " (" + d.actions + ") of " + d.createdAt + ", its case "
                        + (state == CaseState.CLOSED ? "closed" : "still open"),
                decisionWhy());
    }

    /** The owner's data on the decision; who decided is never shown to the owner. */
    private static Map<String, String> decisionFields(DecisionEntity d, CaseState state) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ownerId", d.ownerId);
        f.put("ownerEmail", d.ownerEmail);
        f.put("ownerLocale", d.ownerLocale);
        f.put("ownerCountry", d.ownerCountry);
        f.put("subject", d.subjectKey);
        f.put("actions", String.valueOf(d.actions));
        f.put("category", d.category == null ? null : d.category.name());
        f.put("status", d.status == null ? null : d.status.name());
        f.put("facts", d.facts);
        f.put("explanation", d.explanation);
        f.put("changesRequested", d.changesRequested);
        f.put("decidedAt", d.decidedAt == null ? null : d.decidedAt.toString());
        f.put("caseState", state == null ? null : state.name());
        return withoutNulls(f);
    }

    private Draft restrictionItem(RestrictionEntity r) {
        return new Draft(
                "restriction",
                r.id.toString(),
                "A restriction (" + r.action + ") on " + r.subjectKey + " imposed on " + r.imposedAt
                        + (r.liftedAt == null ? ", standing" : ", lifted on " + r.liftedAt),
                "The enforcement ledger (DSA Art. 17): which restriction stands on whose content, so it can be "
                        + "lifted, appealed or counted. Kept with your account id.");
    }

    private static Map<String, String> restrictionFields(RestrictionEntity r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ownerId", r.ownerId);
        f.put("subject", r.subjectKey);
        f.put("action", String.valueOf(r.action));
        f.put("imposedAt", String.valueOf(r.imposedAt));
        f.put("endDate", r.endDate == null ? null : r.endDate.toString());
        f.put("liftedAt", r.liftedAt == null ? null : r.liftedAt.toString());
        return withoutNulls(f);
    }

    private Draft requestItem(OwnerRequestEntity r, CaseState state) {
        return new Draft(
                "owner-request",
                r.id.toString(),
                "Our request of " + r.requestedAt + " that you change your content, and your answer; its case "
                        + (state == CaseState.CLOSED ? "closed" : "still open"),
                "Hearing you before a decision (DSA Art. 17(1)): kept with the case. Your address and the texts are "
                        + "anonymised " + ownerContactDays + " days after the case closed, or at your request once "
                        + "it is closed.");
    }

    private static Map<String, String> requestFields(OwnerRequestEntity r, CaseState state) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ownerId", r.ownerId);
        f.put("ownerEmail", r.ownerEmail);
        f.put("message", r.message);
        f.put("deadline", String.valueOf(r.deadline));
        f.put("response", r.response);
        f.put("responseText", r.responseText);
        f.put("respondedVia", r.respondedVia);
        f.put("respondedAt", r.respondedAt == null ? null : r.respondedAt.toString());
        f.put("caseState", state == null ? null : state.name());
        return withoutNulls(f);
    }

    private static Draft noteItem(CaseNoteEntity n) {
        return new Draft(
                "case-note",
                n.id.toString(),
                "A staff note of " + n.createdAt + " on a case that quotes your address or account",
                "Staff's working notes on a case, kept with the case (DSA Art. 17 records); an erasure replaces what "
                        + "quotes you with an anonymous reference.");
    }

    private static Map<String, String> noteFields(CaseNoteEntity n) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("body", n.body);
        f.put("createdAt", String.valueOf(n.createdAt));
        return f;
    }

    private static Draft strikeItem(Strike s) {
        return new Draft(
                "repeat-infringer-strike",
                s.caseId() + "/" + s.noticeId(),
                "A DMCA strike against " + s.accountKey() + " (notice " + s.noticeId() + ") on a repeat-infringer "
                        + "case",
                "The repeat-infringer policy (17 U.S.C. 512(i)): kept while dmca-service counts the strike.");
    }

    private static Map<String, String> strikeFields(Strike s) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("account", s.accountKey());
        f.put("noticeId", s.noticeId().toString());
        f.put("addedAt", Objects.toString(s.addedAt()));
        return f;
    }

    private static Map<String, String> withoutNulls(Map<String, String> fields) {
        fields.values().removeIf(Objects::isNull);
        return fields;
    }
}

package org.modhub.moderation.appeals.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hibernate.reactive.mutiny.Mutiny;
import org.modhub.moderation.appeals.domain.AppealStatus;
import org.modhub.moderation.appeals.domain.AppellantStandingService;
import org.modhub.moderation.appeals.persistence.AppealEntity;
import org.modhub.moderation.appeals.persistence.AppealRepository;
import org.modhub.moderation.appeals.persistence.AppellantSanctionEntity;
import org.modhub.moderation.appeals.persistence.AppellantSanctionRepository;
import org.modhub.moderation.appeals.persistence.AppellantStandingEntity;
import org.modhub.moderation.appeals.persistence.AppellantStandingRepository;
import org.modhub.moderation.appeals.persistence.DecisionCopyEntity;
import org.modhub.moderation.appeals.persistence.DecisionCopyRepository;
import org.modhub.moderation.appeals.persistence.DisputeEntity;
import org.modhub.moderation.appeals.persistence.ReportNotifierEntity;
import org.modhub.moderation.appeals.persistence.ReportNotifierRepository;
import org.modhub.moderation.contracts.event.privacy.ItemTreatment;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.kit.config.KitConfig;
import org.modhub.moderation.kit.privacy.Person;
import org.modhub.moderation.kit.privacy.PersonalDataHolder;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What appeals-service holds about a person, and how an erasure treats it (GDPR Arts. 15 and 17; the suite's
 * decisions in the README's "Personal data"):
 *
 * <ul>
 *   <li>their appeals (as appellant, by key, account id or address): an OPEN one is held while it is handled
 *       (DSA Art. 20); a RESOLVED one is anonymised: appellant key, id and address become the request's anonymous
 *       reference, arguments {@value #ERASED_TEXT}, evidence links, residence and mail id go, their identifiers in the
 *       explanation are replaced; outcome, dates and flags stay, so the complaint figures (DSA Arts. 15(1)(d),
 *       24(1)(b)) still add up;
 *   <li>others' appeals whose arguments or explanation name them: those mentions are replaced;
 *   <li>their standing on the misuse ladder: held while a suspension is in force (DSA Art. 23(2)), else deleted; its
 *       steps ({@code appellant_sanction}, counted in the Art. 24(1)(b) figures) and reinstatement timers are held with
 *       it, else keep only the anonymous reference;
 *   <li>this service's copy of who filed a report ({@code report_notifier}): deleted;
 *   <li>the local copies of decisions on their content (owner id, owner's country): held, as review-service holds the
 *       decision itself (DSA Art. 17 statement of reasons, enforcement ledger; the owner's appeal rests on it);
 *   <li>dispute records about their appeals or naming them: found; mentions in body and notes replaced.
 * </ul>
 *
 * Staff identifiers in the records of their work (reviewer, decided by, recorded by) are not personal data of the data
 * subjects this answers for, and stay. Runs in the transaction of {@code PrivacyDesk}.
 */
@ApplicationScoped
public class AppealsPersonalData implements PersonalDataHolder {

    static final String ERASED_TEXT = "[erased]";
    static final String HOLD_OPEN_APPEAL = "DSA Art. 20: complaint under handling";
    static final String HOLD_SUSPENSION = "DSA Art. 23(2)";
    static final String HOLD_DECISION = "DSA Art. 17 statement of reasons and enforcement ledger";

    private final AppealRepository appeals;
    private final AppellantStandingRepository standings;
    private final AppellantSanctionRepository sanctions;
    private final ReportNotifierRepository notifiers;
    private final DecisionCopyRepository decisions;
    private final Clock clock;
    private final Map<String, Duration> periods;

    public AppealsPersonalData(
            AppealRepository appeals,
            AppellantStandingRepository standings,
            AppellantSanctionRepository sanctions,
            ReportNotifierRepository notifiers,
            DecisionCopyRepository decisions,
            Clock clock,
            KitConfig config) {
        this.appeals = appeals;
        this.standings = standings;
        this.sanctions = sanctions;
        this.notifiers = notifiers;
        this.decisions = decisions;
        this.clock = clock;
        this.periods = config.privacy().retention();
    }

    // --- access ---

    @Override
    public Uni<List<PersonalDataItem>> find(Person person) {
        Instant now = clock.instant();
        return load(person).map(h -> {
            List<PersonalDataItem> items = new ArrayList<>();
            h.own.forEach(
                    a -> items.add(found("appeal", a.id.toString(), whatAppeal(a), whyAppeal(), appealFields(a))));
            h.mentioning.forEach(a -> items.add(found(
                    "appeal-mention",
                    a.id.toString(),
                    "Another person's appeal against decision " + a.decisionId + " whose text names you",
                    whyAppeal(),
                    mentionFields(h.mentions, Map.of("arguments", a.arguments, "explanation", nz(a.explanation))))));
            h.standings.forEach(s -> items.add(found(
                    "appellant-standing",
                    s.appellantKey,
                    "Your standing as an appellant: appeals filed, found manifestly unfounded, warnings and suspensions"
                            + (s.suspendedAt(now) ? " (suspended until " + s.suspendedUntil + ")" : ""),
                    whyStanding(),
                    standingFields(s))));
            h.sanctions.forEach(s -> items.add(found(
                    "appellant-sanction",
                    s.id.toString(),
                    "A step of the misuse ladder taken about you: " + s.kind + " on " + s.at,
                    whyStanding(),
                    sanctionFields(s))));
            h.timers.forEach(t -> items.add(found(
                    "reinstatement-timer",
                    Long.toString(t.id()),
                    "The timer that ends a suspension of your appeals at " + t.dueAt(),
                    whyStanding(),
                    fields(
                            "appellantKey",
                            t.key(),
                            "dueAt",
                            str(t.dueAt()),
                            "state",
                            t.pending() ? "pending" : "done"))));
            h.notifiers.forEach(n -> items.add(found(
                    "report-notifier",
                    n.reportId.toString(),
                    "Who filed report " + n.reportId + ": this service's copy, so you can appeal the decision on it",
                    "Copied from reporting-service so notifiers can appeal a decision on their report (DSA Art. 20(1)); "
                            + "deleted " + days("notifier-copies") + " days after the decision reached you.",
                    fields(
                            "reporterId", n.reporterId,
                            "reporterEmail", n.reporterEmail,
                            "jurisdiction", n.jurisdiction,
                            "filedAt", str(n.filedAt)))));
            h.decisions.forEach(d -> items.add(found(
                    "decision-copy",
                    d.decisionId.toString(),
                    "This service's copy of decision " + d.decisionId + " on your content " + d.subjectKey,
                    whyDecision(),
                    fields(
                            "ownerId", d.ownerId,
                            "ownerCountry", d.ownerCountry,
                            "subject", d.subjectKey,
                            "actions", d.actions,
                            "decidedAt", str(d.decidedAt)))));
            h.disputes.forEach(d -> items.add(found(
                    "dispute",
                    d.id.toString(),
                    "An out-of-court dispute about decision " + d.decisionId + " before " + d.body,
                    whyDispute(),
                    fields(
                            "appealId",
                            d.appealId == null ? null : d.appealId.toString(),
                            "body",
                            d.body,
                            "submittedOn",
                            str(d.submittedOn),
                            "settledOn",
                            str(d.settledOn),
                            "outcome",
                            d.outcome == null ? null : d.outcome.name(),
                            "notes",
                            d.notes))));
            return items;
        });
    }

    // --- erasure ---

    @Override
    public Uni<List<PersonalDataItem>> erase(Person person) {
        Instant now = clock.instant();
        return load(person).chain(h -> {
            List<PersonalDataItem> items = new ArrayList<>();
            Mentions mentions = h.mentions;
            for (AppealEntity a : h.own) {
                if (a.status == AppealStatus.OPEN) {
                    items.add(held("appeal", a.id.toString(), whatAppeal(a), whyAppeal(), HOLD_OPEN_APPEAL, null));
                } else {
                    anonymise(a, person, mentions, now);
                    items.add(done(
                            "appeal",
                            a.id.toString(),
                            "Your appeal against decision " + a.decisionId
                                    + ": you, your arguments, evidence links and "
                                    + "mail reference are removed; its outcome stays for the complaint figures",
                            whyAppeal(),
                            ItemTreatment.ANONYMISED));
                }
            }
            for (AppealEntity a : h.mentioning) {
                a.arguments = mentions.redact(a.arguments);
                a.explanation = mentions.redact(a.explanation);
                a.updatedAt = now;
                items.add(done(
                        "appeal-mention",
                        a.id.toString(),
                        "Another person's appeal named you: your identifiers in it now read " + person.anonymousRef(),
                        whyAppeal(),
                        ItemTreatment.ANONYMISED));
            }
            Set<String> suspendedKeys = new HashSet<>();
            Map<String, Instant> suspendedUntil = new LinkedHashMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (AppellantStandingEntity s : h.standings) {
                if (s.suspendedAt(now)) {
                    suspendedKeys.add(s.appellantKey);
                    suspendedUntil.put(s.appellantKey, s.suspendedUntil);
                    items.add(held(
                            "appellant-standing",
                            s.appellantKey,
                            "Your standing as an appellant, while your appeals are suspended",
                            whyStanding(),
                            HOLD_SUSPENSION,
                            s.suspendedUntil));
                } else {
                    chain = chain.chain(() -> standings.delete(s));
                    items.add(done(
                            "appellant-standing",
                            s.appellantKey,
                            "Your standing as an appellant",
                            whyStanding(),
                            ItemTreatment.ERASED));
                }
            }
            for (AppellantSanctionEntity s : h.sanctions) {
                if (suspendedKeys.contains(s.appellantKey)) {
                    items.add(held(
                            "appellant-sanction",
                            s.id.toString(),
                            "A step of the misuse ladder taken about you (" + s.kind + "), while you are suspended",
                            whyStanding(),
                            HOLD_SUSPENSION,
                            suspendedUntil.get(s.appellantKey)));
                } else {
                    s.appellantKey = person.anonymousRef();
                    items.add(done(
                            "appellant-sanction",
                            s.id.toString(),
                            "A step of the misuse ladder taken about you (" + s.kind + "): kept for the figures of "
                                    + "suspensions, without you",
                            whyStanding(),
                            ItemTreatment.ANONYMISED));
                }
            }
            List<Long> finishedTimers = new ArrayList<>();
            for (TimerRow t : h.timers) {
                if (suspendedKeys.contains(t.key())) {
                    items.add(held(
                            "reinstatement-timer",
                            Long.toString(t.id()),
                            "The timer that ends your suspension",
                            whyStanding(),
                            HOLD_SUSPENSION,
                            suspendedUntil.get(t.key())));
                } else {
                    finishedTimers.add(t.id());
                    items.add(done(
                            "reinstatement-timer",
                            Long.toString(t.id()),
                            "A timer that ended a suspension of your appeals",
                            whyStanding(),
                            ItemTreatment.ANONYMISED));
                }
            }
            if (!finishedTimers.isEmpty()) {
                chain = chain.chain(() -> session()
                        .chain(s -> s.createNativeQuery(
                                        "UPDATE kit_timer SET timer_key = :ref WHERE id = ANY(cast(:ids AS bigint[]))")
                                .setParameter("ref", person.anonymousRef())
                                .setParameter("ids", finishedTimers.toArray(Long[]::new))
                                .executeUpdate())
                        .replaceWithVoid());
            }
            for (ReportNotifierEntity n : h.notifiers) {
                chain = chain.chain(() -> notifiers.delete(n));
                items.add(done(
                        "report-notifier",
                        n.reportId.toString(),
                        "This service's copy of who filed report " + n.reportId,
                        "Copied from reporting-service so notifiers can appeal a decision on their report.",
                        ItemTreatment.ERASED));
            }
            for (DecisionCopyEntity d : h.decisions) {
                items.add(held(
                        "decision-copy",
                        d.decisionId.toString(),
                        "This service's copy of decision " + d.decisionId + " on your content",
                        whyDecision(),
                        HOLD_DECISION,
                        null));
            }
            for (DisputeEntity d : h.disputes) {
                if (mentions.in(d.body, d.notes)) {
                    d.body = mentions.redact(d.body);
                    d.notes = mentions.redact(d.notes);
                    d.updatedAt = now;
                    items.add(done(
                            "dispute",
                            d.id.toString(),
                            "An out-of-court dispute record named you: your identifiers in it now read "
                                    + person.anonymousRef(),
                            whyDispute(),
                            ItemTreatment.ANONYMISED));
                }
            }
            return chain.chain(() -> Panache.flush()).replaceWith(items);
        });
    }

    /** Replaces the appellant in a resolved appeal; shared in spirit with {@link ResolvedAppealsRetention}. */
    private static void anonymise(AppealEntity a, Person person, Mentions mentions, Instant now) {
        a.appellantKey = person.anonymousRef();
        a.appellantId = null;
        a.appellantEmail = null;
        a.arguments = ERASED_TEXT;
        a.evidenceUrls = new ArrayList<>();
        a.residence = null;
        a.mailMessageId = null;
        a.explanation = mentions.redact(a.explanation);
        a.anonymisedAt = now;
        a.updatedAt = now;
    }

    // --- what the person has here ---

    private record TimerRow(long id, String key, Instant dueAt, boolean pending) {}

    private record Holdings(
            Mentions mentions,
            List<AppealEntity> own,
            List<AppealEntity> mentioning,
            List<AppellantStandingEntity> standings,
            List<AppellantSanctionEntity> sanctions,
            List<TimerRow> timers,
            List<ReportNotifierEntity> notifiers,
            List<DecisionCopyEntity> decisions,
            List<DisputeEntity> disputes) {}

    private Uni<Holdings> load(Person person) {
        Mentions mentions = Mentions.of(person);
        List<String> keys = person.partyKeys();
        Parameters byParty = parties(person, keys);
        String party = partyClause(person, "appellantKey in :keys", "appellantId", "appellantEmail");
        return appeals.list(party + " order by filedAt, id", byParty)
                .chain(own -> mentioningAppeals(mentions, own)
                        .chain(mentioning -> standings
                                .list(party + " order by appellantKey", byParty)
                                .chain(standing -> {
                                    Set<String> ladderKeys = new LinkedHashSet<>(keys);
                                    standing.forEach(s -> ladderKeys.add(s.appellantKey));
                                    List<String> ladder = List.copyOf(ladderKeys);
                                    return sanctions
                                            .list("appellantKey in ?1 order by at, id", ladder)
                                            .chain(steps -> timers(ladder)
                                                    .chain(timers -> notifiers
                                                            .list(
                                                                    partyClause(
                                                                                    person,
                                                                                    null,
                                                                                    "reporterId",
                                                                                    "reporterEmail")
                                                                            + " order by filedAt",
                                                                    parties(person, null))
                                                            .chain(notified -> ownedDecisions(person)
                                                                    .chain(owned -> disputes(mentions, own)
                                                                            .map(disputes -> new Holdings(
                                                                                    mentions,
                                                                                    own,
                                                                                    mentioning,
                                                                                    standing,
                                                                                    steps,
                                                                                    timers,
                                                                                    notified,
                                                                                    owned,
                                                                                    disputes))))));
                                })));
    }

    /**
     * "Names the person" in HQL: by {@code keyClause} (if given), the account id column (if the person has an account)
     * and the address column, in any case (if they have addresses). A request names at least one of the two.
     */
    private static String partyClause(Person person, String keyClause, String idField, String emailField) {
        List<String> or = new ArrayList<>();
        if (keyClause != null) {
            or.add(keyClause);
        }
        if (person.hasAccount()) {
            or.add(idField + " = :account");
        }
        if (!person.emails().isEmpty()) {
            or.add("lower(" + emailField + ") in :emails");
        }
        return "(" + String.join(" or ", or) + ")";
    }

    private static Parameters parties(Person person, List<String> keys) {
        Parameters p = new Parameters();
        if (keys != null) {
            p.and("keys", keys);
        }
        if (person.hasAccount()) {
            p.and("account", person.accountId());
        }
        if (!person.emails().isEmpty()) {
            p.and("emails", person.emails());
        }
        return p;
    }

    /** Decisions on the person's content: owners are hub accounts, so none for a person named by address only. */
    private Uni<List<DecisionCopyEntity>> ownedDecisions(Person person) {
        return person.hasAccount()
                ? decisions.list("ownerId = ?1 order by decidedAt", person.accountId())
                : Uni.createFrom().item(List.of());
    }

    /**
     * Others' appeals whose arguments or explanation name the person. The SQL looks for the strings (a scan, as an
     * erasure is rare); {@link Mentions} keeps only whole mentions.
     */
    private Uni<List<AppealEntity>> mentioningAppeals(Mentions mentions, List<AppealEntity> own) {
        Set<UUID> ownIds = ids(own);
        return session()
                .chain(s -> s.createNativeQuery(
                                "SELECT * FROM appeal a WHERE EXISTS (SELECT 1 FROM unnest(cast(:needles AS text[])) n(v)"
                                        + " WHERE strpos(lower(a.arguments), n.v) > 0"
                                        + " OR strpos(lower(coalesce(a.explanation, '')), n.v) > 0)"
                                        + " ORDER BY a.filed_at, a.id",
                                AppealEntity.class)
                        .setParameter("needles", mentions.needles())
                        .getResultList())
                .map(found -> found.stream()
                        .filter(a -> !ownIds.contains(a.id) && mentions.in(a.arguments, a.explanation))
                        .toList());
    }

    /** Disputes about the person's appeals, or whose body or notes name them. */
    private Uni<List<DisputeEntity>> disputes(Mentions mentions, List<AppealEntity> own) {
        return session()
                .chain(s -> s.createNativeQuery(
                                "SELECT * FROM dispute d WHERE d.appeal_id = ANY(cast(:appeals AS uuid[]))"
                                        + " OR EXISTS (SELECT 1 FROM unnest(cast(:needles AS text[])) n(v)"
                                        + " WHERE strpos(lower(d.body), n.v) > 0"
                                        + " OR strpos(lower(coalesce(d.notes, '')), n.v) > 0)"
                                        + " ORDER BY d.submitted_on, d.id",
                                DisputeEntity.class)
                        .setParameter("appeals", ids(own).toArray(UUID[]::new))
                        .setParameter("needles", mentions.needles())
                        .getResultList())
                .map(found -> {
                    Set<UUID> ownIds = ids(own);
                    return found.stream()
                            .filter(d ->
                                    (d.appealId != null && ownIds.contains(d.appealId)) || mentions.in(d.body, d.notes))
                            .toList();
                });
    }

    /** The reinstatement timers keyed by the person's appellant keys (the kit's timer table). */
    private Uni<List<TimerRow>> timers(List<String> keys) {
        return session()
                .chain(s -> s.createNativeQuery(
                                "SELECT id, timer_key, due_at, (fired_at IS NULL AND cancelled_at IS NULL"
                                        + " AND dead_at IS NULL) FROM kit_timer WHERE kind = :kind"
                                        + " AND timer_key = ANY(cast(:keys AS text[])) ORDER BY id",
                                Object[].class)
                        .setParameter("kind", AppellantStandingService.REINSTATE_TIMER)
                        .setParameter("keys", keys.toArray(String[]::new))
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r ->
                                new TimerRow(((Number) r[0]).longValue(), (String) r[1], instant(r[2]), (Boolean) r[3]))
                        .toList());
    }

    // --- words ---

    private static String whatAppeal(AppealEntity a) {
        return "Your appeal (" + a.appellantRole + ", " + a.status + ") against decision " + a.decisionId + " filed "
                + a.filedAt;
    }

    private String whyAppeal() {
        return "Your complaint against a moderation decision, handled under DSA Art. 20; while it is open it is kept as "
                + "it is. Once decided, you are removed from it " + days("resolved-appeals")
                + " days after the decision (the misuse ladder looks back as far); its outcome is kept without you "
                + "for the complaint figures (DSA Arts. 15(1)(d), 24(1)(b)).";
    }

    private String whyStanding() {
        return "Your standing on the misuse ladder for manifestly unfounded complaints (DSA Art. 23(2), (3)): kept while "
                + "a suspension is in force, deleted " + days("appellant-standing")
                + " days after its last change; the ladder's steps count, without you, in the figures of suspensions "
                + "(DSA Art. 24(1)(b)).";
    }

    private String whyDecision() {
        return "This service's copy of the decision on your content (DSA Art. 17 statement of reasons): your appeal "
                + "rests on it (DSA Art. 20), and it is kept as long as review-service keeps the decision.";
    }

    private String whyDispute() {
        return "The record of an out-of-court dispute (DSA Art. 21) for the figures of DSA Art. 24(1)(a); notes are "
                + "removed " + days("disputes") + " days after it was settled.";
    }

    private long days(String kind) {
        Duration period = periods.get(kind);
        return period == null ? 0 : period.toDays();
    }

    // --- fields ---

    private static Map<String, String> appealFields(AppealEntity a) {
        return fields(
                "decisionId",
                a.decisionId.toString(),
                "subject",
                a.subjectKey,
                "appellantKey",
                a.appellantKey,
                "appellantId",
                a.appellantId,
                "appellantEmail",
                a.appellantEmail,
                "appellantRole",
                a.appellantRole == null ? null : a.appellantRole.name(),
                "identityVerified",
                Boolean.toString(a.identityVerified),
                "residence",
                a.residence,
                "channel",
                a.channel == null ? null : a.channel.name(),
                "arguments",
                a.arguments,
                "evidenceUrls",
                a.evidenceUrls == null ? null : String.join(" ", a.evidenceUrls),
                "status",
                a.status.name(),
                "filedAt",
                str(a.filedAt),
                "outcome",
                a.outcome == null ? null : a.outcome.name(),
                "explanation",
                a.explanation,
                "resolvedAt",
                str(a.resolvedAt),
                "mailMessageId",
                a.mailMessageId);
    }

    private static Map<String, String> standingFields(AppellantStandingEntity s) {
        return fields(
                "appellantKey", s.appellantKey,
                "appellantId", s.appellantId,
                "appellantEmail", s.appellantEmail,
                "appealsFiled", Integer.toString(s.appealsFiled),
                "unfoundedAppeals", Integer.toString(s.unfoundedAppeals),
                "warnings", Integer.toString(s.warnings),
                "lastWarnedAt", str(s.lastWarnedAt),
                "suspensions", Integer.toString(s.suspensions),
                "suspendedUntil", str(s.suspendedUntil),
                "suspensionReason", s.suspensionReason);
    }

    private static Map<String, String> sanctionFields(AppellantSanctionEntity s) {
        return fields(
                "appellantKey", s.appellantKey,
                "kind", s.kind,
                "reason", s.reason,
                "until", str(s.until),
                "at", str(s.at));
    }

    /** Only the sentences of others' text that name the person: the rest is the other person's data. */
    private static Map<String, String> mentionFields(Mentions mentions, Map<String, String> texts) {
        Map<String, String> out = new LinkedHashMap<>();
        texts.forEach((field, text) -> {
            List<String> hits = new ArrayList<>();
            for (String sentence : text.split("(?<=[.!?\\n])\\s+")) {
                if (mentions.in(sentence)) {
                    hits.add(sentence.strip());
                }
            }
            if (!hits.isEmpty()) {
                out.put(field, String.join(" … ", hits));
            }
        });
        return out;
    }

    /** Name-value pairs, the nulls left out. */
    private static Map<String, String> fields(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                out.put(pairs[i], pairs[i + 1]);
            }
        }
        return out;
    }

    private static PersonalDataItem found(String kind, String id, String what, String why, Map<String, String> fields) {
        return new PersonalDataItem(kind, id, what, why, ItemTreatment.FOUND, null, null, fields);
    }

    private static PersonalDataItem done(String kind, String id, String what, String why, ItemTreatment treatment) {
        return new PersonalDataItem(kind, id, what, why, treatment, null, null, Map.of());
    }

    private static PersonalDataItem held(String kind, String id, String what, String why, String hold, Instant until) {
        return new PersonalDataItem(kind, id, what, why, ItemTreatment.HELD, hold, until, Map.of());
    }

    private static Set<UUID> ids(List<AppealEntity> appeals) {
        Set<UUID> ids = new LinkedHashSet<>();
        appeals.forEach(a -> ids.add(a.id));
        return ids;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}

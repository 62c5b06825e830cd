package org.modhub.moderation.dmca.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.event.privacy.ItemTreatment;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.domain.NoticeStatus;
import org.modhub.moderation.dmca.persistence.CounterNoticeEntity;
import org.modhub.moderation.dmca.persistence.CounterNoticeRepository;
import org.modhub.moderation.dmca.persistence.NoticeEntity;
import org.modhub.moderation.dmca.persistence.NoticeRepository;
import org.modhub.moderation.dmca.persistence.StrikeEntity;
import org.modhub.moderation.dmca.persistence.StrikeRepository;
import org.modhub.moderation.dmca.persistence.TakedownEntity;
import org.modhub.moderation.dmca.persistence.TakedownRepository;
import org.modhub.moderation.dmca.persistence.ThreadMailEntity;
import org.modhub.moderation.dmca.persistence.ThreadMailRepository;
import org.modhub.moderation.kit.config.KitConfig;
import org.modhub.moderation.kit.privacy.Person;
import org.modhub.moderation.kit.privacy.PersonalDataHolder;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What dmca-service holds about a person and how an erasure treats it. A claimant is found by address (the notice's
 * contact and sender), an uploader by hub account id or address (takedowns, counter-notices, strikes), anyone by the
 * address they mailed a thread from.
 *
 * <ul>
 *   <li>A notice acted on (accepted) or still under review, the takedowns and counter-notices on an accepted notice:
 *       {@value #HOLD_512G} until three years after the notice closed ({@code dmca_notice_closing}); then the
 *       {@code dmca-records} rule anonymises them. The public archive never showed more than a company's name.
 *   <li>A notice never acted on (rejected, or incomplete and never completed, with the versions it superseded) and
 *       the mail on its thread: erased.
 *   <li>A strike while it counts ({@code dmca.strikes.lookback}): {@value #HOLD_512I}; afterwards anonymised.
 *   <li>Thread mail: court-action evidence legal confirmed, or that still waits for legal (it decides whether content
 *       is restored), is held with its notice; every other mail is erased.
 * </ul>
 */
@ApplicationScoped
public class DmcaPersonalData implements PersonalDataHolder {

    static final String HOLD_512G = "17 U.S.C. 512(g) and 507(b)";
    static final String HOLD_512I = "17 U.S.C. 512(i) repeat-infringer policy";
    static final String HOLD_UNDER_REVIEW = "17 U.S.C. 512(c)(1)(C) and 507(b): a notice under review";
    static final String HOLD_EVIDENCE = "17 U.S.C. 512(g)(2)(C): court-action evidence awaiting legal's decision";

    static final String NOTICE = "dmca-notice";
    static final String TAKEDOWN = "dmca-takedown";
    static final String COUNTER_NOTICE = "dmca-counter-notice";
    static final String STRIKE = "dmca-strike";
    static final String THREAD_MAIL = "dmca-thread-mail";

    /** Per notice: the last version of its chain of revisions, its status and when that one closed. */
    private static final String HEADS = """
            WITH RECURSIVE walk(start_id, id, revised_by, status, depth) AS (
                SELECT id, id, revised_by, status, 0 FROM dmca_notice WHERE id IN (:ids)
                UNION ALL
                SELECT w.start_id, n.id, n.revised_by, n.status, w.depth + 1
                FROM walk w JOIN dmca_notice n ON n.id = w.revised_by WHERE w.depth < 100)
            SELECT w.start_id, w.id, w.status, c.closed_at
            FROM walk w JOIN dmca_notice_closing c ON c.notice_id = w.id
            WHERE w.revised_by IS NULL OR w.depth = 100""";

    private static final String CLOSINGS =
            "SELECT notice_id, closed_at FROM dmca_notice_closing WHERE notice_id IN (:ids) AND closed_at IS NOT NULL";

    private final NoticeRepository notices;
    private final TakedownRepository takedowns;
    private final CounterNoticeRepository counterNotices;
    private final StrikeRepository strikes;
    private final ThreadMailRepository mails;
    private final Clock clock;
    private final Duration recordsPeriod;
    private final Duration unactedPeriod;
    private final Duration correspondencePeriod;
    private final Duration evidencePeriod;
    private final Duration strikeLookback;

    public DmcaPersonalData(
            NoticeRepository notices,
            TakedownRepository takedowns,
            CounterNoticeRepository counterNotices,
            StrikeRepository strikes,
            ThreadMailRepository mails,
            DmcaConfig dmca,
            KitConfig kit,
            Clock clock) {
        this.notices = notices;
        this.takedowns = takedowns;
        this.counterNotices = counterNotices;
        this.strikes = strikes;
        this.mails = mails;
        this.clock = clock;
        Map<String, Duration> periods = kit.privacy().retention();
        this.recordsPeriod = periods.get(DmcaRecordsRetention.KIND);
        this.unactedPeriod = periods.get(UnactedNoticesRetention.KIND);
        this.correspondencePeriod = periods.get(ThreadCorrespondenceRetention.KIND);
        this.evidencePeriod = periods.get(ThreadMailRetention.KIND);
        this.strikeLookback = dmca.strikes().lookback();
    }

    /** What the person's data in this service is, read together (one session, the caller's). */
    private record Found(
            List<NoticeEntity> notices,
            List<TakedownEntity> takedowns,
            List<CounterNoticeEntity> counterNotices,
            List<StrikeEntity> strikes,
            List<ThreadMailEntity> mails) {

        List<UUID> noticeIds() {
            List<UUID> ids = new ArrayList<>();
            notices.forEach(n -> ids.add(n.id));
            takedowns.forEach(t -> ids.add(t.noticeId));
            counterNotices.forEach(c -> ids.add(c.noticeId));
            mails.forEach(m -> ids.add(m.noticeId));
            return ids.stream().distinct().toList();
        }
    }

    private Uni<Found> load(Person person) {
        List<String> accounts = person.accountOrNone();
        List<String> emails = person.emailsOrNone();
        return notices.list("lower(contactEmail) in ?1 or senderEmail in ?1", Sort.by("receivedAt"), emails)
                .chain(n -> takedowns
                        .list("uploaderId in ?1 or lower(uploaderEmail) in ?2", Sort.by("createdAt"), accounts, emails)
                        .chain(t -> counterNotices
                                .list("uploaderId in ?1 or lower(email) in ?2", Sort.by("receivedAt"), accounts, emails)
                                .chain(c -> strikes.list("accountId in ?1", Sort.by("recordedAt"), accounts)
                                        .chain(s -> mails.list("senderEmail in ?1", Sort.by("receivedAt"), emails)
                                                .map(m -> new Found(n, t, c, s, m))))));
    }

    /** When each accepted notice closed, for the notices that have. */
    private Uni<Map<UUID, Instant>> closings(List<UUID> noticeIds) {
        if (noticeIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return PrivacySql.rows(CLOSINGS, Map.of("ids", noticeIds)).map(rows -> {
            Map<UUID, Instant> closed = new HashMap<>();
            rows.forEach(r -> closed.put((UUID) r[0], PrivacySql.instant(r[1])));
            return closed;
        });
    }

    // --- access ---

    @Override
    public Uni<List<PersonalDataItem>> find(Person person) {
        return load(person).map(found -> {
            List<PersonalDataItem> items = new ArrayList<>();
            found.notices.forEach(n -> items.add(found(NOTICE, n.id, noticeWhat(n), noticeWhy(), noticeFields(n))));
            found.takedowns.forEach(
                    t -> items.add(found(TAKEDOWN, t.id, takedownWhat(t), takedownWhy(), takedownFields(t))));
            found.counterNotices.forEach(c ->
                    items.add(found(COUNTER_NOTICE, c.id, counterNoticeWhat(c), counterNoticeWhy(), counterFields(c))));
            found.strikes.forEach(s -> items.add(found(STRIKE, s.id, strikeWhat(s), strikeWhy(), strikeFields(s))));
            found.mails.forEach(m -> items.add(found(THREAD_MAIL, m.id, mailWhat(m), mailWhy(), mailFields(m))));
            return items;
        });
    }

    private static PersonalDataItem found(String kind, UUID id, String what, String why, Map<String, String> fields) {
        return new PersonalDataItem(kind, id.toString(), what, why, ItemTreatment.FOUND, null, null, fields);
    }

    // --- erasure ---

    @Override
    public Uni<List<PersonalDataItem>> erase(Person person) {
        Instant now = clock.instant();
        return load(person)
                .chain(found -> heads(found.notices)
                        .chain(heads -> closings(found.noticeIds()).chain(closed -> {
                            List<PersonalDataItem> items = new ArrayList<>();
                            List<UUID> eraseNotices = new ArrayList<>();
                            for (NoticeEntity n : found.notices) {
                                Head head = heads.getOrDefault(n.id, new Head(n.id, n.status.name(), null));
                                if (head.status.equals(NoticeStatus.ACCEPTED.name())) {
                                    items.add(held(
                                            NOTICE, n.id, noticeWhat(n), noticeWhy(), HOLD_512G, until(head.closedAt)));
                                } else if (head.status.equals(NoticeStatus.PENDING_REVIEW.name())) {
                                    items.add(held(NOTICE, n.id, noticeWhat(n), noticeWhy(), HOLD_UNDER_REVIEW, null));
                                } else {
                                    eraseNotices.add(n.id);
                                    items.add(done(NOTICE, n.id, noticeWhat(n), noticeWhy(), ItemTreatment.ERASED));
                                }
                            }
                            for (TakedownEntity t : found.takedowns) {
                                items.add(held(
                                        TAKEDOWN,
                                        t.id,
                                        takedownWhat(t),
                                        takedownWhy(),
                                        HOLD_512G,
                                        until(closed.get(t.noticeId))));
                            }
                            for (CounterNoticeEntity c : found.counterNotices) {
                                items.add(held(
                                        COUNTER_NOTICE,
                                        c.id,
                                        counterNoticeWhat(c),
                                        counterNoticeWhy(),
                                        HOLD_512G,
                                        until(closed.get(c.noticeId))));
                            }
                            List<UUID> anonymiseStrikes = new ArrayList<>();
                            for (StrikeEntity s : found.strikes) {
                                Instant stopsCounting = s.recordedAt.plus(strikeLookback);
                                if (stopsCounting.isAfter(now)) {
                                    items.add(held(STRIKE, s.id, strikeWhat(s), strikeWhy(), HOLD_512I, stopsCounting));
                                } else {
                                    anonymiseStrikes.add(s.id);
                                    items.add(done(STRIKE, s.id, strikeWhat(s), strikeWhy(), ItemTreatment.ANONYMISED));
                                }
                            }
                            List<UUID> eraseMails = new ArrayList<>();
                            for (ThreadMailEntity m : found.mails) {
                                boolean evidence = ThreadMailEntity.COURT_ACTION_EVIDENCE.equals(m.kind);
                                if (evidence && ThreadMailEntity.CONFIRMED.equals(m.status)) {
                                    items.add(held(
                                            THREAD_MAIL,
                                            m.id,
                                            mailWhat(m),
                                            mailWhy(),
                                            HOLD_512G,
                                            until(closed.get(m.noticeId))));
                                } else if (evidence && ThreadMailEntity.AWAITING_CONFIRMATION.equals(m.status)) {
                                    items.add(held(THREAD_MAIL, m.id, mailWhat(m), mailWhy(), HOLD_EVIDENCE, null));
                                } else {
                                    eraseMails.add(m.id);
                                    items.add(done(THREAD_MAIL, m.id, mailWhat(m), mailWhy(), ItemTreatment.ERASED));
                                }
                            }
                            return deleteMails(eraseMails)
                                    .chain(() -> anonymiseStrikes(anonymiseStrikes, person.anonymousRef()))
                                    .chain(() -> deleteNotices(eraseNotices))
                                    .replaceWith(items);
                        })));
    }

    private record Head(UUID id, String status, Instant closedAt) {}

    /** The last version of each notice's chain of revisions: what became of the notice. */
    private Uni<Map<UUID, Head>> heads(List<NoticeEntity> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<UUID> ids = found.stream().map(n -> n.id).toList();
        return PrivacySql.rows(HEADS, Map.of("ids", ids))
                .map(rows -> rows.stream()
                        .collect(Collectors.toMap(
                                r -> (UUID) r[0],
                                r -> new Head((UUID) r[1], (String) r[2], PrivacySql.instant(r[3])),
                                (a, b) -> a)));
    }

    private Uni<Void> deleteMails(List<UUID> ids) {
        return ids.isEmpty()
                ? Uni.createFrom().voidItem()
                : PrivacySql.update("DELETE FROM dmca_thread_mail WHERE id IN (:ids)", Map.of("ids", ids))
                        .replaceWithVoid();
    }

    private Uni<Void> anonymiseStrikes(List<UUID> ids, String ref) {
        return ids.isEmpty()
                ? Uni.createFrom().voidItem()
                : PrivacySql.update(
                                "UPDATE dmca_strike SET account_id = :ref, account_name = :ref WHERE id IN (:ids)",
                                Map.of("ids", ids, "ref", ref))
                        .replaceWithVoid();
    }

    /**
     * Deletes notices never acted on with the mail on their threads; a revision that named one as its original (or
     * an original that named one as its revision) forgets it.
     */
    private Uni<Void> deleteNotices(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> p = Map.of("ids", ids);
        return PrivacySql.update("UPDATE dmca_notice SET revision_of = NULL WHERE revision_of IN (:ids)", p)
                .chain(() ->
                        PrivacySql.update("UPDATE dmca_notice SET revised_by = NULL WHERE revised_by IN (:ids)", p))
                .chain(() -> PrivacySql.update("DELETE FROM dmca_thread_mail WHERE notice_id IN (:ids)", p))
                .chain(() -> PrivacySql.update("DELETE FROM dmca_notice WHERE id IN (:ids)", p))
                .replaceWithVoid();
    }

    /** A hold on a 512(g) record ends three years after its notice closed; unknown while it is open. */
    private Instant until(Instant closedAt) {
        return closedAt == null ? null : closedAt.plus(recordsPeriod);
    }

    private static PersonalDataItem held(String kind, UUID id, String what, String why, String hold, Instant until) {
        return new PersonalDataItem(kind, id.toString(), what, why, ItemTreatment.HELD, hold, until, Map.of());
    }

    private static PersonalDataItem done(String kind, UUID id, String what, String why, ItemTreatment treatment) {
        return new PersonalDataItem(kind, id.toString(), what, why, treatment, null, null, Map.of());
    }

    // --- words ---

    private static String noticeWhat(NoticeEntity n) {
        return "The DMCA takedown notice you sent on " + n.receivedAt + " (" + n.status + ") with your contact details";
    }

    private String noticeWhy() {
        return "To act on your notice (17 U.S.C. 512(c)) and as the record of notice and counter-notice (512(g)). "
                + "A notice acted on keeps your contact details until " + days(recordsPeriod) + " after it closed "
                + "(the limitation period of 17 U.S.C. 507(b)); then they are removed and only the works, the "
                + "material and a company claimant's name stay in the public archive. A notice rejected or never "
                + "completed is deleted " + days(unactedPeriod) + " after its last change.";
    }

    private static String takedownWhat(TakedownEntity t) {
        return "The takedown of your content " + t.subjectKeys + " on a DMCA notice (" + t.status
                + "), with your account and e-mail as the hub had them";
    }

    private String takedownWhy() {
        return "The record of the takedown you were told of and could counter (17 U.S.C. 512(g)); kept until "
                + days(recordsPeriod) + " after the notice closed (17 U.S.C. 507(b)), then your identity is removed.";
    }

    private static String counterNoticeWhat(CounterNoticeEntity c) {
        return "Your counter-notice of " + c.receivedAt + " (" + c.status + "), forwarded to the claimant";
    }

    private String counterNoticeWhy() {
        return "17 U.S.C. 512(g)(2)-(3): forwarded to the claimant and the basis of restoring your content; kept until "
                + days(recordsPeriod) + " after the notice closed (17 U.S.C. 507(b)), then your name, address, "
                + "phone, e-mail and signature are removed.";
    }

    private static String strikeWhat(StrikeEntity s) {
        return "A repeat-infringer strike on your account, recorded " + s.recordedAt + " (" + s.reason + ")";
    }

    private String strikeWhy() {
        return "The hub's repeat-infringer policy (17 U.S.C. 512(i)(1)(A)): a strike counts for " + days(strikeLookback)
                + "; afterwards it no longer names you once you ask, and its notice's records go "
                + days(recordsPeriod) + " after the notice closed.";
    }

    private static String mailWhat(ThreadMailEntity m) {
        return "A mail you sent on " + m.receivedAt + " about a DMCA notice or takedown (\"" + m.subjectLine + "\")";
    }

    private String mailWhy() {
        return "Kept for the staff handling the notice: court-action evidence legal confirmed stopped the restoration "
                + "of content (17 U.S.C. 512(g)(2)(C)) and is kept until " + days(evidencePeriod)
                + " after the notice closed; any other mail is deleted " + days(correspondencePeriod)
                + " after it arrived.";
    }

    private static String days(Duration d) {
        return d == null ? "the configured period" : d.toDays() + " days";
    }

    // --- fields ---

    private static Map<String, String> noticeFields(NoticeEntity n) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("status", n.status.name());
        f.put("channel", n.channel.name());
        f.put("receivedAt", String.valueOf(n.receivedAt));
        put(f, "signature", n.signature);
        put(f, "contactName", n.contactName);
        put(f, "contactOrganisation", n.contactOrganisation);
        put(f, "contactEmail", n.contactEmail);
        put(f, "contactAddress", n.contactAddress);
        put(f, "contactPhone", n.contactPhone);
        put(f, "senderEmail", n.senderEmail);
        put(f, "clientAddress", n.clientAddress);
        for (int i = 0; i < n.elements.works().size(); i++) {
            var w = n.elements.works().get(i);
            put(f, "copyrightedWorks[" + i + "].description", w.description());
            put(f, "copyrightedWorks[" + i + "].url", w.url());
        }
        for (int i = 0; i < n.elements.material().size(); i++) {
            var m = n.elements.material().get(i);
            put(f, "infringingMaterial[" + i + "].url", m.url());
            put(f, "infringingMaterial[" + i + "].description", m.description());
        }
        put(f, "originalText", n.originalText);
        return f;
    }

    private static Map<String, String> takedownFields(TakedownEntity t) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("noticeId", t.noticeId.toString());
        f.put("uploaderId", t.uploaderId);
        f.put("uploaderName", t.uploaderName);
        f.put("uploaderEmail", t.uploaderEmail);
        put(f, "uploaderLanguage", t.uploaderLanguage);
        f.put("subjects", String.join(", ", t.subjectKeys));
        f.put("status", t.status.name());
        put(f, "orderedAt", t.orderedAt == null ? null : t.orderedAt.toString());
        return f;
    }

    private static Map<String, String> counterFields(CounterNoticeEntity c) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("noticeId", c.noticeId.toString());
        f.put("uploaderId", c.uploaderId);
        f.put("signature", c.signature);
        f.put("name", c.name);
        f.put("address", c.address);
        f.put("phone", c.phone);
        f.put("email", c.email);
        for (int i = 0; i < c.material.items().size(); i++) {
            var item = c.material.items().get(i);
            put(f, "material[" + i + "].url", item.url());
            put(f, "material[" + i + "].description", item.description());
        }
        f.put("status", c.status);
        f.put("receivedAt", String.valueOf(c.receivedAt));
        return f;
    }

    private static Map<String, String> strikeFields(StrikeEntity s) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("accountId", s.accountId);
        f.put("accountName", s.accountName);
        f.put("noticeId", s.noticeId.toString());
        f.put("reason", s.reason);
        f.put("recordedAt", String.valueOf(s.recordedAt));
        return f;
    }

    private static Map<String, String> mailFields(ThreadMailEntity m) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("noticeId", m.noticeId.toString());
        f.put("kind", m.kind);
        f.put("status", m.status);
        f.put("senderEmail", m.senderEmail);
        f.put("receivedAt", String.valueOf(m.receivedAt));
        f.put("subjectLine", m.subjectLine);
        f.put("body", m.body);
        if (!m.attachments.items().isEmpty()) {
            f.put(
                    "attachments",
                    m.attachments.items().stream()
                            .map(a -> a.name() == null ? "(unnamed)" : a.name())
                            .collect(Collectors.joining(", ")));
        }
        return f;
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(key, value);
        }
    }
}

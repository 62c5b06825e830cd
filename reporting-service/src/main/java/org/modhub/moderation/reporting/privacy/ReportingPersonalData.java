package org.modhub.moderation.reporting.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.modhub.moderation.contracts.event.privacy.ItemTreatment;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.kit.config.KitConfig;
import org.modhub.moderation.kit.privacy.Person;
import org.modhub.moderation.kit.privacy.PersonalDataHolder;
import org.modhub.moderation.reporting.persistence.NotifierStandingEntity;
import org.modhub.moderation.reporting.persistence.NotifierStandingRepository;
import org.modhub.moderation.reporting.persistence.ReportEntity;
import org.modhub.moderation.reporting.persistence.ReportRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * What reporting-service holds about a person, and its erasure. A person is a notifier by their hub account
 * ({@code reporter_id}, {@code notifier_key 'user:<id>'}, {@code notifier_id}) or by address ({@code contact_email},
 * {@code notifier_key 'email:<address>'}, {@code notifier_email}); as staff they may have muted notifiers
 * ({@code muted_by}).
 *
 * <ul>
 *   <li>Reports they filed: ANONYMISED at once ({@link ReportIdentity}): the decision never needed who reported, and the
 *       report still counts in the transparency figures (DSA Arts. 15, 24).
 *   <li>Their notifier standing: HELD while a suspension is in force (DSA Art. 23(1): the suspension must hold for its
 *       period, and a new key would escape it), else ERASED.
 *   <li>Mutes they set as staff: the staff member is replaced by the anonymous reference, as the kit's audit log does
 *       with its actors.
 * </ul>
 */
@ApplicationScoped
public class ReportingPersonalData implements PersonalDataHolder {

    static final String HOLD_SUSPENSION = "DSA Art. 23(1): report processing is suspended for this notifier";

    private final ReportRepository reports;
    private final NotifierStandingRepository standings;
    private final Clock clock;
    private final Map<String, Duration> periods;

    public ReportingPersonalData(
            ReportRepository reports, NotifierStandingRepository standings, Clock clock, KitConfig config) {
        this.reports = reports;
        this.standings = standings;
        this.clock = clock;
        this.periods = config.privacy().retention();
    }

    @Override
    public Uni<List<PersonalDataItem>> find(Person person) {
        List<PersonalDataItem> items = new ArrayList<>();
        return reportsOf(person, false)
                .invoke(found -> found.forEach(r -> items.add(found(r))))
                .chain(() -> standingsOf(person, false))
                .invoke(found -> found.forEach(s -> items.add(found(s))))
                .chain(() -> mutesSetBy(person))
                .invoke(mutes -> {
                    if (!mutes.isEmpty()) {
                        items.add(mutesFound(mutes));
                    }
                })
                .replaceWith(items);
    }

    @Override
    public Uni<List<PersonalDataItem>> erase(Person person) {
        Instant now = clock.instant();
        List<PersonalDataItem> items = new ArrayList<>();
        return reportsOf(person, true)
                .chain(found -> ReportIdentity.anonymise(
                                found.stream().map(r -> r.id).toList(),
                                person.identifiers(),
                                person.anonymousRef(),
                                now)
                        .invoke(() -> found.forEach(r -> items.add(anonymised(r, person)))))
                .chain(() -> standingsOf(person, true))
                .chain(found -> Multi.createFrom()
                        .iterable(found)
                        .onItem()
                        .transformToUniAndConcatenate(s -> {
                            if (s.suspendedAt(now)) {
                                items.add(held(s));
                                return Uni.createFrom().voidItem();
                            }
                            items.add(erased(s));
                            return standings.delete(s);
                        })
                        .collect()
                        .last()
                        .replaceWithVoid())
                .chain(() -> anonymiseMutes(person))
                .invoke(changed -> {
                    if (changed > 0) {
                        items.add(mutesAnonymised(changed, person));
                    }
                })
                .replaceWith(items);
    }

    private Uni<List<ReportEntity>> reportsOf(Person person, boolean lock) {
        var query = reports.find(
                "reporterId in ?1 or withdrawnBy in ?1 or lower(contactEmail) in ?2 or notifierKey in ?3"
                        + " order by filedAt, id",
                person.accountOrNone(),
                person.emailsOrNone(),
                person.partyKeys());
        return (lock ? query.withLock(LockModeType.PESSIMISTIC_WRITE) : query).list();
    }

    private Uni<List<NotifierStandingEntity>> standingsOf(Person person, boolean lock) {
        var query = standings.find(
                "notifierKey in ?1 or notifierId in ?2 or lower(notifierEmail) in ?3 order by notifierKey",
                person.partyKeys(),
                person.accountOrNone(),
                person.emailsOrNone());
        return (lock ? query.withLock(LockModeType.PESSIMISTIC_WRITE) : query).list();
    }

    private Uni<List<NotifierStandingEntity>> mutesSetBy(Person person) {
        return standings.list("mutedBy in ?1 order by notifierKey", person.accountOrNone());
    }

    private static Uni<Integer> anonymiseMutes(Person person) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE notifier_standing SET muted_by = :ref WHERE muted_by IN (:ids)")
                        .setParameter("ref", person.anonymousRef())
                        .setParameter("ids", person.accountOrNone())
                        .executeUpdate());
    }

    // --- items ---

    private String reportWhy() {
        return "A notice you gave us (DSA Art. 16), used to review the content, to tell you the outcome (Art. 16(5)) and "
                + "for your complaint about the decision (Art. 20, six months). Who you are is kept until "
                + days("closed-reports") + " days after the report is decided or withdrawn, then replaced by an "
                + "anonymous reference; the report itself stays, without you, in the decision's record and our "
                + "transparency figures (DSA Arts. 15 and 24).";
    }

    private String standingWhy() {
        return "Your standing as a notifier: reports filed, reports found manifestly unfounded, warnings, suspensions "
                + "(DSA Art. 23), trusted-flagger status (Art. 22) and mutes, used to handle misuse of reporting. "
                + "Deleted " + days("notifier-standing") + " days after its last change unless a suspension is in "
                + "force.";
    }

    private static final String MUTES_WHY =
            "Who muted a notifier is kept for accountability (GDPR Art. 5(2)) as long as "
                    + "the notifier's standing is kept.";

    private String days(String kind) {
        Duration period = periods.get(kind);
        return period == null ? "?" : Long.toString(period.toDays());
    }

    private PersonalDataItem found(ReportEntity r) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "subject", r.subjectKey);
        put(fields, "hubUrl", r.hubUrl);
        put(fields, "category", r.category == null ? null : r.category.code());
        put(fields, "subcategory", r.subcategory == null ? null : r.subcategory.code());
        put(fields, "explanation", r.explanation);
        put(fields, "evidenceUrls", r.evidenceUrls.isEmpty() ? null : String.join(" ", r.evidenceUrls));
        put(fields, "jurisdiction", r.jurisdiction);
        put(fields, "allegesIllegalContent", Boolean.toString(r.allegesIllegal));
        put(fields, "goodFaithStatement", Boolean.toString(r.goodFaithStatement));
        put(fields, "reporterId", r.reporterId);
        put(fields, "reporterName", r.reporterName);
        put(fields, "contactEmail", r.contactEmail);
        put(fields, "notifierKey", r.notifierKey);
        put(fields, "showReporterPublicly", Boolean.toString(r.showReporterPublicly));
        put(fields, "channel", r.channel.name());
        put(fields, "status", r.status.name());
        put(fields, "outcome", r.outcome);
        put(fields, "filedAt", str(r.filedAt));
        put(fields, "decidedAt", str(r.decidedAt));
        put(fields, "withdrawnAt", str(r.withdrawnAt));
        put(fields, "withdrawalReason", r.withdrawalReason);
        put(fields, "mailMessageId", r.mailMessageId);
        put(fields, "originalMail", r.originalText);
        return new PersonalDataItem(
                "report", r.id.toString(), describe(r), reportWhy(), ItemTreatment.FOUND, null, null, fields);
    }

    private PersonalDataItem anonymised(ReportEntity r, Person person) {
        return new PersonalDataItem(
                "report",
                r.id.toString(),
                describe(r) + ": your account, name, address and the mail you sent are removed from it; your words "
                        + "in it now name you as " + person.anonymousRef(),
                reportWhy(),
                ItemTreatment.ANONYMISED,
                null,
                null,
                Map.of());
    }

    private static String describe(ReportEntity r) {
        return "Your report " + (r.subjectKey == null ? "awaiting the content's location" : "on " + r.subjectKey)
                + ", filed " + r.filedAt + " by "
                + r.channel.name().toLowerCase(Locale.ROOT).replace('_', '-') + " ("
                + r.status.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    }

    private PersonalDataItem found(NotifierStandingEntity s) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "notifierKey", s.notifierKey);
        put(fields, "accountId", s.notifierId);
        put(fields, "email", s.notifierEmail);
        put(fields, "trustedFlagger", Boolean.toString(s.trustedFlagger));
        put(fields, "trustedSince", str(s.trustedSince));
        put(fields, "reportsFiled", Integer.toString(s.reportsFiled));
        put(fields, "manifestlyUnfoundedReports", Integer.toString(s.unfoundedReports));
        put(fields, "warnings", Integer.toString(s.warnings));
        put(fields, "lastWarnedAt", str(s.lastWarnedAt));
        put(fields, "suspensions", Integer.toString(s.suspensions));
        put(fields, "suspendedAt", str(s.suspendedAt));
        put(fields, "suspendedUntil", str(s.suspendedUntil));
        put(fields, "suspensionReason", s.suspensionReason);
        put(fields, "mutedUntil", str(s.mutedUntil));
        put(fields, "muteReason", s.muteReason);
        put(fields, "updatedAt", str(s.updatedAt));
        return new PersonalDataItem(
                "notifier-standing",
                s.notifierKey,
                "Your standing as notifier " + s.notifierKey,
                standingWhy(),
                ItemTreatment.FOUND,
                null,
                null,
                fields);
    }

    private PersonalDataItem held(NotifierStandingEntity s) {
        return new PersonalDataItem(
                "notifier-standing",
                s.notifierKey,
                "Your standing as notifier " + s.notifierKey + ": kept while your suspension lasts, until "
                        + s.suspendedUntil,
                standingWhy(),
                ItemTreatment.HELD,
                HOLD_SUSPENSION,
                s.suspendedUntil,
                Map.of());
    }

    private PersonalDataItem erased(NotifierStandingEntity s) {
        return new PersonalDataItem(
                "notifier-standing",
                s.notifierKey,
                "Your standing as notifier " + s.notifierKey + ": deleted",
                standingWhy(),
                ItemTreatment.ERASED,
                null,
                null,
                Map.of());
    }

    private static PersonalDataItem mutesFound(List<NotifierStandingEntity> mutes) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < mutes.size(); i++) {
            fields.put("mute " + (i + 1), "muted until " + mutes.get(i).mutedUntil);
        }
        return new PersonalDataItem(
                "notifier-mute",
                "muted_by",
                mutes.size() + " notifier mutes name you as the staff member who set them",
                MUTES_WHY,
                ItemTreatment.FOUND,
                null,
                null,
                fields);
    }

    private static PersonalDataItem mutesAnonymised(int changed, Person person) {
        return new PersonalDataItem(
                "notifier-mute",
                "muted_by",
                changed + " notifier mutes named you as the staff member who set them; they now read "
                        + person.anonymousRef(),
                MUTES_WHY,
                ItemTreatment.ANONYMISED,
                null,
                null,
                Map.of());
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private static String str(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

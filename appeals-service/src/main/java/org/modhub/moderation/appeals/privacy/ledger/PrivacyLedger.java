package org.modhub.moderation.appeals.privacy.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.privacy.ItemTreatment;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.contracts.event.privacy.PrivacyAnswered;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequestKind;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequested;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.inbox.PoisonMessageException;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.validation.PageCursor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The ledger of data subjects' requests (GDPR Arts. 15 and 17). Staff record a request: it is stored, announced on
 * {@code privacy.requests} ({@code PrivacyRequested}, kit outbox) and audited in one transaction. Every service
 * holding personal data answers on {@code privacy.answers}, in one or more parts; each part is stored once (a part
 * already stored, whatever its event id, changes nothing) and audited, and the request completes when every service
 * of {@code appeals.privacy.services} has all its parts. Answers of other services are kept and shown, but complete
 * nothing. The ledger itself is the proof that a request was answered (Art. 5(2)); it keeps no data of the person
 * beyond the identifiers staff named and the answers, and its audit lines name the request, not the person.
 */
@ApplicationScoped
public class PrivacyLedger {

    static final String SERVICE = "appeals-service";
    static final String ENTITY = "privacy-request";

    /** How stored items are written and read: the wire format of {@code PersonalDataItem}. */
    private static final ObjectMapper ITEMS = EventCodec.newObjectMapper();

    private static final TypeReference<List<PersonalDataItem>> ITEM_LIST = new TypeReference<>() {};
    private static final TypeReference<Map<String, Integer>> COUNT_MAP = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, String>>> HOLD_LIST = new TypeReference<>() {};

    private final PrivacyRequestRepository requests;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final List<String> expected;

    public PrivacyLedger(
            PrivacyRequestRepository requests,
            Outbox outbox,
            AuditTrail audit,
            Clock clock,
            PrivacyLedgerConfig config) {
        this.requests = requests;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.expected = config.services().stream().map(String::strip).distinct().toList();
    }

    /** A request as staff made it, checked. */
    public record NewRequest(PrivacyRequestKind kind, String accountId, List<String> emails, String note) {}

    /** One stored part of a service's answer, summed up: how many items of each treatment, and the holds. */
    public record PartSummary(
            String service,
            int part,
            int parts,
            Instant answeredAt,
            Map<ItemTreatment, Integer> counts,
            List<PrivacyRequestView.Hold> holds) {}

    /** One stored part with its items. */
    public record Part(String service, int part, int parts, Instant answeredAt, List<PersonalDataItem> items) {}

    /** A request and the summaries of its answer parts. */
    public record Entry(PrivacyRequestEntity request, List<PartSummary> parts) {}

    /** The services a request waits for, in configuration order. */
    public List<String> expectedServices() {
        return expected;
    }

    @WithTransaction
    public Uni<Entry> record(NewRequest input, String staffId) {
        PrivacyRequestEntity request = new PrivacyRequestEntity();
        request.id = UUID.randomUUID();
        request.kind = input.kind();
        request.accountId = input.accountId();
        request.emails = input.emails();
        request.note = input.note();
        request.requestedBy = staffId;
        request.requestedAt = clock.instant();
        Log.infof("Privacy request %s (%s) recorded by %s", request.id, request.kind, staffId);
        return requests.persist(request)
                .call(saved -> outbox.publish(
                        Topics.PRIVACY_REQUESTS,
                        EventSources.APPEALS_SERVICE,
                        new PrivacyRequested(
                                saved.id,
                                saved.kind,
                                saved.accountId,
                                saved.emails,
                                saved.requestedBy,
                                saved.requestedAt)))
                // The line names the request, not the person: the ledger row holds who it is.
                .call(saved -> audit.record(
                        staffId,
                        "privacy.requested",
                        ENTITY,
                        saved.id,
                        null,
                        saved.kind.name().toLowerCase(Locale.ROOT) + " request naming "
                                + (saved.accountId == null ? "no account" : "an account") + " and "
                                + saved.emails.size() + " e-mail address(es); waits for "
                                + String.join(", ", expected)))
                .map(saved -> new Entry(saved, List.of()));
    }

    @WithSession
    public Uni<Entry> get(UUID id) {
        return requests.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Privacy request", id))
                .chain(request ->
                        summaries(List.of(id)).map(parts -> new Entry(request, parts.getOrDefault(id, List.of()))));
    }

    /** One page of requests, newest first, after {@code after} (null: the first page). */
    @WithSession
    public Uni<List<Entry>> newestFirst(PageCursor after, int limit) {
        return requests.newestFirst(after == null ? null : after.at(), after == null ? null : after.id(), limit)
                .chain(page -> page.isEmpty()
                        ? Uni.createFrom().item(List.<Entry>of())
                        : summaries(page.stream().map(r -> r.id).toList())
                                .map(parts -> page.stream()
                                        .map(r -> new Entry(r, parts.getOrDefault(r.id, List.of())))
                                        .toList()));
    }

    /** Where a page of requests ends. */
    public static PageCursor cursorOf(Entry entry) {
        return new PageCursor(entry.request().requestedAt, entry.request().id);
    }

    /** The request and every stored part with its items, for the document. */
    @WithSession
    public Uni<Map.Entry<PrivacyRequestEntity, List<Part>>> withItems(UUID id) {
        return requests.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Privacy request", id))
                .chain(request -> Panache.getSession()
                        .chain(s -> s.createNativeQuery(
                                        "SELECT service, part, parts, answered_at, CAST(items AS text) FROM privacy_answer "
                                                + "WHERE request_id = :id ORDER BY service, part",
                                        Object[].class)
                                .setParameter("id", id)
                                .getResultList())
                        .map(rows -> Map.entry(
                                request,
                                rows.stream()
                                        .map(row -> new Part(
                                                (String) row[0],
                                                ((Number) row[1]).intValue(),
                                                ((Number) row[2]).intValue(),
                                                instant(row[3]),
                                                read((String) row[4], ITEM_LIST)))
                                        .toList())));
    }

    /**
     * Stores one part of a service's answer, in the consumer's transaction: once (a part already stored changes
     * nothing), audited; completes the request when it was the last part the expected services owed. An answer to a
     * request the ledger does not hold (or of another kind) can never be applied: a poison message.
     */
    public Uni<Void> answered(PrivacyAnswered answer) {
        return requests.lock(answer.requestId()).chain(request -> {
            if (request == null) {
                throw new PoisonMessageException("An answer of " + answer.service() + " to privacy request "
                        + answer.requestId() + ", which the ledger does not hold");
            }
            if (request.kind != answer.kind()) {
                throw new PoisonMessageException("An answer of " + answer.service() + " to privacy request "
                        + answer.requestId() + " says " + answer.kind() + ", but the request is " + request.kind);
            }
            return store(answer).chain(inserted -> {
                if (inserted == 0) {
                    Log.infof(
                            "Privacy request %s: part %d of %s's answer is already stored; nothing changes",
                            answer.requestId(), answer.part(), answer.service());
                    return Uni.createFrom().voidItem();
                }
                return audit.record(
                                AuditTrail.system(SERVICE),
                                "privacy.answered",
                                ENTITY,
                                request.id,
                                null,
                                describe(answer))
                        .chain(() -> request.completedAt == null
                                ? completeIfDone(request)
                                : Uni.createFrom().voidItem());
            });
        });
    }

    private Uni<Integer> store(PrivacyAnswered answer) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO privacy_answer (request_id, service, part, parts, items, "
                                + "answered_at, stored_at) VALUES (:request, :service, :part, :parts, "
                                + "CAST(CAST(:items AS text) AS jsonb), :answeredAt, :now) ON CONFLICT DO NOTHING")
                        .setParameter("request", answer.requestId())
                        .setParameter("service", answer.service())
                        .setParameter("part", answer.part())
                        .setParameter("parts", answer.parts())
                        // Typed as text first: a string bound straight to a jsonb parameter would be stored as one
                        // JSON string rather than parsed.
                        .setParameter("items", write(answer.items()))
                        .setParameter("answeredAt", answer.answeredAt())
                        .setParameter("now", clock.instant())
                        .executeUpdate());
    }

    private Uni<Void> completeIfDone(PrivacyRequestEntity request) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT service FROM privacy_answer WHERE request_id = :id "
                                        + "GROUP BY service HAVING count(*) >= max(parts)",
                                String.class)
                        .setParameter("id", request.id)
                        .getResultList())
                .chain(answered -> {
                    if (!answered.containsAll(expected)) {
                        return Uni.createFrom().voidItem();
                    }
                    request.completedAt = clock.instant();
                    Log.infof("Privacy request %s is complete: every service answered", request.id);
                    Uni<Integer> copiesRemoved = request.kind == PrivacyRequestKind.ERASURE
                            ? removeAccessCopies(request)
                            : Uni.createFrom().item(0);
                    Set<String> others = new TreeSet<>(answered);
                    expected.forEach(others::remove);
                    return copiesRemoved.chain(removed -> audit.record(
                            AuditTrail.system(SERVICE),
                            "privacy.completed",
                            ENTITY,
                            request.id,
                            null,
                            request.kind.name().toLowerCase(Locale.ROOT) + " request answered in full by "
                                    + String.join(", ", expected)
                                    + (others.isEmpty() ? "" : "; also answered: " + String.join(", ", others))
                                    + (removed == 0
                                            ? ""
                                            : "; the data copied into " + removed
                                                    + " answer part(s) of earlier access requests removed")));
                });
    }

    /**
     * The person asked for erasure and every service has erased: the copies of their data in earlier access answers
     * (the same account or one of the same addresses) go too, keeping what was found and why.
     */
    private Uni<Integer> removeAccessCopies(PrivacyRequestEntity erasure) {
        List<String> emails = erasure.emails == null || erasure.emails.isEmpty() ? List.of(" (none) ") : erasure.emails;
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "UPDATE privacy_answer SET items = privacy_items_without_fields(items), "
                                        + "fields_removed_at = :now WHERE fields_removed_at IS NULL AND request_id IN ("
                                        + "SELECT id FROM privacy_request WHERE kind = 'ACCESS' AND (account_id = :account "
                                        + "OR EXISTS (SELECT 1 FROM unnest(emails) e WHERE e IN (:emails))))")
                        .setParameter("now", clock.instant())
                        .setParameter("account", erasure.accountId == null ? " (none) " : erasure.accountId)
                        .setParameter("emails", emails)
                        .executeUpdate());
    }

    /** The audit line of one part: who answered, the counts, and the rules of the holds. */
    static String describe(PrivacyAnswered answer) {
        Map<ItemTreatment, Integer> counts = new EnumMap<>(ItemTreatment.class);
        Set<String> rules = new TreeSet<>();
        for (PersonalDataItem item : answer.items()) {
            counts.merge(item.treatment(), 1, Integer::sum);
            if (item.hold() != null) {
                rules.add(item.hold());
            }
        }
        return answer.service() + " answered"
                + (answer.parts() > 1 ? " (part " + answer.part() + " of " + answer.parts() + ")" : "")
                + ": " + (counts.isEmpty() ? "nothing held" : counts.toString())
                + (rules.isEmpty() ? "" : "; held under " + String.join("; ", rules));
    }

    /** Counts and holds of every stored part of the requests, by request, summed up in the database. */
    private Uni<Map<UUID, List<PartSummary>>> summaries(List<UUID> ids) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT a.request_id, a.service, a.part, a.parts, a.answered_at, "
                                        + "(SELECT CAST(coalesce(jsonb_object_agg(c.treatment, c.n), '{}') AS text) FROM "
                                        + "  (SELECT i ->> 'treatment' AS treatment, count(*) AS n "
                                        + "   FROM jsonb_array_elements(a.items) i GROUP BY 1) c), "
                                        + "(SELECT CAST(coalesce(jsonb_agg(jsonb_build_object('kind', i ->> 'kind', "
                                        + "   'id', i ->> 'id', 'what', i ->> 'what', 'rule', i ->> 'hold', "
                                        + "   'heldUntil', i ->> 'heldUntil')), '[]') AS text) "
                                        + "  FROM jsonb_array_elements(a.items) i WHERE i ->> 'treatment' = 'HELD') "
                                        + "FROM privacy_answer a WHERE a.request_id IN (:ids) ORDER BY a.service, a.part",
                                Object[].class)
                        .setParameter("ids", ids)
                        .getResultList())
                .map(rows -> {
                    Map<UUID, List<PartSummary>> byRequest = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        Map<ItemTreatment, Integer> counts = new EnumMap<>(ItemTreatment.class);
                        read((String) row[5], COUNT_MAP).forEach((t, n) -> counts.put(ItemTreatment.valueOf(t), n));
                        List<PrivacyRequestView.Hold> holds = read((String) row[6], HOLD_LIST).stream()
                                .map(h -> new PrivacyRequestView.Hold(
                                        h.get("kind"),
                                        h.get("id"),
                                        h.get("what"),
                                        h.get("rule"),
                                        h.get("heldUntil") == null ? null : Instant.parse(h.get("heldUntil"))))
                                .toList();
                        byRequest
                                .computeIfAbsent((UUID) row[0], k -> new ArrayList<>())
                                .add(new PartSummary(
                                        (String) row[1],
                                        ((Number) row[2]).intValue(),
                                        ((Number) row[3]).intValue(),
                                        instant(row[4]),
                                        counts,
                                        holds));
                    }
                    return byRequest;
                });
    }

    private static String write(List<PersonalDataItem> items) {
        try {
            return ITEMS.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("personal data items do not serialise", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return ITEMS.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored privacy answer does not read", e);
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}

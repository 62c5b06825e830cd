package org.modhub.moderation.kit.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.privacy.ItemTreatment;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.contracts.event.privacy.PrivacyAnswered;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequestKind;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequested;
import org.modhub.moderation.kit.audit.AuditEntry;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.config.KitConfig;
import org.modhub.moderation.kit.outbox.Outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a data subject's request in this service: asks the service's {@link PersonalDataHolder}, adds what the
 * audit log holds (found, or anonymised in place), writes the audit entry, and queues the answer on
 * {@code privacy.answers} through the outbox, cut into parts under {@code kit.privacy.answer-part-size}. Everything
 * happens in the transaction the consumer recorded the request in, so a crash answers again rather than twice.
 */
@ApplicationScoped
@IfBuildProperty(name = "kit.privacy.enabled", stringValue = "true")
public class PrivacyDesk {

    /** Audit entries quoted in an access answer; the count says how many there are in all. */
    static final int MAX_AUDIT_ENTRIES = 500;

    static final String AUDIT_KIND = "audit-log";
    static final String AUDIT_WHY = "The service's audit log of who changed what and when (GDPR Art. 5(2) "
            + "accountability; DSA Arts. 17 and 20 records). Entries are never deleted; an erasure replaces your "
            + "identifiers in them with an anonymous reference.";

    private final PersonalDataHolder holder;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final long partBytes;
    private final String service;

    public PrivacyDesk(
            PersonalDataHolder holder,
            AuditTrail audit,
            Outbox outbox,
            Clock clock,
            ObjectMapper json,
            MeterRegistry registry,
            KitConfig config,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.holder = holder;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
        this.registry = registry;
        this.partBytes = config.privacy().answerPartSize().asLongValue();
        this.service = service;
    }

    /** Answers the request; must run in the caller's open transaction. */
    public Uni<Void> answer(PrivacyRequested request) {
        Person person = Person.of(request);
        Uni<List<PersonalDataItem>> items = request.kind() == PrivacyRequestKind.ACCESS
                ? holder.find(person).chain(found -> auditFound(person).map(a -> concat(found, a)))
                : holder.erase(person).chain(done -> auditAnonymised(person).map(a -> concat(done, a)));
        return items.chain(list -> audit.record(
                                AuditTrail.system(service),
                                request.kind() == PrivacyRequestKind.ACCESS
                                        ? "privacy.access-answered"
                                        : "privacy.erased",
                                "privacy-request",
                                request.requestId(),
                                null,
                                summary(request, list))
                        .chain(() -> publish(request, list)))
                .invoke(() -> registry.counter(
                                "kit.privacy.requests.answered",
                                "kind",
                                request.kind().name())
                        .increment());
    }

    private Uni<List<PersonalDataItem>> auditFound(Person person) {
        return audit.mentioning(person.identifiers(), person.quotePattern(), MAX_AUDIT_ENTRIES)
                .map(entries -> {
                    if (entries.isEmpty()) {
                        return List.of();
                    }
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (AuditEntry e : entries) {
                        fields.put(
                                "entry " + e.id(),
                                e.at() + " " + e.action() + " " + e.entityType() + " " + e.entityId()
                                        + (e.detail() == null ? "" : ": " + e.detail()));
                    }
                    return List.of(new PersonalDataItem(
                            AUDIT_KIND,
                            "kit_audit_log",
                            entries.size() + (entries.size() == MAX_AUDIT_ENTRIES ? " or more" : "")
                                    + " audit log entries name you (as the one who acted, the record, or in their detail)",
                            AUDIT_WHY,
                            ItemTreatment.FOUND,
                            null,
                            null,
                            fields));
                });
    }

    private Uni<List<PersonalDataItem>> auditAnonymised(Person person) {
        return audit.anonymise(person.identifiers(), person.quotePattern(), person.anonymousRef())
                .map(changed -> changed == 0
                        ? List.of()
                        : List.of(new PersonalDataItem(
                                AUDIT_KIND,
                                "kit_audit_log",
                                changed + " audit log entries named you; your identifiers in them now read "
                                        + person.anonymousRef(),
                                AUDIT_WHY,
                                ItemTreatment.ANONYMISED,
                                null,
                                null,
                                Map.of())));
    }

    private Uni<Void> publish(PrivacyRequested request, List<PersonalDataItem> items) {
        List<List<PersonalDataItem>> parts = split(items);
        Instant now = clock.instant();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < parts.size(); i++) {
            PrivacyAnswered answer = new PrivacyAnswered(
                    request.requestId(), service, request.kind(), i + 1, parts.size(), parts.get(i), now);
            chain = chain.chain(() -> outbox.publish(Topics.PRIVACY_ANSWERS, "/modhub/moderation/" + service, answer)
                    .replaceWithVoid());
        }
        return chain;
    }

    /** Cuts the items into parts whose JSON stays under the part size; an answer has at least one (maybe empty) part. */
    List<List<PersonalDataItem>> split(List<PersonalDataItem> items) {
        List<List<PersonalDataItem>> parts = new ArrayList<>();
        List<PersonalDataItem> current = new ArrayList<>();
        long size = 0;
        for (PersonalDataItem item : bounded(items)) {
            long itemSize = sizeOf(item);
            if (!current.isEmpty() && size + itemSize > partBytes) {
                parts.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(item);
            size += itemSize;
        }
        parts.add(current);
        return parts;
    }

    /** An item larger than a part on its own (a huge mail body) is cut field by field so it still travels. */
    private List<PersonalDataItem> bounded(List<PersonalDataItem> items) {
        List<PersonalDataItem> out = new ArrayList<>(items.size());
        long fieldLimit = Math.max(1_024, partBytes / 4);
        for (PersonalDataItem item : items) {
            if (sizeOf(item) <= partBytes / 2) {
                out.add(item);
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            item.fields()
                    .forEach((k, v) -> fields.put(
                            k,
                            v != null && v.length() > fieldLimit
                                    ? v.substring(0, (int) fieldLimit) + " [cut: " + v.length() + " characters in all]"
                                    : v));
            out.add(new PersonalDataItem(
                    item.kind(),
                    item.id(),
                    item.what(),
                    item.why(),
                    item.treatment(),
                    item.hold(),
                    item.heldUntil(),
                    fields));
        }
        return out;
    }

    private long sizeOf(PersonalDataItem item) {
        try {
            return json.writeValueAsBytes(item).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a personal data item does not serialise", e);
        }
    }

    private static String summary(PrivacyRequested request, List<PersonalDataItem> items) {
        Map<ItemTreatment, Integer> counts = new LinkedHashMap<>();
        List<String> holds = new ArrayList<>();
        for (PersonalDataItem item : items) {
            counts.merge(item.treatment(), 1, Integer::sum);
            if (item.hold() != null && !holds.contains(item.hold())) {
                holds.add(item.hold());
            }
        }
        return request.kind() + " requested by " + request.requestedBy() + ": " + counts
                + (holds.isEmpty() ? "" : "; held under " + String.join("; ", holds));
    }

    private static List<PersonalDataItem> concat(List<PersonalDataItem> a, List<PersonalDataItem> b) {
        List<PersonalDataItem> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

package org.modhub.moderation.appeals.privacy.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.modhub.moderation.contracts.event.privacy.ItemTreatment;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;

/** How the ledger's records are shown: the request with each service's answer, and the document. */
final class PrivacyViews {

    private PrivacyViews() {}

    static PrivacyRequestView view(PrivacyLedger.Entry entry, List<String> expected) {
        PrivacyRequestEntity r = entry.request();
        Map<String, List<PrivacyLedger.PartSummary>> byService = new LinkedHashMap<>();
        expected.forEach(s -> byService.put(s, new ArrayList<>()));
        entry.parts()
                .forEach(p -> byService
                        .computeIfAbsent(p.service(), k -> new ArrayList<>())
                        .add(p));
        List<PrivacyRequestView.ServiceAnswer> services = new ArrayList<>();
        byService.forEach((service, parts) -> {
            Map<ItemTreatment, Integer> counts = new EnumMap<>(ItemTreatment.class);
            for (ItemTreatment t : ItemTreatment.values()) {
                counts.put(t, 0);
            }
            List<PrivacyRequestView.Hold> holds = new ArrayList<>();
            Instant answeredAt = null;
            Integer total = null;
            for (PrivacyLedger.PartSummary p : parts) {
                p.counts().forEach((t, n) -> counts.merge(t, n, Integer::sum));
                holds.addAll(p.holds());
                answeredAt = answeredAt == null || p.answeredAt().isAfter(answeredAt) ? p.answeredAt() : answeredAt;
                total = total == null ? p.parts() : Math.max(total, p.parts());
            }
            services.add(new PrivacyRequestView.ServiceAnswer(
                    service,
                    expected.contains(service),
                    answered(parts.size(), total) ? AnswerStatus.ANSWERED : AnswerStatus.WAITING,
                    answeredAt,
                    parts.size(),
                    total,
                    counts,
                    holds));
        });
        return new PrivacyRequestView(
                r.id,
                kind(r),
                r.accountId,
                r.emails,
                r.note,
                r.requestedBy,
                r.requestedAt,
                status(r),
                r.completedAt,
                services);
    }

    static PrivacyDocument document(
            PrivacyRequestEntity r, List<PrivacyLedger.Part> parts, List<String> expected, Instant now) {
        Map<String, List<PrivacyLedger.Part>> byService = new LinkedHashMap<>();
        expected.forEach(s -> byService.put(s, new ArrayList<>()));
        parts.forEach(p ->
                byService.computeIfAbsent(p.service(), k -> new ArrayList<>()).add(p));
        List<PrivacyDocument.ServiceItems> services = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        byService.forEach((service, own) -> {
            List<PersonalDataItem> items = new ArrayList<>();
            Instant answeredAt = null;
            Integer total = null;
            for (PrivacyLedger.Part p : own) {
                items.addAll(p.items());
                answeredAt = answeredAt == null || p.answeredAt().isAfter(answeredAt) ? p.answeredAt() : answeredAt;
                total = total == null ? p.parts() : Math.max(total, p.parts());
            }
            boolean answered = answered(own.size(), total);
            if (!answered && expected.contains(service)) {
                waiting.add(service);
            }
            services.add(new PrivacyDocument.ServiceItems(
                    service, answered ? AnswerStatus.ANSWERED : AnswerStatus.WAITING, answeredAt, items));
        });
        return new PrivacyDocument(
                new PrivacyDocument.Request(
                        r.id,
                        kind(r),
                        r.accountId,
                        r.emails,
                        r.note,
                        r.requestedBy,
                        r.requestedAt,
                        status(r),
                        r.completedAt),
                now,
                r.completedAt != null,
                waiting,
                services);
    }

    private static boolean answered(int received, Integer parts) {
        return parts != null && received >= parts;
    }

    private static String kind(PrivacyRequestEntity r) {
        return r.kind.name().toLowerCase(Locale.ROOT);
    }

    private static LedgerStatus status(PrivacyRequestEntity r) {
        return r.completedAt == null ? LedgerStatus.PENDING : LedgerStatus.COMPLETE;
    }
}

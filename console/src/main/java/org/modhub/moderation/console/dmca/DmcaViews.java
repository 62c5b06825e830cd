package org.modhub.moderation.console.dmca;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.modhub.moderation.contracts.event.dmca.DmcaNoticeElement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.qute.TemplateData;

/**
 * dmca-service's answers as the DMCA pages read them (its {@code Views}; fields the pages do not show are
 * ignored, so the service may add some), and the bodies the pages send.
 */
public final class DmcaViews {

    private DmcaViews() {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** The six elements of 17 U.S.C. 512(c)(3)(A) in statutory order, as staff read them. */
    public static String elementTitle(DmcaNoticeElement element) {
        return switch (element) {
            case SIGNATURE -> "(i) Signature";
            case WORK_IDENTIFIED -> "(ii) Copyrighted work identified";
            case MATERIAL_IDENTIFIED -> "(iii) Infringing material identified";
            case CONTACT_INFORMATION -> "(iv) Contact information";
            case GOOD_FAITH_STATEMENT -> "(v) Good-faith statement";
            case ACCURACY_AND_AUTHORITY_STATEMENT -> "(vi) Accuracy, and authority under penalty of perjury";
        };
    }

    /** One element's check: met, or missing with what the service found wrong. */
    public record ElementCheck(DmcaNoticeElement element, boolean met, List<String> problems) {

        public String title() {
            return elementTitle(element);
        }

        /** The element's number in 512(c)(3)(A): "i" to "vi". */
        public String numeral() {
            return List.of("i", "ii", "iii", "iv", "v", "vi").get(element.ordinal());
        }

        public String code() {
            return element.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static List<ElementCheck> of(List<DmcaNoticeElement> missing, List<Deficiency> deficiencies) {
            List<ElementCheck> checks = new ArrayList<>();
            for (DmcaNoticeElement element : DmcaNoticeElement.values()) {
                List<String> problems = deficiencies == null
                        ? List.of()
                        : deficiencies.stream()
                                .filter(d -> d.element() == element)
                                .map(d -> d.field() + ": " + d.message())
                                .toList();
                boolean met = (missing == null || !missing.contains(element)) && problems.isEmpty();
                checks.add(new ElementCheck(element, met, problems));
            }
            return checks;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NoticeSummary(
            String id,
            String status,
            String channel,
            Instant receivedAt,
            List<String> subjects,
            List<DmcaNoticeElement> missingElements) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Work(String description, String url) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Material(String url, String subject, String description) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deficiency(DmcaNoticeElement element, String field, String message) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String name, String organisation, String email, String address, String phone) {}

    /** What the policy asks legal to weigh before accepting (dmca-service's {@code AbuseSignals}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AbuseSignals(
            int noticesSent,
            int accepted,
            int rejected,
            Double rejectedShare,
            int sameTargetNotices,
            int noticesLast24h,
            int materialItems,
            boolean massNotice) {

        /** The rejected share as a percentage ("40 %"), or "none decided". */
        public String rejectedPercent() {
            return rejectedShare == null ? "none decided yet" : Math.round(rejectedShare * 100) + " %";
        }

        /** Whether anything here should make legal look twice. */
        public boolean worrying() {
            return massNotice
                    || (rejectedShare != null && rejectedShare >= 0.5 && rejected >= 2)
                    || sameTargetNotices >= 3;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notice(
            String id,
            String status,
            String channel,
            String revisionOf,
            String revisedBy,
            Instant receivedAt,
            String signature,
            List<Work> copyrightedWorks,
            List<Material> infringingMaterial,
            List<String> subjects,
            Contact contact,
            boolean goodFaithStatement,
            boolean accuracyStatement,
            boolean authorityUnderPenaltyOfPerjury,
            List<DmcaNoticeElement> missingElements,
            List<Deficiency> deficiencies,
            String decision,
            String rejectionReason,
            String reviewNote,
            String reviewedBy,
            Instant reviewedAt,
            String originalText,
            AbuseSignals abuseSignals,
            List<Takedown> takedowns,
            List<Evidence> mail) {

        public Notice {
            copyrightedWorks = copyrightedWorks == null ? List.of() : copyrightedWorks;
            infringingMaterial = infringingMaterial == null ? List.of() : infringingMaterial;
            subjects = subjects == null ? List.of() : subjects;
            missingElements = missingElements == null ? List.of() : missingElements;
            deficiencies = deficiencies == null ? List.of() : deficiencies;
            takedowns = takedowns == null ? List.of() : takedowns;
            mail = mail == null ? List.of() : mail;
        }

        public List<ElementCheck> elements() {
            return ElementCheck.of(missingElements, deficiencies);
        }

        public int elementsMet() {
            return (int) elements().stream().filter(ElementCheck::met).count();
        }

        public boolean pending() {
            return "PENDING_REVIEW".equals(status);
        }

        /** Whether legal may still reject it (the service also rejects incomplete notices). */
        public boolean rejectable() {
            return pending() || "INCOMPLETE".equals(status);
        }
    }

    /** Per subject, the hub's owners now, for legal to choose the uploaders among. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NoticeOwners(String noticeId, List<SubjectOwners> subjects) {

        public NoticeOwners {
            subjects = subjects == null ? List.of() : subjects;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubjectOwners(String subject, boolean known, List<Owner> owners) {

        public SubjectOwners {
            owners = owners == null ? List.of() : owners;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Owner(String id, String name, String type, boolean emailOnFile, boolean primary) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Takedown(
            String id,
            String noticeId,
            String uploaderId,
            String uploaderName,
            List<String> subjects,
            String scope,
            String status,
            Instant removalDeadline,
            Instant orderedAt,
            CounterNotice counterNotice) {

        public Takedown {
            subjects = subjects == null ? List.of() : subjects;
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CounterNotice(
            String id,
            String noticeId,
            String takedownId,
            String status,
            Instant receivedAt,
            Instant restoreAt,
            Instant courtActionAt,
            CourtAction courtAction,
            Instant restoredAt,
            Countdown countdown) {

        /** Whether the restoration clock runs (a court action may still stop it). */
        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    /** The service's own countdown of a running restoration clock, by its business-day calendar. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Countdown(Instant restoreAt, LocalDate restoresOn, int businessDaysLeft, String zone) {

        /** "Restores on 11 Dec 2026 — 9 business days left". */
        public String text() {
            return "Restores on " + DAY.format(restoresOn) + " — " + businessDaysLeft + " business day"
                    + (businessDaysLeft == 1 ? "" : "s") + " left";
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CourtAction(
            String court, String caseNumber, LocalDate filedOn, String documentUrl, String note, String recordedBy) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attachment(String name, String contentType, long size) {}

    /** A mail on a notice's or takedown's thread; court-action evidence among them waits for legal. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evidence(
            String id,
            String noticeId,
            String takedownId,
            String counterNoticeId,
            String kind,
            String status,
            String from,
            String subjectLine,
            String body,
            List<String> links,
            List<Attachment> attachments,
            Instant receivedAt,
            String decidedBy,
            Instant decidedAt,
            String decisionNote) {

        public Evidence {
            links = links == null ? List.of() : links;
            attachments = attachments == null ? List.of() : attachments;
        }

        public boolean awaiting() {
            return "AWAITING_CONFIRMATION".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Strike(
            String id,
            String accountId,
            String accountName,
            String noticeId,
            String takedownId,
            String reason,
            Instant recordedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Strikes(String accountId, int strikes, int threshold, boolean repeatInfringer, List<Strike> items) {

        public Strikes {
            items = items == null ? List.of() : items;
        }
    }

    // --- bodies sent ---

    /** Legal's decision ({@code POST .../decision}); nulls are left out, as the service reads absent fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(String decision, List<OwnerChoice> owners, String reason, String explanation, String note) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OwnerChoice(String id, List<String> subjects) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CourtActionForm(String court, String caseNumber, String filedOn, String documentUrl, String note) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvidenceConfirmation(
            String counterNoticeId, String court, String caseNumber, String filedOn, String documentUrl, String note) {}

    public record EvidenceDismissal(String reason) {}
}

package org.modhub.moderation.dmca.domain;

import org.modhub.moderation.contracts.subject.HubLinks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modhub.moderation.contracts.event.dmca.NoticeChannel;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.persistence.NoticeEntity;
import org.modhub.moderation.dmca.persistence.NoticeRepository;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Mail to dmca@ becomes a notice: the elements that can be recognised in its words are filled in,
 * the rest marked missing, and the sender asked (on the notice's thread) to complete them; a reply
 * on that thread is read together with the mail before it and checked again. Staff see mailed
 * notices in the same queue. Auto-replies and bounces never become notices. Runs in the consumer's
 * transaction.
 */
@ApplicationScoped
public class DmcaMailIntake {

    private static final Pattern DISPLAY_NAME = Pattern.compile("^\\s*\"?([^\"<]+?)\"?\\s*<");
    private static final Pattern SIGNATURE = Pattern.compile(
            "^\\s*(?:/s/\\s*(.+)|(?:electronic\\s+)?(?:signature|signed)\\s*:\\s*(.+)|(/[^/\\n]{2,80}/))\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern WORK = Pattern.compile(
            "^\\s*(?:copyrighted|original|infringed)?\\s*works?(?:\\s+infringed)?\\s*:\\s*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("^\\s*(?:full\\s+)?name\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern ORGANISATION = Pattern.compile(
            "^\\s*(?:company|organi[sz]ation|on behalf of)\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern POSTAL = Pattern.compile("^\\s*(?:postal\\s+)?address\\s*:\\s*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern PHONE = Pattern.compile("^\\s*(?:phone|tel|telephone)\\.?\\s*:\\s*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private final NoticeRepository notices;
    private final NoticeService noticeService;
    private final DmcaConfig config;

    public DmcaMailIntake(NoticeRepository notices, NoticeService noticeService, DmcaConfig config) {
        this.notices = notices;
        this.noticeService = noticeService;
        this.config = config;
    }

    public Uni<Void> accept(InboundMailReceived received) {
        String from = received.senderAddress().filter(NoticeCheck::isEmail).orElse(null);
        if (from == null) {
            Log.warnf("Mail %s to dmca@ has no usable sender address; ignored", received.messageId());
            return Uni.createFrom().voidItem();
        }
        if (received.looksAutomated()) {
            Log.infof("Mail %s to dmca@ is an auto-reply or bounce; not a notice", received.messageId());
            return Uni.createFrom().voidItem();
        }
        return notices.findByMailMessageId(received.messageId()).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().voidItem();
            }
            UUID thread = received.threadId("dmca_notice").orElse(null);
            if (thread == null) {
                return fresh(from, received);
            }
            return notices.findById(thread).chain(notice -> notice != null && notice.status == NoticeStatus.INCOMPLETE
                    && from.toLowerCase(Locale.ROOT).equals(notice.senderEmail)
                    ? reply(notice, from, received)
                    : fresh(from, received));
        });
    }

    private Uni<Void> fresh(String from, InboundMailReceived received) {
        String text = bound(received.subjectLine() + "\n\n" + received.textBody());
        NoticeInput input = parse(text, from, received.from());
        return noticeService.fileInTransaction(input,
                new NoticeService.Intake(NoticeChannel.EMAIL, null, text, received.messageId()))
                .replaceWithVoid()
                .onFailure(RateLimitedException.class).recoverWithUni(e -> {
                    Log.warnf("Mail %s to dmca@ dropped: %s", received.messageId(), e.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    /** A reply on the notice's thread: read with what came before, elements checked again. */
    private Uni<Void> reply(NoticeEntity notice, String from, InboundMailReceived received) {
        notice.originalText = bound(notice.originalText + "\n\n--- reply " + received.messageId() + " ---\n" + received.textBody());
        NoticeInput parsed = parse(notice.originalText, from, received.from());
        // What an earlier mail of the thread gave (e.g. the name in its From header) stays unless the reply changes it.
        NoticeInput.Contact c = parsed.contact();
        NoticeInput.Contact contact = new NoticeInput.Contact(or(c.name(), notice.contactName),
                or(c.organisation(), notice.contactOrganisation), c.email(), or(c.address(), notice.contactAddress),
                or(c.phone(), notice.contactPhone));
        return noticeService.recheck(notice, new NoticeInput(null, or(parsed.signature(), notice.signature), parsed.works(),
                parsed.material(), contact, parsed.goodFaith(), parsed.accurate(), parsed.authorised()));
    }

    private static String or(String value, String earlier) {
        return value != null && !value.isBlank() ? value : earlier;
    }

    /** The elements of 512(c)(3)(A) that can be recognised in a mail's words. */
    NoticeInput parse(String text, String from, String fromHeader) {
        String signature = first(SIGNATURE, text);
        List<NoticeInput.Work> works = new ArrayList<>();
        Matcher w = WORK.matcher(text);
        while (w.find() && works.size() < config.intake().maxItems()) {
            String description = w.group(1).strip();
            List<String> links = HubLinks.links(description);
            works.add(new NoticeInput.Work(description, links.stream().filter(l -> !noticeService.hub().isHubLink(l))
                    .findFirst().orElse(null)));
        }
        List<NoticeInput.Material> material = HubLinks.links(text).stream().filter(noticeService.hub()::isHubLink)
                .limit(config.intake().maxItems()).map(url -> new NoticeInput.Material(url, null)).toList();
        String name = first(NAME, text);
        if (name == null) {
            Matcher m = DISPLAY_NAME.matcher(fromHeader == null ? "" : fromHeader);
            name = m.find() ? m.group(1).strip() : null;
        }
        NoticeInput.Contact contact = new NoticeInput.Contact(name, first(ORGANISATION, text), from, first(POSTAL, text),
                first(PHONE, text));
        String lower = text.toLowerCase(Locale.ROOT);
        boolean goodFaith = lower.contains("good faith belief");
        boolean accurate = lower.contains("accurate");
        boolean authorised = lower.contains("penalty of perjury") && (lower.contains("authorized") || lower.contains("authorised"));
        return new NoticeInput(null, signature, works, material, contact, goodFaith, accurate, authorised);
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return null;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null && !m.group(g).isBlank()) {
                return m.group(g).strip();
            }
        }
        return null;
    }

    private String bound(String text) {
        int max = config.intake().maxOriginalText();
        return text.length() <= max ? text : text.substring(0, max);
    }
}

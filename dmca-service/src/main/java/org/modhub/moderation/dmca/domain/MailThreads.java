package org.modhub.moderation.dmca.domain;

import java.util.UUID;

import org.modhub.moderation.contracts.MailRoutes;
import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.dmca.persistence.TakedownEntity;
import org.modhub.moderation.kit.mail.MailRequest;

/**
 * The threads this service's mail starts, so that replies (to dmca@) come back to {@link DmcaMailIntake}:
 * the claimant's on the notice ({@code dmca_notice:<id>}), the uploader's on their takedown
 * ({@code dmca_takedown:<id>}).
 */
public final class MailThreads {

    private MailThreads() {}

    public static String notice(UUID noticeId) {
        return NotificationRequested.threadKey(MailRoutes.ThreadKind.DMCA_NOTICE.prefix(), noticeId);
    }

    public static String takedown(UUID takedownId) {
        return NotificationRequested.threadKey(MailRoutes.ThreadKind.DMCA_TAKEDOWN.prefix(), takedownId);
    }

    /** A mail to the claimant (or another sender on the notice's thread), which has no hub account here. */
    public static MailRequest onNotice(MailTemplateId template, String email, UUID noticeId) {
        return MailRequest.to(template, email, null).thread(notice(noticeId), Mailboxes.DMCA);
    }

    /** A mail to the uploader on their takedown's thread, in their language where the hub directory had one. */
    public static MailRequest onTakedown(MailTemplateId template, String email, TakedownEntity t) {
        return MailRequest.to(template, email, t.uploaderId)
                .thread(takedown(t.id), Mailboxes.DMCA)
                .locale(t.uploaderLanguage);
    }
}

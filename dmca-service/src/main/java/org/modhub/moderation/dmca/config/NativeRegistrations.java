package org.modhub.moderation.dmca.config;

import org.modhub.moderation.contracts.event.dmca.ContentRestored;
import org.modhub.moderation.contracts.event.dmca.CounterNoticeReceived;
import org.modhub.moderation.contracts.event.dmca.CourtActionReported;
import org.modhub.moderation.contracts.event.dmca.NoticeReceived;
import org.modhub.moderation.contracts.event.dmca.RestorationScheduled;
import org.modhub.moderation.contracts.event.dmca.StrikeRecorded;
import org.modhub.moderation.contracts.event.dmca.TakedownOrdered;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.mail.MailAttachment;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.dmca.domain.CourtActionRecord;
import org.modhub.moderation.dmca.domain.MailAttachments;
import org.modhub.moderation.dmca.domain.NoticeCheck;
import org.modhub.moderation.dmca.domain.NoticeElements;
import org.modhub.moderation.dmca.domain.NoticeInput;
import org.modhub.moderation.dmca.domain.RemovedMaterial;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The event payloads and JSON columns this service writes and reads, kept for Jackson in a native image. */
@RegisterForReflection(
        targets = {
            NoticeReceived.class,
            TakedownOrdered.class,
            CounterNoticeReceived.class,
            RestorationScheduled.class,
            CourtActionReported.class,
            ContentRestored.class,
            StrikeRecorded.class,
            NotificationRequested.class,
            InboundMailReceived.class,
            MailAttachment.class,
            NoticeInput.Work.class,
            NoticeCheck.ResolvedMaterial.class,
            NoticeCheck.Deficiency.class,
            NoticeElements.class,
            RemovedMaterial.class,
            RemovedMaterial.Item.class,
            CourtActionRecord.class,
            MailAttachments.class
        })
public final class NativeRegistrations {

    private NativeRegistrations() {}
}

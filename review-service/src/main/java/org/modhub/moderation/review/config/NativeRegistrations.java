package org.modhub.moderation.review.config;

import org.modhub.moderation.contracts.event.appeals.AppealResolved;
import org.modhub.moderation.contracts.event.dmca.ContentRestored;
import org.modhub.moderation.contracts.event.dmca.TakedownOrdered;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.mail.MailAttachment;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.reporting.ReportWithdrawn;
import org.modhub.moderation.contracts.event.review.CaseEscalated;
import org.modhub.moderation.contracts.event.review.CaseOpened;
import org.modhub.moderation.contracts.event.review.ChangesRequested;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
import org.modhub.moderation.contracts.event.review.DecisionTaken;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The event payloads this service writes and reads, kept for Jackson in a native image. */
@RegisterForReflection(targets = { ReportFiled.class, ReportWithdrawn.class, TakedownOrdered.class, ContentRestored.class,
        AppealResolved.class, InboundMailReceived.class, MailAttachment.class, NotificationRequested.class, CaseOpened.class,
        CaseEscalated.class, ChangesRequested.class, DecisionTaken.class, DecisionReversed.class })
public final class NativeRegistrations {

    private NativeRegistrations() {
    }
}

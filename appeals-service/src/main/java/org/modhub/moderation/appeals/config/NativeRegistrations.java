package org.modhub.moderation.appeals.config;

import org.modhub.moderation.contracts.event.appeals.AppealFiled;
import org.modhub.moderation.contracts.event.appeals.AppealResolved;
import org.modhub.moderation.contracts.event.appeals.DisputeRecorded;
import org.modhub.moderation.contracts.event.appeals.DisputeSettled;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.mail.MailAttachment;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
import org.modhub.moderation.contracts.event.review.DecisionTaken;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The event payloads this service writes and reads, kept for Jackson in a native image. */
@RegisterForReflection(
        targets = {
            AppealFiled.class,
            AppealResolved.class,
            NotificationRequested.class,
            DecisionTaken.class,
            DecisionReversed.class,
            ReportFiled.class,
            InboundMailReceived.class,
            MailAttachment.class,
            DisputeRecorded.class,
            DisputeSettled.class
        })
public final class NativeRegistrations {

    private NativeRegistrations() {}
}

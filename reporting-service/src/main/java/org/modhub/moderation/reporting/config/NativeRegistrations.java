package org.modhub.moderation.reporting.config;

import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.mail.MailAttachment;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.reporting.NotifierReinstated;
import org.modhub.moderation.contracts.event.reporting.NotifierSuspended;
import org.modhub.moderation.contracts.event.reporting.NotifierWarned;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.review.DecisionTaken;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The event payloads this service writes and reads, kept for Jackson in a native image. */
@RegisterForReflection(
        targets = {
            ReportFiled.class,
            NotifierWarned.class,
            NotifierSuspended.class,
            NotifierReinstated.class,
            NotificationRequested.class,
            DecisionTaken.class,
            InboundMailReceived.class,
            MailAttachment.class
        })
public final class NativeRegistrations {

    private NativeRegistrations() {}
}

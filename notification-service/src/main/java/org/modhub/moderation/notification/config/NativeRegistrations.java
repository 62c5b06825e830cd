package org.modhub.moderation.notification.config;

import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.mail.MailAttachment;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The event payloads this service writes and reads, kept for Jackson in a native image. */
@RegisterForReflection(targets = {NotificationRequested.class, InboundMailReceived.class, MailAttachment.class})
public final class NativeRegistrations {

    private NativeRegistrations() {}
}

package org.modhub.moderation.contracts.event.mail;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import org.modhub.moderation.contracts.event.Nullable;

/**
 * One attachment of an inbound mail, described but not carried: the gateway keeps the bytes.
 *
 * @param name the file name the sender gave, if any
 * @param contentType its MIME type as declared by the sender
 * @param size its size in bytes
 */
public record MailAttachment(@Nullable String name, String contentType, long size) {

    public MailAttachment {
        text(contentType, "attachments[].contentType");
        check(size >= 0, "attachments[].size must not be negative");
    }
}

package org.modhub.moderation.dmca.domain;

import java.util.List;

import org.modhub.moderation.contracts.event.mail.MailAttachment;

/** The attachments of a kept mail, described (the gateway keeps the bytes). */
public record MailAttachments(List<MailAttachment> items) {

    public MailAttachments {
        items = items == null ? List.of() : items;
    }
}

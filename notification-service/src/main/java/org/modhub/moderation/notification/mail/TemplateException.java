package org.modhub.moderation.notification.mail;

/** A mail cannot be rendered: unknown template or missing parameters. Permanent: no retry mends it. */
public class TemplateException extends RuntimeException {

    private final String field;

    public TemplateException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The offending input, e.g. {@code templateId} or {@code parameters.reportId}. */
    public String field() {
        return field;
    }
}

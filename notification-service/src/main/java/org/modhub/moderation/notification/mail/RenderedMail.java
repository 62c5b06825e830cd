package org.modhub.moderation.notification.mail;

/**
 * A rendered mail.
 *
 * @param subject the Subject line
 * @param text the plain-text body
 * @param html the HTML body
 * @param locale the template language actually used (after fallback)
 */
public record RenderedMail(String subject, String text, String html, String locale) {}

package org.modhub.moderation.notification.mail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.modhub.moderation.notification.config.NotificationConfig;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Renders a {@link MailTemplate} in a locale with Qute: {@code templates/mail/<id>.<lang>.txt} (its first line is
 * {@code Subject: ...}) and {@code .html} (escaped by Qute). Locale fallback: {@code de-DE} tries {@code de-de},
 * {@code de}, then the default locale. Qute's strict rendering turns a parameter the template uses but the request
 * lacks into an error, and {@link MailTemplate#missing} names required ones before rendering starts. The parameters
 * reach the template through {@link MailWording}, which words codes, dates and subject keys for a reader.
 */
@ApplicationScoped
public class TemplateRenderer {

    private static final String SUBJECT_PREFIX = "Subject:";

    private final Engine engine;
    private final MailWording wording;
    private final String defaultLocale;

    public TemplateRenderer(Engine engine, MailWording wording, NotificationConfig config) {
        this.engine = engine;
        this.wording = wording;
        this.defaultLocale = config.outbound().defaultLocale().toLowerCase(Locale.ROOT);
    }

    public MailTemplate template(String templateId) {
        return MailTemplates.byId(templateId)
                .orElseThrow(() -> new TemplateException("templateId", "unknown template '" + templateId + "'"));
    }

    /** Renders or throws {@link TemplateException} naming the unknown template or missing parameter. */
    public RenderedMail render(String templateId, String locale, Map<String, String> parameters) {
        MailTemplate template = template(templateId);
        List<String> missing = template.missing(parameters);
        if (!missing.isEmpty()) {
            throw new TemplateException(
                    "parameters." + missing.get(0), "template " + templateId + " needs parameters " + missing);
        }
        String language = languageOf(templateId, locale);
        // Senders pass codes, instants and subject keys; the reader gets words, dates and links (MailWording).
        Map<String, Object> data = wording.data(template, language, parameters);
        String text;
        String html;
        try {
            text = instance(templateId, language, "txt").data(data).render();
            html = instance(templateId, language, "html").data(data).render();
        } catch (io.quarkus.qute.TemplateException e) {
            throw new TemplateException(
                    "parameters", "template " + templateId + " (" + language + ") cannot render: " + e.getMessage());
        }
        if (!text.startsWith(SUBJECT_PREFIX)) {
            throw new IllegalStateException(
                    "template " + templateId + "." + language + ".txt must start with '" + SUBJECT_PREFIX + "'");
        }
        int end = text.indexOf('\n');
        String subject = text.substring(SUBJECT_PREFIX.length(), end < 0 ? text.length() : end)
                .strip();
        String body = end < 0 ? "" : text.substring(end + 1).stripLeading();
        return new RenderedMail(subject, body, html, language);
    }

    /** The first of the locale's candidates that has a template, else the default locale. */
    String languageOf(String templateId, String locale) {
        for (String candidate : candidates(locale)) {
            if (engine.getTemplate(path(templateId, candidate, "txt")) != null
                    && engine.getTemplate(path(templateId, candidate, "html")) != null) {
                return candidate;
            }
        }
        return defaultLocale;
    }

    private Set<String> candidates(String locale) {
        Set<String> candidates = new LinkedHashSet<>();
        if (locale != null && !locale.isBlank()) {
            String tag = locale.toLowerCase(Locale.ROOT).replace('_', '-');
            candidates.add(tag);
            List<String> parts = new ArrayList<>(Arrays.asList(tag.split("-")));
            while (parts.size() > 1) {
                parts.remove(parts.size() - 1);
                candidates.add(String.join("-", parts));
            }
        }
        candidates.add(defaultLocale);
        return candidates;
    }

    private Template instance(String templateId, String language, String kind) {
        Template template = engine.getTemplate(path(templateId, language, kind));
        if (template == null) {
            throw new IllegalStateException("no " + kind + " template for " + templateId + " in " + language);
        }
        return template;
    }

    private static String path(String templateId, String language, String kind) {
        return "mail/" + templateId + "." + language + "." + kind;
    }
}

package org.modhub.moderation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.notification.mail.MailTemplate;
import org.modhub.moderation.notification.mail.MailTemplates;
import org.modhub.moderation.notification.mail.RenderedMail;
import org.modhub.moderation.notification.mail.TemplateException;
import org.modhub.moderation.notification.mail.TemplateRenderer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Every template renders in text and HTML with its sample parameters; a missing parameter fails here, not in a user's mail. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "notification"))
class TemplateRenderingTest {

    @Inject
    TemplateRenderer renderer;

    static List<MailTemplate> templates() {
        return MailTemplates.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplateRendersItsParametersInTextAndHtml(MailTemplate template) {
        RenderedMail mail = renderer.render(template.id(), "en", template.sample());
        assertThat(mail.subject()).isNotBlank().doesNotContain("{").doesNotContain("}");
        assertThat(mail.text()).isNotBlank().doesNotContain("{#").doesNotContain("{/");
        assertThat(mail.html())
                .startsWith("<!DOCTYPE html>")
                .contains("</html>")
                .doesNotContain("{#");
        for (String name : template.required()) {
            if (template.listParams().contains(name) || WORDED.contains(name)) {
                // Codes (actions, redress options, notice elements) are shown as words: TemplateReadabilityTest.
                continue;
            }
            // Every other required value reaches the recipient, in both bodies (HTML-escaped): as given, or, for a date
            // or a subject key, as a reader sees it (issue 21: "3 May 2026, 10:00 UTC", "the model acme/llama-7b").
            String value = shown(template.sample().get(name));
            assertThat(mail.text() + mail.subject())
                    .as("%s: parameter %s in text", template.id(), name)
                    .contains(value);
            assertThat(mail.html())
                    .as("%s: parameter %s in html", template.id(), name)
                    .contains(escape(value));
        }
    }

    /** Required parameters that are flags the templates turn into sentences. */
    private static final Set<String> WORDED = Set.of("manifestlyUnfounded", "automated", "outcome");

    /** How a sample value appears in the mail: dates in words with their time zone, subject keys by name. */
    private static String shown(String value) {
        if (value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")) {
            return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
                    .format(Instant.parse(value).atZone(ZoneOffset.UTC));
        }
        if (value.matches(".*\\b\\d{4}-\\d{2}-\\d{2}\\b.*")) {
            // A date alone or in a sentence ("ended on 2026-11-03.").
            return Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b")
                    .matcher(value)
                    .replaceAll(date -> DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
                            .format(LocalDate.parse(date.group())));
        }
        if (value.startsWith("model:")) {
            return value.substring("model:".length());
        }
        return value;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyRequiredParameterIsReallyRequired(MailTemplate template) {
        for (String name : template.required()) {
            Map<String, String> parameters = new HashMap<>(template.sample());
            parameters.remove(name);
            assertThatThrownBy(() -> renderer.render(template.id(), "en", parameters))
                    .isInstanceOf(TemplateException.class)
                    .hasMessageContaining(name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void optionalParametersMayBeLeftOut(MailTemplate template) {
        Map<String, String> parameters = new HashMap<>(template.sample());
        template.optional().forEach(parameters::remove);
        assertThat(renderer.render(template.id(), "en", parameters).text()).isNotBlank();
    }

    @Test
    void aLocaleFallsBackToItsLanguageThenToEnglish() {
        Map<String, String> sample =
                MailTemplates.byId("report-receipt").orElseThrow().sample();
        RenderedMail german = renderer.render("report-receipt", "de-DE", sample);
        assertThat(german.locale()).isEqualTo("de");
        assertThat(german.subject()).startsWith("Wir haben Ihre Meldung");
        RenderedMail french = renderer.render("report-receipt", "fr-FR", sample);
        assertThat(french.locale()).isEqualTo("en");
        assertThat(french.subject()).startsWith("We received your report");
    }

    @Test
    void htmlEscapesParametersButTextKeepsThem() {
        Map<String, String> parameters = new HashMap<>(
                MailTemplates.byId("dmca-notice-rejected").orElseThrow().sample());
        parameters.put("reason", "<script>alert(1)</script> & more");
        RenderedMail mail = renderer.render("dmca-notice-rejected", "en", parameters);
        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(mail.text()).contains("<script>alert(1)</script> & more");
    }

    @Test
    void aLocationRequestNamesWhatTheHubDoesNotHave() {
        Map<String, String> parameters = new HashMap<>(
                MailTemplates.byId("report-location-request").orElseThrow().sample());
        RenderedMail noLink = renderer.render("report-location-request", "en", parameters);
        assertThat(noLink.text()).contains("We could not find a link").doesNotContain("has no such content");

        parameters.put("unknownSubjects", "model:acme/gone,dataset:acme/typo");
        RenderedMail unknown = renderer.render("report-location-request", "en", parameters);
        assertThat(unknown.text())
                .contains("has no such content")
                .contains("/acme/gone")
                .contains("/datasets/acme/typo")
                .doesNotContain("We could not find a link");
        assertThat(unknown.html()).contains("has no such content").contains("/acme/gone");

        Map<String, String> notice = new HashMap<>(
                MailTemplates.byId("dmca-notice-incomplete").orElseThrow().sample());
        notice.put("unknownSubjects", "model:acme/gone");
        assertThat(renderer.render("dmca-notice-incomplete", "en", notice).text())
                .contains("The hub has no such content")
                .contains("/acme/gone");
    }

    @Test
    void anUnknownTemplateIsRefusedByName() {
        assertThatThrownBy(() -> renderer.render("no-such-template", "en", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("no-such-template");
    }

    @Test
    void theTemplatesOtherServicesAlreadyUseExist() {
        assertThat(MailTemplates.all())
                .extracting(MailTemplate::id)
                .contains(
                        "report-receipt",
                        "report-outcome",
                        "report-location-request",
                        "notifier-warning",
                        "notifier-suspension",
                        "notifier-reinstated");
    }

    /** The languages a template exists in (its {@code <id>.<language>.txt} files), English first. */
    static List<String> localesOf(String templateId) {
        Path dir = TemplateGalleryTest.moduleDir().resolve("src/main/resources/templates/mail");
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith(templateId + ".") && name.endsWith(".txt"))
                    .map(name -> name.substring(templateId.length() + 1, name.length() - ".txt".length()))
                    .filter(language -> !language.contains("."))
                    .sorted(Comparator.comparing((String language) -> !language.equals("en"))
                            .thenComparing(language -> language))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}

package org.modhub.moderation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
@WithTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "notification"))
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
        assertThat(mail.html()).startsWith("<!DOCTYPE html>").contains("</html>").doesNotContain("{#");
        for (String name : template.required()) {
            if (template.listParams().contains(name)) {
                for (String item : template.sample().get(name).split(",")) {
                    assertThat(mail.text()).as("%s: list item %s of %s", template.id(), item, name).containsAnyOf(item, labelOf(item));
                }
            } else if (!name.equals("manifestlyUnfounded") && !name.equals("automated")) {
                // Every required value reaches the recipient, in both bodies (HTML-escaped).
                String value = template.sample().get(name);
                assertThat(mail.text() + mail.subject()).as("%s: parameter %s in text", template.id(), name).contains(value);
                assertThat(mail.html()).as("%s: parameter %s in html", template.id(), name).contains(escape(value));
            }
        }
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
        Map<String, String> sample = MailTemplates.byId("report-receipt").orElseThrow().sample();
        RenderedMail german = renderer.render("report-receipt", "de-DE", sample);
        assertThat(german.locale()).isEqualTo("de");
        assertThat(german.subject()).startsWith("Wir haben Ihre Meldung");
        RenderedMail french = renderer.render("report-receipt", "fr-FR", sample);
        assertThat(french.locale()).isEqualTo("en");
        assertThat(french.subject()).startsWith("We received your report");
    }

    @Test
    void htmlEscapesParametersButTextKeepsThem() {
        Map<String, String> parameters = new HashMap<>(MailTemplates.byId("dmca-notice-rejected").orElseThrow().sample());
        parameters.put("reason", "<script>alert(1)</script> & more");
        RenderedMail mail = renderer.render("dmca-notice-rejected", "en", parameters);
        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(mail.text()).contains("<script>alert(1)</script> & more");
    }

    @Test
    void anUnknownTemplateIsRefusedByName() {
        assertThatThrownBy(() -> renderer.render("no-such-template", "en", Map.of()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("no-such-template");
    }

    @Test
    void theTemplatesOtherServicesAlreadyUseExist() {
        assertThat(MailTemplates.all()).extracting(MailTemplate::id).contains("report-receipt", "report-outcome",
                "report-location-request", "notifier-warning", "notifier-suspension", "notifier-reinstated");
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** List items the templates spell out in words instead of repeating the code. */
    private static String labelOf(String item) {
        return switch (item) {
            case "internal-complaint" -> "internal complaint";
            case "out-of-court-dispute-settlement" -> "out-of-court dispute settlement";
            case "judicial-redress" -> "court";
            default -> item;
        };
    }
}

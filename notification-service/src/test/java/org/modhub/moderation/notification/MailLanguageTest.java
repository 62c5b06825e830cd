package org.modhub.moderation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.notification.NotificationFixtures.newRecipient;
import static org.modhub.moderation.notification.NotificationFixtures.publish;
import static org.modhub.moderation.notification.NotificationFixtures.request;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.ReceivedMail;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.InjectDevStack;
import org.modhub.moderation.notification.mail.MailTemplates;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Mails go out in the recipient's language where a template exists (issue 23: the language comes from the hub
 * directory). The two mails an owner gets about their content, the decision with its statement of reasons and the DMCA
 * takedown, exist in German; a language without templates gets English.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "notification"))
class MailLanguageTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectDevStack
    DevStack devStack;

    private ReceivedMail delivered(String template, String locale, Map<String, String> parameters) {
        String to = newRecipient("owner");
        publish(request(template, to, locale, parameters, "decision:" + UUID.randomUUID(), "legal"));
        return await().atMost(WAIT)
                .until(() -> devStack.mail().messages(to), list -> list.size() == 1)
                .get(0);
    }

    private static Map<String, String> sample(String template) {
        return new HashMap<>(MailTemplates.byId(template).orElseThrow().sample());
    }

    @Test
    void anOwnerWhoReadsGermanGetsTheStatementOfReasonsInGerman() {
        Map<String, String> parameters = sample("owner-decision");
        parameters.put("actions", "DISABLE");
        parameters.put("ground", "Content incompatible with terms and conditions");
        parameters.put("recipientCountry", "DE");

        ReceivedMail mail = delivered("owner-decision", "de", parameters);

        assertThat(mail.subject()).isEqualTo("Entscheidung zu acme/llama-7b (Modell)");
        assertThat(mail.text())
                .contains("am 3. Mai 2026, 10:00 UTC haben wir eine Entscheidung zu acme/llama-7b getroffen (Modell, ")
                // The action in the owner's words, with the possessive German asks for.
                .contains(
                        "- Ihr Modell acme/llama-7b ist nicht mehr zugänglich: niemand außer Ihnen kann den Inhalt öffnen.")
                .contains("Begründung (Gesetz über digitale Dienste, Art. 17)")
                .contains("- Grundlage: Mit unseren Nutzungsbedingungen unvereinbare Inhalte")
                .contains("bis zum 3. November 2026, 10:00 UTC kostenlos über diese Entscheidung beschweren")
                .contains("\"decisionId\": \"" + parameters.get("decisionId") + "\"")
                .contains("außergerichtlichen Streitbeilegungsstelle")
                .doesNotContain("eSafety")
                .contains("Sie können sich jederzeit an ein Gericht wenden.")
                .doesNotContain("Hello")
                .doesNotContain("DISABLE");
        assertThat(mail.html())
                .contains("<html lang=\"de\">")
                .contains("Ihr Modell acme/llama-7b ist nicht mehr zugänglich");
    }

    @Test
    void anUploaderWhoReadsGermanGetsTheTakedownNoticeInGermanAlsoForARegionalLocale() {
        Map<String, String> parameters = sample("dmca-takedown-uploader");
        parameters.remove("received");
        parameters.remove("counterNoticeDeficiencies");

        ReceivedMail mail = delivered("dmca-takedown-uploader", "de-AT", parameters);

        assertThat(mail.subject()).isEqualTo("Zugang zu acme/llama-7b nach einer Urheberrechtsmitteilung gesperrt");
        assertThat(mail.text())
                .contains("wir haben den Zugang zu acme/llama-7b (Modell, ")
                .contains(
                        "(17 U.S.C. 512) von Acme Rights Ltd. erhalten haben, nach der der Inhalt das Werk „The Acme Corpus (2024)“ verletzt.")
                .contains("eine Gegendarstellung schicken: " + parameters.get("counterNoticeUrl"))
                .contains("nach 10 bis 14 Werktagen wieder her")
                .contains("und nennen Sie die Mitteilung " + parameters.get("noticeId"))
                // Residence unknown: both ways outside the hub are named, in German.
                .contains("außergerichtlichen Streitbeilegungsstelle")
                .contains("beim eSafety Commissioner beschweren")
                .doesNotContain("Hello");
        assertThat(mail.html()).contains("<html lang=\"de\">");
    }

    @Test
    void aLanguageWithoutTemplatesGetsEnglish() {
        Map<String, String> decision = sample("owner-decision");
        decision.put("actions", "DISABLE");
        ReceivedMail owner = delivered("owner-decision", "pt-BR", decision);
        assertThat(owner.subject()).isEqualTo("Decision on your model acme/llama-7b");
        assertThat(owner.text()).contains("Your model acme/llama-7b is no longer accessible");
        assertThat(owner.html()).contains("<html lang=\"en\">");

        Map<String, String> takedown = sample("dmca-takedown-uploader");
        takedown.remove("received");
        ReceivedMail uploader = delivered("dmca-takedown-uploader", "xx", takedown);
        assertThat(uploader.subject())
                .isEqualTo("Access to your model acme/llama-7b was disabled after a copyright notice");
    }
}

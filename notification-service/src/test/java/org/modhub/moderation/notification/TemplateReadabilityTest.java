package org.modhub.moderation.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.notification.config.LinksConfig;
import org.modhub.moderation.notification.mail.MailTemplate;
import org.modhub.moderation.notification.mail.MailTemplates;
import org.modhub.moderation.notification.mail.RenderedMail;
import org.modhub.moderation.notification.mail.TemplateRenderer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * What a person reads: no mail shows an action's enum code, a subject key or an ISO instant, in any template and
 * language; decision and outcome mails say where to complain (legal@ and the appeals API) and offer the bodies outside
 * the hub by where the recipient lives.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "notification"))
class TemplateReadabilityTest {

    /** Mails that tell someone of a decision on content, or of the outcome of their complaint: each names legal@. */
    static final Set<String> DECISION_MAILS = Set.of(
            "owner-decision",
            "report-outcome",
            "decision-reversed",
            "appeal-decided",
            "dmca-takedown-uploader",
            "dmca-partial-removal-request",
            "dmca-court-action-reported",
            "dmca-restoration-scheduled");

    /** One subject key of every kind, as senders pass them. */
    static final Map<SubjectKind, String> KEYS = Map.of(
            SubjectKind.MODEL, "model:acme/llama-7b",
            SubjectKind.DATASET, "dataset:acme/corpus",
            SubjectKind.SPACE, "space:acme/demo",
            SubjectKind.FILE, "file:model:acme/llama-7b@main:weights/model v2.bin",
            SubjectKind.DISCUSSION, "discussion:dataset:acme/corpus#12",
            SubjectKind.PULL_REQUEST, "pull_request:space:acme/demo#7",
            SubjectKind.COMMENT, "comment:model:acme/llama-7b#12/c-1a2b",
            SubjectKind.POST, "post:alice/p-123",
            SubjectKind.ACCOUNT, "account:alice");

    private static final Pattern ACTION_CODE = Pattern.compile("\\b("
            + Arrays.stream(ModerationAction.values()).map(Enum::name).collect(Collectors.joining("|")) + ")\\b");
    private static final Pattern SUBJECT_KEY = Pattern.compile("\\b("
            + Arrays.stream(SubjectKind.values()).map(SubjectKind::keyPrefix).collect(Collectors.joining("|"))
            + "):\\S");
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    @Inject
    TemplateRenderer renderer;

    @Inject
    LinksConfig links;

    static Stream<Arguments> templatesAndLocales() {
        return MailTemplates.all().stream()
                .flatMap(template -> TemplateRenderingTest.localesOf(template.id()).stream()
                        .map(locale -> Arguments.of(template.id(), locale)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("templatesAndLocales")
    void noMailShowsAnActionCodeASubjectKeyOrAnIsoInstant(String templateId, String locale) {
        MailTemplate template = MailTemplates.byId(templateId).orElseThrow();
        RenderedMail mail = renderer.render(templateId, locale, template.sample());
        assertReadable(templateId + " (" + locale + ")", mail);
    }

    @Test
    void everyActionOnEveryKindOfContentIsWordedForTheOwnerTheNotifierAndWhenLifted() {
        List<String> checked = new ArrayList<>();
        for (ModerationAction action : ModerationAction.values()) {
            for (SubjectKind kind : action.appliesTo()) {
                for (String templateId : List.of("owner-decision", "report-outcome")) {
                    Map<String, String> parameters =
                            sample(templateId, "subject", KEYS.get(kind), "actions", action.name());
                    assertReadable(
                            templateId + " " + action + " on " + kind, renderer.render(templateId, "en", parameters));
                }
                // The owner's decision mail exists in German too: its actions are German words, never codes.
                RenderedMail german = renderer.render(
                        "owner-decision",
                        "de",
                        sample("owner-decision", "subject", KEYS.get(kind), "actions", action.name()));
                assertReadable("owner-decision (de) " + action + " on " + kind, german);
                assertThat(german.text())
                        .as("owner-decision (de) " + action + " on " + kind)
                        .containsPattern("\\n- (Ihr|Wir|Die|Interaktionen)");
                Map<String, String> lifted =
                        sample("decision-reversed", "subject", KEYS.get(kind), "actionsLifted", action.name());
                assertReadable(
                        "decision-reversed " + action + " on " + kind,
                        renderer.render("decision-reversed", "en", lifted));
                checked.add(action + "/" + kind);
            }
        }
        assertThat(checked).hasSizeGreaterThan(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisionMails")
    void everyDecisionAndOutcomeMailNamesLegalAndTheAppealsApi(String templateId) {
        RenderedMail mail = renderer.render(
                templateId, "en", MailTemplates.byId(templateId).orElseThrow().sample());
        assertThat(links.legalAddress()).startsWith("legal@");
        for (String body : List.of(mail.text(), mail.html())) {
            assertThat(body)
                    .as(templateId)
                    .contains(links.legalAddress())
                    .contains("POST " + links.appealsApi())
                    .contains(links.appealForm())
                    .contains("take the matter to court");
        }
        assertThat(mail.html()).contains("href=\"mailto:" + links.legalAddress() + "\"");
    }

    @Test
    void everyMailThatNamesTheBodiesOutsideTheHubLetsTheSenderSayWhereTheRecipientLives() {
        for (MailTemplate template : MailTemplates.all()) {
            String text =
                    renderer.render(template.id(), "en", template.sample()).text();
            if (text.contains("Beyond our own review:")) {
                assertThat(template.optional()).as(template.id()).contains("recipientCountry");
            }
        }
        assertThat(DECISION_MAILS)
                .allSatisfy(
                        id -> assertThat(MailTemplates.byId(id).orElseThrow().optional())
                                .as(id)
                                .contains("recipientCountry"));
    }

    static Stream<String> decisionMails() {
        return DECISION_MAILS.stream().sorted();
    }

    @Test
    void whereTheRecipientLivesDecidesWhichBodiesOutsideTheHubAMailNames() {
        for (String templateId : List.of(
                "owner-decision", "report-outcome", "decision-reversed", "appeal-decided", "dmca-takedown-uploader")) {
            String australian = text(templateId, "recipientCountry", "AU");
            assertThat(australian)
                    .as(templateId + " AU")
                    .contains("eSafety Commissioner")
                    .contains(links.esafetyComplaint())
                    .doesNotContain("out-of-court")
                    .contains("court");
            String german = text(templateId, "recipientCountry", "de");
            assertThat(german)
                    .as(templateId + " DE")
                    .contains("out-of-court dispute settlement body")
                    .contains(links.disputeSettlementBodies())
                    .doesNotContain("eSafety");
            String american = text(templateId, "recipientCountry", "US");
            assertThat(american)
                    .as(templateId + " US")
                    .doesNotContain("eSafety")
                    .doesNotContain("out-of-court")
                    .contains("You may always take the matter to court.");
            String unknown = text(templateId);
            assertThat(unknown)
                    .as(templateId + " unknown")
                    .contains("eSafety Commissioner")
                    .contains("out-of-court dispute settlement body")
                    .contains("You may always take the matter to court.");
        }
    }

    @Test
    void aNotifierMayContestEveryDecisionOnTheirReportButAnOwnerOnlyOneThatRestricts() {
        String noActionForNotifier = text("report-outcome", "actions", "NO_ACTION");
        assertThat(noActionForNotifier)
                .contains("We took no action")
                .contains("you may complain about it")
                .contains("too little or too much")
                .contains("reply to this mail")
                .contains(links.legalAddress());
        String unrankedForNotifier = text("report-outcome", "actions", "UNRANK");
        assertThat(unrankedForNotifier).contains("you may complain about it");

        String noActionForOwner = text("owner-decision", "actions", "NO_ACTION");
        assertThat(noActionForOwner)
                .contains("does not restrict your content")
                .doesNotContain("How to contest")
                .contains(links.legalAddress());
        String disabledForOwner = text("owner-decision", "actions", "DISABLE");
        assertThat(disabledForOwner)
                .contains("How to contest this decision")
                .contains("until 3 November 2026, 10:00 UTC")
                .contains("\"decisionId\": \"7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d\"");
    }

    @Test
    void actionsAreNamedByWhatTheyMeanForTheKindOfContent() {
        assertThat(text("owner-decision", "actions", "DISABLE"))
                .contains("Your model acme/llama-7b is no longer accessible");
        assertThat(text("owner-decision", "subject", KEYS.get(SubjectKind.DISCUSSION), "actions", "DISABLE"))
                .contains("Your discussion #12 on acme/corpus is hidden");
        assertThat(text("owner-decision", "actions", "RESTRICT_INTERACTIONS"))
                .contains("Interactions on your model acme/llama-7b are restricted");
        assertThat(text(
                        "owner-decision",
                        "subject",
                        "account:alice",
                        "actions",
                        "SUSPEND_ACCOUNT",
                        "restrictionEnds",
                        "2026-06-03T10:00:00Z"))
                .contains("Your account is suspended until 3 June 2026, 10:00 UTC.");
        assertThat(text("report-outcome", "subject", KEYS.get(SubjectKind.POST), "actions", "DISABLE"))
                .contains("The post p-123 by alice is hidden.");
        // German marks the kind's gender on the possessive ("Ihre Datei", "Ihrem Datensatz", "Ihren Pull-Request").
        assertThat(german("owner-decision", "subject", KEYS.get(SubjectKind.FILE), "actions", "DISABLE"))
                .contains(
                        "- Ihre Datei weights/model v2.bin in acme/llama-7b (Revision main) ist nicht mehr zugänglich");
        assertThat(german("owner-decision", "subject", KEYS.get(SubjectKind.DATASET), "actions", "GATE"))
                .contains("- Die Dateien in Ihrem Datensatz acme/corpus können nur noch Personen herunterladen");
        assertThat(german(
                        "owner-decision", "subject", KEYS.get(SubjectKind.PULL_REQUEST), "actions", "REQUEST_CHANGES"))
                .contains("- Wir bitten Sie, Ihren Pull-Request #7 zu acme/demo zu ändern");
        assertThat(text("decision-reversed", "actionsLifted", "DISABLE,UNRANK"))
                .contains("Your model acme/llama-7b is accessible again.")
                .contains("Your model acme/llama-7b appears in trending lists and search rankings again.");
    }

    @Test
    void contentIsNamedAndLinkedOnTheHubWhateverItsKind() {
        String hub = links.hubUrl();
        Map<String, String> expected = Map.of(
                "model:acme/llama-7b",
                "the model acme/llama-7b (" + hub + "/acme/llama-7b)",
                "dataset:acme/corpus",
                "the dataset acme/corpus (" + hub + "/datasets/acme/corpus)",
                "space:acme/demo",
                "the Space acme/demo (" + hub + "/spaces/acme/demo)",
                "file:model:acme/llama-7b@main:weights/model v2.bin",
                "the file weights/model v2.bin in acme/llama-7b (revision main) (" + hub
                        + "/acme/llama-7b/blob/main/weights/model%20v2.bin)",
                "discussion:dataset:acme/corpus#12",
                "the discussion #12 on acme/corpus (" + hub + "/datasets/acme/corpus/discussions/12)",
                "pull_request:space:acme/demo#7",
                "the pull request #7 on acme/demo (" + hub + "/spaces/acme/demo/discussions/7)",
                "comment:model:acme/llama-7b#12/c-1a2b",
                "the comment c-1a2b in #12 on acme/llama-7b (" + hub + "/acme/llama-7b/discussions/12#c-1a2b)",
                "comment:post:alice/p-123/c-9",
                "the comment c-9 under the post p-123 by alice (" + hub + "/posts/alice/p-123#c-9)",
                "post:alice/p-123",
                "the post p-123 by alice (" + hub + "/posts/alice/p-123)",
                "account:alice",
                "the account alice (" + hub + "/alice)");
        expected.forEach((key, shown) -> {
            RenderedMail mail = renderer.render("report-receipt", "en", sample("report-receipt", "subject", key));
            assertThat(mail.text()).as(key).contains("your report about " + shown + ".");
            assertThat(mail.html())
                    .as(key)
                    .contains("<a href=\""
                            + shown.substring(shown.lastIndexOf('(') + 1, shown.length() - 1)
                                    .replace("&", "&amp;") + "\">");
        });
    }

    @Test
    void datesAreWrittenAsPeopleReadThemWithTheirTimeZoneInEnglishAndGerman() {
        assertThat(text("report-receipt")).contains("on 2 May 2026, 09:15 UTC we received your report");
        RenderedMail german = renderer.render(
                "report-receipt",
                "de-DE",
                MailTemplates.byId("report-receipt").orElseThrow().sample());
        assertThat(german.text())
                .contains("am 2. Mai 2026, 09:15 UTC haben wir Ihre Meldung zu acme/llama-7b erhalten (Modell, ")
                .contains("Kategorie: Platform Abuse, Security Violations and Spam");
        assertThat(german.html()).contains("2. Mai 2026, 09:15 UTC");
        // An instant inside a sender's free text is made readable too; a link is left as it is.
        assertThat(text(
                        "decision-reversed",
                        "reason",
                        "The restriction ended on its end date (2026-06-03T10:00:00Z); see "
                                + "https://hub.example/log/2026-06-03T10:00:00Z."))
                .contains(
                        "The restriction ended on its end date (3 June 2026, 10:00 UTC); see https://hub.example/log/2026-06-03T10:00:00Z.");
        assertThat(text("dmca-restoration-scheduled")).contains("on 22 May 2026, unless");
    }

    @Test
    void missingElementsOfADmcaNoticeAreNamedAsTheStatuteNamesThem() {
        assertThat(text("dmca-notice-incomplete", "missingElements", "SIGNATURE,accuracy-and-authority-statement"))
                .contains("a physical or electronic signature")
                .contains("under penalty of perjury")
                .doesNotContain("SIGNATURE")
                .doesNotContain("accuracy-and-authority-statement");
    }

    private String german(String templateId, String... overrides) {
        RenderedMail mail = renderer.render(templateId, "de", sample(templateId, overrides));
        return mail.subject() + "\n" + mail.text();
    }

    private String text(String templateId, String... overrides) {
        RenderedMail mail = renderer.render(templateId, "en", sample(templateId, overrides));
        return mail.subject() + "\n" + mail.text();
    }

    private static Map<String, String> sample(String templateId, String... overrides) {
        Map<String, String> parameters =
                new HashMap<>(MailTemplates.byId(templateId).orElseThrow().sample());
        for (int i = 0; i < overrides.length; i += 2) {
            parameters.put(overrides[i], overrides[i + 1]);
        }
        return parameters;
    }

    private static void assertReadable(String what, RenderedMail mail) {
        for (String part : List.of(mail.subject(), mail.text(), mail.html())) {
            assertThat(found(ACTION_CODE, part))
                    .as("%s shows an action code", what)
                    .isEmpty();
            assertThat(found(SUBJECT_KEY, part))
                    .as("%s shows a subject key", what)
                    .isEmpty();
            assertThat(found(ISO_INSTANT, part))
                    .as("%s shows an ISO instant", what)
                    .isEmpty();
        }
    }

    private static List<String> found(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(text.substring(Math.max(0, m.start() - 30), Math.min(text.length(), m.end() + 30)));
        }
        return found;
    }
}

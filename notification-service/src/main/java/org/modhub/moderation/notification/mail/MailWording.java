package org.modhub.moderation.notification.mail;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.dsa.DsaTerritories;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.Taxonomy;
import org.modhub.moderation.notification.config.LinksConfig;
import org.modhub.moderation.notification.mail.ActionWording.Reader;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns the parameters senders pass (enum codes, ISO instants, subject keys) into what a template shows a person:
 * dates as people read them, content by name with its link, actions by what they mean for the reader, and the ways
 * to contest a decision that this recipient really has. Senders keep sending codes; the words live here and in the
 * templates.
 *
 * <p>What a template gets besides the parameters (dates in them already readable):
 * <ul>
 * <li>{@code <list>List} for each list parameter (comma-separated), as before;</li>
 * <li>{@code content} ({@link ContentName}) for {@code subject}, {@code contents} for {@code subjects};</li>
 * <li>{@code actionLines} (for the owner), {@code outcomeLines} (for a notifier) from {@code actions},
 * {@code restricts} (whether any of them restricts), and {@code liftedLines} from {@code actionsLifted};</li>
 * <li>{@code categoryTitle} / {@code subcategoryLabel} when a taxonomy code is passed; {@code groundText}, the legal
 * ground in the reader's language;</li>
 * <li>{@code missingElementLines} from {@code missingElements} (DMCA, 17 U.S.C. 512(c)(3)(A));</li>
 * <li>{@code unknownContents} from {@code unknownSubjects}: what a mail named that the hub does not have;</li>
 * <li>the links ({@code hubUrl}, {@code appealForm}, {@code appealsApi}, {@code legalAddress}, {@code safetyAddress},
 * {@code dmcaAddress}, {@code contentPolicy},
 * {@code disputeBodiesUrl}, {@code esafetyUrl}) and the redress this recipient has: {@code outOfCourt} (DSA Art. 21;
 * EU residents, or residence unknown) and {@code esafety} (Australian residents, or unknown), from the optional
 * {@code recipientCountry}. The courts are always open.</li>
 * </ul>
 */
@ApplicationScoped
public class MailWording {

    /** The optional parameter naming the recipient's country of residence (ISO 3166-1 alpha-2). */
    public static final String RECIPIENT_COUNTRY = "recipientCountry";

    private final LinksConfig links;

    public MailWording(LinksConfig links) {
        this.links = links;
    }

    /** The data a template of {@code template} renders in {@code language}. */
    public Map<String, Object> data(MailTemplate template, String language, Map<String, String> parameters) {
        Map<String, Object> data = new HashMap<>();
        parameters.forEach((name, value) -> data.put(name, MailDates.readable(value, language)));
        for (String list : template.listParams()) {
            data.put(list + "List", items(data.get(list) instanceof String s ? s : null));
        }
        putLinks(data);
        putRedress(data, parameters);

        String subject = parameters.get("subject");
        ContentName content =
                subject == null || subject.isBlank() ? null : ContentName.of(subject.strip(), language, links.hubUrl());
        if (content != null) {
            data.put("content", content);
        }
        if (parameters.containsKey("subjects")) {
            data.put(
                    "contents",
                    items(parameters.get("subjects")).stream()
                            .map(key -> ContentName.of(key, language, links.hubUrl()))
                            .toList());
        }
        if (parameters.containsKey("unknownSubjects")) {
            // What a mail named that the hub does not have (reporting's location request).
            data.put(
                    "unknownContents",
                    items(parameters.get("unknownSubjects")).stream()
                            .map(key -> ContentName.of(key, language, links.hubUrl()))
                            .toList());
        }
        if (content != null && parameters.containsKey("actions")) {
            List<String> actions = items(parameters.get("actions"));
            String until = parameters.get("restrictionEnds") == null
                    ? null
                    : MailDates.readable(parameters.get("restrictionEnds"), language);
            data.put(
                    "actionLines",
                    actions.stream()
                            .map(a -> sentence(a, content, Reader.OWNER, until, language))
                            .toList());
            data.put(
                    "outcomeLines",
                    actions.stream()
                            .map(a -> sentence(a, content, Reader.NOTIFIER, null))
                            .toList());
            data.put("restricts", actions.stream().anyMatch(ActionWording::restricts));
        }
        if (content != null && parameters.containsKey("actionsLifted")) {
            data.put(
                    "liftedLines",
                    items(parameters.get("actionsLifted")).stream()
                            .map(a -> sentence(a, content, Reader.OWNER_LIFTED, null))
                            .toList());
        }
        putTaxonomy(data, parameters);
        putGround(data, parameters, language);
        if (parameters.containsKey("missingElements")) {
            data.put(
                    "missingElementLines",
                    items(parameters.get("missingElements")).stream()
                            .map(MailWording::dmcaElement)
                            .toList());
        }
        return data;
    }

    private void putLinks(Map<String, Object> data) {
        data.put("hubUrl", links.hubUrl());
        data.put("appealForm", links.appealForm());
        data.put("appealsApi", links.appealsApi());
        data.put("legalAddress", links.legalAddress());
        data.put("safetyAddress", links.safetyAddress());
        data.put("dmcaAddress", links.dmcaAddress());
        data.put("contentPolicy", links.contentPolicy());
        data.put("disputeBodiesUrl", links.disputeSettlementBodies());
        data.put("esafetyUrl", links.esafetyComplaint());
    }

    /**
     * Out-of-court settlement for EU residents, the eSafety Commissioner for Australian residents; both when we do not
     * know where the recipient lives, so no one misses theirs. The sender's {@code redress} list is not consulted: what
     * a mail offers follows from the recipient's country, the same way for every sender.
     */
    static void putRedress(Map<String, Object> data, Map<String, String> parameters) {
        String country = parameters.get(RECIPIENT_COUNTRY);
        country = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        boolean unknown = country == null;
        data.put("outOfCourt", unknown || DsaTerritories.EU.contains(country));
        data.put("esafety", unknown || "AU".equals(country));
    }

    private static void putTaxonomy(Map<String, Object> data, Map<String, String> parameters) {
        String category = parameters.get("category");
        if (category != null && !parameters.containsKey("categoryTitle")) {
            // Some senders pass the code (platform_abuse), others the title; a reader sees the title.
            data.put(
                    "categoryTitle",
                    isCategoryCode(category) ? Taxonomy.category(category).title() : category);
        }
        String subcategory = parameters.get("subcategory");
        if (subcategory != null) {
            data.put(
                    "subcategoryLabel",
                    Taxonomy.findSubcategory(subcategory).map(s -> s.label()).orElse(subcategory));
        }
    }

    /**
     * {@code groundText}: the legal ground of a decision (review-service passes {@link DecisionGround#label()}, or the
     * code) in the reader's language; a ground this service does not know is shown as given.
     */
    static void putGround(Map<String, Object> data, Map<String, String> parameters, String language) {
        String ground = parameters.get("ground");
        if (ground == null) {
            return;
        }
        boolean german = language != null && language.startsWith("de");
        String shown = ground;
        for (DecisionGround known : DecisionGround.values()) {
            if (known.label().equalsIgnoreCase(ground.strip()) || known.name().equalsIgnoreCase(ground.strip())) {
                shown = german ? germanGround(known) : known.label();
            }
        }
        data.put("groundText", shown);
    }

    private static String germanGround(DecisionGround ground) {
        return switch (ground) {
            case DECISION_GROUND_ILLEGAL_CONTENT -> "Rechtswidrige Inhalte";
            case DECISION_GROUND_INCOMPATIBLE_CONTENT -> "Mit unseren Nutzungsbedingungen unvereinbare Inhalte";
        };
    }

    private static boolean isCategoryCode(String value) {
        return Arrays.stream(PolicyCategory.values()).anyMatch(c -> c.code().equals(value));
    }

    private static String sentence(String code, ContentName content, Reader reader, String until) {
        return sentence(code, content, reader, until, "en");
    }

    private static String sentence(String code, ContentName content, Reader reader, String until, String language) {
        String sentence = ActionWording.sentence(code, content, reader, until, language);
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** The elements of a DMCA notice as the statute names them (dmca-service passes labels or enum codes). */
    static String dmcaElement(String code) {
        String label = code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (label) {
            case "signature" ->
                "a physical or electronic signature of the rights holder or of someone authorised to act "
                        + "for them (512(c)(3)(A)(i))";
            case "work-identified" -> "which copyrighted work you say is infringed (512(c)(3)(A)(ii))";
            case "material-identified" ->
                "which material on the hub infringes it, with links so we can find it " + "(512(c)(3)(A)(iii))";
            case "contact-information" ->
                "how we can contact you: name, postal address, telephone and e-mail " + "(512(c)(3)(A)(iv))";
            case "good-faith-statement" ->
                "a statement that you believe in good faith that the use is not authorised by the "
                        + "rights holder, its agent or the law (512(c)(3)(A)(v))";
            case "accuracy-and-authority-statement" ->
                "a statement that the notice is accurate and, under penalty of perjury, "
                        + "that you are the rights holder or authorised to act for them (512(c)(3)(A)(vi))";
            default -> label.replace('-', ' ');
        };
    }

    static List<String> items(String value) {
        return value == null
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}

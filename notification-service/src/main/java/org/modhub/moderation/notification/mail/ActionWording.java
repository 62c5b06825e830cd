package org.modhub.moderation.notification.mail;

import java.util.Locale;
import java.util.Optional;

import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.subject.SubjectKind;

/**
 * What a {@link ModerationAction} means for the person reading the mail, on the kind of content it was taken on:
 * DISABLE on a model is "your model … is no longer accessible", on a discussion "your discussion … is hidden".
 * Senders pass the enum codes; only this class turns them into words. In English for every reader; in German for the
 * owner too ({@code owner-decision} is the one mail naming actions that exists in German; the others fall back to
 * English, words and all).
 */
final class ActionWording {

    /** Who reads the sentence. */
    enum Reader {
        /** The owner of the content a decision restricted. */
        OWNER,
        /** Someone else: the notifier who reported it. */
        NOTIFIER,
        /** The owner, told that the restriction is lifted. */
        OWNER_LIFTED
    }

    private ActionWording() {}

    /** The action as a sentence for {@code reader}; {@code until} is the end of a suspension, if known. */
    static String sentence(String code, ContentName content, Reader reader, String until) {
        return sentence(code, content, reader, until, "en");
    }

    /** {@link #sentence(String, ContentName, Reader, String)} in {@code language} where it has words, else English. */
    static String sentence(String code, ContentName content, Reader reader, String until, String language) {
        Optional<ModerationAction> parsed = parse(code);
        if (reader == Reader.OWNER && language != null && language.startsWith("de")) {
            return parsed.map(action -> German.owner(action, content, until))
                    .orElseGet(() -> humanize(code) + " (" + German.yourNominative(content) + ")");
        }
        if (parsed.isEmpty()) {
            // An action this service does not know yet: its words, never its code.
            return humanize(code) + " (" + (reader == Reader.NOTIFIER ? content.the() : content.your()) + ")";
        }
        ModerationAction action = parsed.get();
        return switch (reader) {
            case OWNER -> owner(action, content, until);
            case NOTIFIER -> notifier(action, content);
            case OWNER_LIFTED -> lifted(action, content);
        };
    }

    /** Whether the action restricts anything (an unknown code counts as a restriction, to be safe). */
    static boolean restricts(String code) {
        return parse(code).map(ModerationAction::restricts).orElse(true);
    }

    static Optional<ModerationAction> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModerationAction.valueOf(code.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String owner(ModerationAction action, ContentName c, String until) {
        String your = c.your();
        return switch (action) {
            case REQUEST_CHANGES ->
                "we ask you to change " + your + " (we tell you what and by when in a separate mail)";
            case UNRANK -> your + " no longer appears in trending lists or search rankings; it stays accessible";
            case TAG_NOT_FOR_ALL_AUDIENCES ->
                your + " is labelled Not-For-All-Audiences: only people who chose to see such " + "content see it";
            case GATE -> "the files of " + your + " can only be downloaded by people who accept its access conditions";
            case DISABLE ->
                hiddenKind(c)
                        ? your + " is hidden: no one but you can see it"
                        : your + " is no longer accessible: no one but you can open it";
            case REMOVE -> your + " was removed from the hub";
            case RESTRICT_INTERACTIONS ->
                c.subjectKind() == SubjectKind.DISCUSSION || c.subjectKind() == SubjectKind.PULL_REQUEST
                        ? your + " is locked: no one can add comments to it"
                        : "interactions on " + your
                                + " are restricted: its discussions, pull requests and comments are locked";
            case SUSPEND_ACCOUNT ->
                until == null ? "your account is suspended" : "your account is suspended until " + until;
            case TERMINATE_ACCOUNT -> "your account is terminated: you can no longer sign in or publish on the hub";
            case NO_ACTION -> "we took no action: " + your + " does not breach our Content Policy";
        };
    }

    private static String notifier(ModerationAction action, ContentName c) {
        String the = c.the();
        return switch (action) {
            case REQUEST_CHANGES -> "we asked the owner to change " + the + " by a deadline";
            case UNRANK -> the + " no longer appears in trending lists or search rankings";
            case TAG_NOT_FOR_ALL_AUDIENCES ->
                the + " is labelled Not-For-All-Audiences and hidden from people who did not "
                        + "choose to see such content";
            case GATE -> "the files of " + the + " can only be downloaded by people who accept its access conditions";
            case DISABLE -> hiddenKind(c) ? the + " is hidden" : the + " is no longer accessible";
            case REMOVE -> the + " was removed from the hub";
            case RESTRICT_INTERACTIONS ->
                c.subjectKind() == SubjectKind.DISCUSSION || c.subjectKind() == SubjectKind.PULL_REQUEST
                        ? the + " is locked: no one can add comments to it"
                        : "interactions on " + the + " are restricted";
            case SUSPEND_ACCOUNT -> "the account responsible is suspended";
            case TERMINATE_ACCOUNT -> "the account responsible is terminated";
            case NO_ACTION -> "we took no action: we found that " + the + " does not breach our Content Policy";
        };
    }

    private static String lifted(ModerationAction action, ContentName c) {
        String your = c.your();
        return switch (action) {
            case UNRANK -> your + " appears in trending lists and search rankings again";
            case TAG_NOT_FOR_ALL_AUDIENCES -> your + " is no longer labelled Not-For-All-Audiences";
            case GATE -> "the access conditions we put on the files of " + your + " are lifted";
            case DISABLE -> hiddenKind(c) ? your + " is visible again" : your + " is accessible again";
            case REMOVE -> "the removal of " + your + " is withdrawn: you may publish it again";
            case RESTRICT_INTERACTIONS -> "interactions on " + your + " are open again";
            case SUSPEND_ACCOUNT -> "your account is no longer suspended";
            case TERMINATE_ACCOUNT -> "your account is restored";
            case REQUEST_CHANGES, NO_ACTION -> "the earlier decision on " + your + " no longer applies";
        };
    }

    /**
     * The owner's sentences in German. German marks case and gender on the possessive ("Ihr Modell", "Ihre Datei",
     * "Ihren Datensatz"), which {@link ContentName} leaves out; the sentences use nominative, accusative and dative with
     * the kind's gender.
     */
    static final class German {

        private German() {}

        static String owner(ModerationAction action, ContentName c, String until) {
            String your = yourNominative(c);
            return switch (action) {
                case REQUEST_CHANGES ->
                    "wir bitten Sie, " + possessive(c, "Ihren ", "Ihre ", "Ihr ")
                            + " zu ändern (was und bis wann, teilen wir Ihnen in einer eigenen Mail mit)";
                case UNRANK ->
                    your + " erscheint nicht mehr in Trendlisten und Suchrankings; der Inhalt bleibt zugänglich";
                case TAG_NOT_FOR_ALL_AUDIENCES ->
                    your + " ist als Not-For-All-Audiences gekennzeichnet: nur wer gewählt hat, solche Inhalte zu "
                            + "sehen, sieht den Inhalt";
                case GATE ->
                    "die Dateien in " + possessive(c, "Ihrem ", "Ihrer ", "Ihrem ")
                            + " können nur noch Personen herunterladen, die die Zugangsbedingungen akzeptieren";
                case DISABLE ->
                    hiddenKind(c)
                            ? your + " ist verborgen: niemand außer Ihnen kann den Inhalt sehen"
                            : your + " ist nicht mehr zugänglich: niemand außer Ihnen kann den Inhalt öffnen";
                case REMOVE -> your + " wurde vom Hub entfernt";
                case RESTRICT_INTERACTIONS ->
                    c.subjectKind() == SubjectKind.DISCUSSION || c.subjectKind() == SubjectKind.PULL_REQUEST
                            ? your + " ist gesperrt: niemand kann mehr Kommentare hinzufügen"
                            : "Interaktionen mit " + possessive(c, "Ihrem ", "Ihrer ", "Ihrem ")
                                    + " sind eingeschränkt: Diskussionen, Pull-Requests und Kommentare sind gesperrt";
                case SUSPEND_ACCOUNT ->
                    until == null ? "Ihr Konto ist gesperrt" : "Ihr Konto ist bis " + until + " gesperrt";
                case TERMINATE_ACCOUNT ->
                    "Ihr Konto ist gekündigt: Sie können sich nicht mehr anmelden und nichts mehr auf dem Hub "
                            + "veröffentlichen";
                case NO_ACTION ->
                    "wir haben nichts unternommen: " + your + " verstößt nicht gegen unsere Content Policy";
            };
        }

        static String yourNominative(ContentName c) {
            return possessive(c, "Ihr ", "Ihre ", "Ihr ");
        }

        /** "Ihr(e/en/em/er) <kind> <name>" with the article for the kind's gender; a key we could not read as given. */
        private static String possessive(ContentName c, String masculine, String feminine, String neuter) {
            if (c.subjectKind() == null) {
                return c.your();
            }
            String article = switch (c.subjectKind()) {
                case FILE, DISCUSSION -> feminine;
                case MODEL, ACCOUNT -> neuter;
                case DATASET, SPACE, PULL_REQUEST, COMMENT, POST -> masculine;
            };
            return article + c.your();
        }
    }

    /** Community content is hidden; repositories, files and accounts are made inaccessible. */
    private static boolean hiddenKind(ContentName c) {
        SubjectKind kind = c.subjectKind();
        return kind == SubjectKind.DISCUSSION
                || kind == SubjectKind.PULL_REQUEST
                || kind == SubjectKind.COMMENT
                || kind == SubjectKind.POST;
    }

    private static String humanize(String code) {
        String words = code == null
                ? ""
                : code.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        return words.isEmpty() ? "an action" : words;
    }
}

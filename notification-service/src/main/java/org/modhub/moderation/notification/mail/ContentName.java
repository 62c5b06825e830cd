package org.modhub.moderation.notification.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.subject.InvalidSubjectException;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.subject.SubjectRef;

import io.quarkus.qute.TemplateData;

/**
 * A subject key as a reader sees it: {@code model:acme/llama-7b} becomes "the model acme/llama-7b" with a link to
 * {@code <hub>/acme/llama-7b}. Templates use {@code {content.the}}, {@code {content.your}}, {@code {content.url}}.
 *
 * @param kind what it is, in the reader's language ("model", "Datensatz")
 * @param name how the hub names it ("acme/llama-7b", "#12 on acme/llama-7b")
 * @param the "the model acme/llama-7b", for someone who does not own it
 * @param your "your model acme/llama-7b", for its owner
 * @param url its page on the hub; null when the key could not be read
 * @param subjectKind the subject's kind, for wording that depends on it; null when the key could not be read
 */
@TemplateData
public record ContentName(String kind, String name, String the, String your, String url, SubjectKind subjectKind) {

    /** Whether a link exists (an unreadable key has none). */
    public boolean linked() {
        return url != null;
    }

    static ContentName of(String key, String language, String hubUrl) {
        SubjectRef ref;
        try {
            ref = SubjectRef.parse(key);
        } catch (InvalidSubjectException e) {
            // A key we cannot read is shown as given: better than no name at all.
            return new ContentName("", key, key, key, null, null);
        }
        boolean german = language != null && language.startsWith("de");
        String hub = hubUrl.replaceFirst("/+$", "");
        String kind = german ? germanKind(ref.kind()) : englishKind(ref.kind());
        String name = name(ref, german);
        String the = german ? kind + " " + name : "the " + kind + " " + name;
        String your = german ? kind + " " + name : "your " + kind + " " + name;
        return new ContentName(kind, name, the, your, url(ref, hub), ref.kind());
    }

    private static String name(SubjectRef ref, boolean german) {
        String on = german ? " zu " : " on ";
        return switch (ref.kind()) {
            case MODEL, DATASET, SPACE -> repo(ref);
            case FILE ->
                ref.path() + " in " + repo(ref) + (german ? " (Revision " : " (revision ") + ref.revision() + ")";
            case DISCUSSION, PULL_REQUEST -> "#" + ref.number() + on + repo(ref);
            case COMMENT ->
                ref.postId() != null
                        ? ref.commentId()
                                + (german
                                        ? " unter dem Beitrag " + ref.postId() + " von " + ref.namespace()
                                        : " under the post " + ref.postId() + " by " + ref.namespace())
                        : ref.commentId() + " in #" + ref.number() + on + repo(ref);
            case POST -> ref.postId() + (german ? " von " : " by ") + ref.namespace();
            case ACCOUNT -> ref.namespace();
        };
    }

    private static String repo(SubjectRef ref) {
        return ref.namespace() + "/" + ref.name();
    }

    /** The hub's page for the subject (the layout contracts' {@code HubLinks} reads back). */
    private static String url(SubjectRef ref, String hub) {
        return switch (ref.kind()) {
            case MODEL, DATASET, SPACE -> repoUrl(ref, hub);
            case FILE -> repoUrl(ref, hub) + "/blob/" + ref.revision() + "/" + encodePath(ref.path());
            case DISCUSSION, PULL_REQUEST -> repoUrl(ref, hub) + "/discussions/" + ref.number();
            case COMMENT ->
                ref.postId() != null
                        ? hub + "/posts/" + ref.namespace() + "/" + ref.postId() + "#" + ref.commentId()
                        : repoUrl(ref, hub) + "/discussions/" + ref.number() + "#" + ref.commentId();
            case POST -> hub + "/posts/" + ref.namespace() + "/" + ref.postId();
            case ACCOUNT -> hub + "/" + ref.namespace();
        };
    }

    private static String repoUrl(SubjectRef ref, String hub) {
        String prefix = switch (ref.repoKind()) {
            case DATASET -> "/datasets";
            case SPACE -> "/spaces";
            default -> "";
        };
        return hub + prefix + "/" + ref.namespace() + "/" + ref.name();
    }

    private static String encodePath(String path) {
        return Arrays.stream(path.split("/"))
                .map(segment ->
                        URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    private static String englishKind(SubjectKind kind) {
        return switch (kind) {
            case MODEL -> "model";
            case DATASET -> "dataset";
            case SPACE -> "Space";
            case FILE -> "file";
            case DISCUSSION -> "discussion";
            case PULL_REQUEST -> "pull request";
            case COMMENT -> "comment";
            case POST -> "post";
            case ACCOUNT -> "account";
        };
    }

    private static String germanKind(SubjectKind kind) {
        return switch (kind) {
            case MODEL -> "Modell";
            case DATASET -> "Datensatz";
            case SPACE -> "Space";
            case FILE -> "Datei";
            case DISCUSSION -> "Diskussion";
            case PULL_REQUEST -> "Pull-Request";
            case COMMENT -> "Kommentar";
            case POST -> "Beitrag";
            case ACCOUNT -> "Konto";
        };
    }
}

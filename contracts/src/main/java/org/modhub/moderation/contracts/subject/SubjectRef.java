package org.modhub.moderation.contracts.subject;

import static org.modhub.moderation.contracts.subject.InvalidSubjectException.quote;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A reference to one moderation subject, with one canonical string key. Two references to the
 * same thing have the same key, so the key is what services store, compare, index and put in
 * the CloudEvents {@code subject} attribute; Jackson writes a {@code SubjectRef} as its key.
 *
 * <h2>Key grammar (ABNF)</h2>
 * <pre>
 * key        = repo / file / thread / comment / post / account
 * repo       = repo-kind ":" namespace "/" repo-name        ; model:acme/llama-7b
 * repo-kind  = "model" / "dataset" / "space"
 * file       = "file:" repo "@" revision ":" path           ; file:model:acme/llama-7b@main:weights/model.bin
 * thread     = ("discussion" / "pull_request") ":" repo "#" number   ; discussion:dataset:acme/corpus#12
 * comment    = "comment:" (repo "#" number / "post:" namespace "/" post-id) "/" comment-id
 *                                                          ; comment:model:acme/llama-7b#12/c-1a2b
 * post       = "post:" namespace "/" post-id                ; post:alice/p-123
 * account    = "account:" namespace                         ; account:alice
 * </pre>
 *
 * <h2>Parts</h2>
 * <ul>
 *   <li>{@code namespace} (user or organisation) 1–64 and {@code repo-name} 1–96 characters of
 *       ASCII letters, digits, {@code -}, {@code _} and {@code .}; they start and end with a letter
 *       or digit and contain neither {@code --} nor {@code ..}. Case is kept as given, so producers
 *       use the hub's canonical spelling of a name.</li>
 *   <li>{@code revision}: a commit id or a branch or tag name, 1–255 characters of ASCII letters,
 *       digits, {@code .}, {@code _}, {@code -} and {@code /} (git ref rules: starts with a letter
 *       or digit, no {@code ..}, no {@code //}, no component starting with {@code .}, does not end in
 *       {@code /}, {@code .} or {@code .lock}).</li>
 *   <li>{@code path}: a relative path inside the repository, 1–1024 characters, in Unicode NFC,
 *       {@code /}-separated segments of at most 255 characters; no empty, {@code .} or {@code ..}
 *       segment (also not after NFKC folding, which catches full-width dots), no backslash, no
 *       control, format (bidi overrides, zero-width), separator, private-use or unassigned
 *       characters, and no space other than U+0020. The path is the rest of the key, so it may
 *       contain {@code :}, {@code @} and {@code #}.</li>
 *   <li>{@code number}: a discussion or pull-request number, 1–999999999, without leading zeros.
 *       Discussions and pull requests share one numbering per repository, so a comment names only
 *       the number.</li>
 *   <li>{@code post-id}, {@code comment-id}: 1–64 ASCII letters, digits, {@code -} and {@code _},
 *       starting with a letter or digit.</li>
 * </ul>
 * Anything else is rejected with an {@link InvalidSubjectException} naming the part that is wrong.
 *
 * @param kind what the subject is
 * @param repoKind the repository's kind for repositories and things inside them; null otherwise
 * @param namespace the repository's owner, the post's author, or the account's name
 * @param name the repository's name; null for posts and accounts
 * @param revision the file's revision; only for files
 * @param path the file's path in the repository; only for files
 * @param number the discussion or pull-request number; for threads and comments in them
 * @param postId the post's id; for posts and comments under them
 * @param commentId the comment's id; only for comments
 */
public record SubjectRef(
        SubjectKind kind,
        SubjectKind repoKind,
        String namespace,
        String name,
        String revision,
        String path,
        Integer number,
        String postId,
        String commentId) {

    /** Longest key {@link #parse} looks at; longer input is rejected before any other work. */
    public static final int MAX_KEY_LENGTH = 1500;

    public static final int MAX_NAMESPACE_LENGTH = 64;
    public static final int MAX_REPO_NAME_LENGTH = 96;
    public static final int MAX_REVISION_LENGTH = 255;
    public static final int MAX_PATH_LENGTH = 1024;
    public static final int MAX_PATH_SEGMENT_LENGTH = 255;
    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_NUMBER = 999_999_999;

    private static final Pattern HUB_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

    /** Validates the parts for {@code kind}; parts that the kind does not have must be null. */
    public SubjectRef {
        if (kind == null) {
            throw new InvalidSubjectException("subject kind is required");
        }
        switch (kind) {
            case MODEL, DATASET, SPACE -> {
                require(repoKind == kind, "repoKind of a " + kind.keyPrefix() + " must be " + kind);
                checkRepo(namespace, name);
                absent(
                        kind,
                        "revision",
                        revision,
                        "path",
                        path,
                        "number",
                        number,
                        "postId",
                        postId,
                        "commentId",
                        commentId);
            }
            case FILE -> {
                checkRepoKind(kind, repoKind);
                checkRepo(namespace, name);
                checkRevision(revision);
                checkPath(path);
                absent(kind, "number", number, "postId", postId, "commentId", commentId);
            }
            case DISCUSSION, PULL_REQUEST -> {
                checkRepoKind(kind, repoKind);
                checkRepo(namespace, name);
                checkNumber(number);
                absent(kind, "revision", revision, "path", path, "postId", postId, "commentId", commentId);
            }
            case COMMENT -> {
                checkId("comment id", commentId);
                absent(kind, "revision", revision, "path", path);
                if (postId != null) {
                    require(
                            repoKind == null && name == null && number == null,
                            "a comment under a post has no repository or thread number");
                    checkHubName("post author", namespace, MAX_NAMESPACE_LENGTH);
                    checkId("post id", postId);
                } else {
                    checkRepoKind(kind, repoKind);
                    checkRepo(namespace, name);
                    checkNumber(number);
                }
            }
            case POST -> {
                checkHubName("post author", namespace, MAX_NAMESPACE_LENGTH);
                checkId("post id", postId);
                absent(
                        kind,
                        "repoKind",
                        repoKind,
                        "name",
                        name,
                        "revision",
                        revision,
                        "path",
                        path,
                        "number",
                        number,
                        "commentId",
                        commentId);
            }
            case ACCOUNT -> {
                checkHubName("account name", namespace, MAX_NAMESPACE_LENGTH);
                absent(
                        kind,
                        "repoKind",
                        repoKind,
                        "name",
                        name,
                        "revision",
                        revision,
                        "path",
                        path,
                        "number",
                        number,
                        "postId",
                        postId,
                        "commentId",
                        commentId);
            }
        }
    }

    // --- factories ---

    /** A model, dataset or Space repository. */
    public static SubjectRef repository(SubjectKind kind, String namespace, String name) {
        if (kind == null || !kind.isRepository()) {
            throw new InvalidSubjectException("repository kind must be model, dataset or space, not " + kind);
        }
        return new SubjectRef(kind, kind, namespace, name, null, null, null, null, null);
    }

    public static SubjectRef model(String namespace, String name) {
        return repository(SubjectKind.MODEL, namespace, name);
    }

    public static SubjectRef dataset(String namespace, String name) {
        return repository(SubjectKind.DATASET, namespace, name);
    }

    public static SubjectRef space(String namespace, String name) {
        return repository(SubjectKind.SPACE, namespace, name);
    }

    /** One file at one revision of {@code repository}. */
    public static SubjectRef file(SubjectRef repository, String revision, String path) {
        SubjectRef repo = requireRepository(repository);
        return new SubjectRef(SubjectKind.FILE, repo.kind, repo.namespace, repo.name, revision, path, null, null, null);
    }

    public static SubjectRef discussion(SubjectRef repository, int number) {
        SubjectRef repo = requireRepository(repository);
        return new SubjectRef(
                SubjectKind.DISCUSSION, repo.kind, repo.namespace, repo.name, null, null, number, null, null);
    }

    public static SubjectRef pullRequest(SubjectRef repository, int number) {
        SubjectRef repo = requireRepository(repository);
        return new SubjectRef(
                SubjectKind.PULL_REQUEST, repo.kind, repo.namespace, repo.name, null, null, number, null, null);
    }

    /** A comment in a discussion or pull request, or under a post. */
    public static SubjectRef comment(SubjectRef parent, String commentId) {
        if (parent == null) {
            throw new InvalidSubjectException("a comment needs a discussion, pull request or post");
        }
        return switch (parent.kind) {
            case DISCUSSION, PULL_REQUEST ->
                new SubjectRef(
                        SubjectKind.COMMENT,
                        parent.repoKind,
                        parent.namespace,
                        parent.name,
                        null,
                        null,
                        parent.number,
                        null,
                        commentId);
            case POST ->
                new SubjectRef(
                        SubjectKind.COMMENT, null, parent.namespace, null, null, null, null, parent.postId, commentId);
            default ->
                throw new InvalidSubjectException(
                        "a comment belongs to a discussion, pull request or post, not a " + parent.kind.keyPrefix());
        };
    }

    public static SubjectRef post(String author, String postId) {
        return new SubjectRef(SubjectKind.POST, null, author, null, null, null, null, postId, null);
    }

    public static SubjectRef account(String name) {
        return new SubjectRef(SubjectKind.ACCOUNT, null, name, null, null, null, null, null, null);
    }

    // --- key ---

    /** The canonical key; {@code parse(ref.key()).equals(ref)} always holds. */
    @JsonValue
    public String key() {
        return switch (kind) {
            case MODEL, DATASET, SPACE -> repoKey();
            case FILE -> "file:" + repoKey() + "@" + revision + ":" + path;
            case DISCUSSION, PULL_REQUEST -> kind.keyPrefix() + ":" + repoKey() + "#" + number;
            case COMMENT ->
                postId != null
                        ? "comment:post:" + namespace + "/" + postId + "/" + commentId
                        : "comment:" + repoKey() + "#" + number + "/" + commentId;
            case POST -> "post:" + namespace + "/" + postId;
            case ACCOUNT -> "account:" + namespace;
        };
    }

    /** Parses a key; throws {@link InvalidSubjectException} naming what is wrong. */
    @JsonCreator
    public static SubjectRef parse(String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidSubjectException("subject key is empty");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidSubjectException("subject key is longer than " + MAX_KEY_LENGTH + " characters");
        }
        int colon = key.indexOf(':');
        if (colon < 0) {
            throw new InvalidSubjectException("subject key " + quote(key) + " has no kind prefix (like 'model:')");
        }
        String prefix = key.substring(0, colon);
        String rest = key.substring(colon + 1);
        SubjectKind kind = SubjectKind.fromKeyPrefix(prefix)
                .orElseThrow(() ->
                        new InvalidSubjectException("unknown subject kind " + quote(prefix) + " in key " + quote(key)));
        try {
            return switch (kind) {
                case MODEL, DATASET, SPACE -> parseRepo(kind, rest);
                case FILE -> parseFile(rest);
                case DISCUSSION, PULL_REQUEST -> parseThread(kind, rest);
                case COMMENT -> parseComment(rest);
                case POST -> {
                    String[] parts = split(rest, '/', 2, "post key needs author/post-id");
                    yield post(parts[0], parts[1]);
                }
                case ACCOUNT -> account(rest);
            };
        } catch (InvalidSubjectException e) {
            throw new InvalidSubjectException("invalid subject key " + quote(key) + ": " + e.getMessage());
        }
    }

    /** The repository this subject is or belongs to; empty for posts, their comments and accounts. */
    public Optional<SubjectRef> repository() {
        if (repoKind == null) {
            return Optional.empty();
        }
        return Optional.of(kind.isRepository() ? this : repository(repoKind, namespace, name));
    }

    /** Whether this subject is itself a repository. */
    public boolean isRepository() {
        return kind.isRepository();
    }

    @Override
    public String toString() {
        return key();
    }

    // --- parsing helpers ---

    private String repoKey() {
        return repoKind.keyPrefix() + ":" + namespace + "/" + name;
    }

    private static SubjectRef parseRepo(SubjectKind kind, String rest) {
        String[] parts = split(rest, '/', 2, "repository needs namespace/name");
        return repository(kind, parts[0], parts[1]);
    }

    /** A repository key embedded in another key: "model:ns/name". */
    private static SubjectRef parseEmbeddedRepo(String text) {
        int colon = text.indexOf(':');
        String prefix = colon < 0 ? text : text.substring(0, colon);
        SubjectKind kind = SubjectKind.fromKeyPrefix(prefix)
                .filter(SubjectKind::isRepository)
                .orElseThrow(() -> new InvalidSubjectException(
                        "expected a repository (model:, dataset: or space:) but found " + quote(prefix)));
        return parseRepo(kind, text.substring(colon + 1));
    }

    private static SubjectRef parseFile(String rest) {
        int at = rest.indexOf('@');
        if (at < 0) {
            throw new InvalidSubjectException("file key needs repository@revision:path");
        }
        SubjectRef repo = parseEmbeddedRepo(rest.substring(0, at));
        String afterAt = rest.substring(at + 1);
        int colon = afterAt.indexOf(':');
        if (colon < 0) {
            throw new InvalidSubjectException("file key needs ':' between revision and path");
        }
        return file(repo, afterAt.substring(0, colon), afterAt.substring(colon + 1));
    }

    private static SubjectRef parseThread(SubjectKind kind, String rest) {
        int hash = rest.indexOf('#');
        if (hash < 0) {
            throw new InvalidSubjectException(kind.keyPrefix() + " key needs repository#number");
        }
        SubjectRef repo = parseEmbeddedRepo(rest.substring(0, hash));
        int number = parseNumber(rest.substring(hash + 1));
        return kind == SubjectKind.DISCUSSION ? discussion(repo, number) : pullRequest(repo, number);
    }

    private static SubjectRef parseComment(String rest) {
        if (rest.startsWith("post:")) {
            String[] parts = split(
                    rest.substring("post:".length()),
                    '/',
                    3,
                    "comment under a post needs post:author/post-id/comment-id");
            return comment(post(parts[0], parts[1]), parts[2]);
        }
        int hash = rest.indexOf('#');
        if (hash < 0) {
            throw new InvalidSubjectException(
                    "comment key needs repository#number/comment-id or post:author/post-id/comment-id");
        }
        SubjectRef repo = parseEmbeddedRepo(rest.substring(0, hash));
        String[] parts = split(rest.substring(hash + 1), '/', 2, "comment key needs #number/comment-id");
        return comment(discussion(repo, parseNumber(parts[0])), parts[1]);
    }

    private static int parseNumber(String text) {
        if (!NUMBER.matcher(text).matches()) {
            throw new InvalidSubjectException("thread number " + quote(text) + " must be a decimal number from 1 to "
                    + MAX_NUMBER + " without leading zeros");
        }
        return Integer.parseInt(text);
    }

    /** Splits into exactly {@code parts} pieces; a piece may be empty (the part check reports it). */
    private static String[] split(String text, char separator, int parts, String expected) {
        String[] pieces = text.split(Pattern.quote(String.valueOf(separator)), -1);
        if (pieces.length != parts) {
            throw new InvalidSubjectException(expected);
        }
        return pieces;
    }

    // --- part checks ---

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidSubjectException(message);
        }
    }

    private static void absent(SubjectKind kind, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                throw new InvalidSubjectException("a " + kind.keyPrefix() + " subject has no " + namesAndValues[i]);
            }
        }
    }

    private static void checkRepoKind(SubjectKind kind, SubjectKind repoKind) {
        require(
                repoKind != null && repoKind.isRepository(),
                "a " + kind.keyPrefix() + " belongs to a model, dataset or space repository");
    }

    private static void checkRepo(String namespace, String name) {
        checkHubName("namespace", namespace, MAX_NAMESPACE_LENGTH);
        checkHubName("repository name", name, MAX_REPO_NAME_LENGTH);
    }

    private static void checkHubName(String what, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            throw new InvalidSubjectException(what + " is empty");
        }
        if (value.length() > maxLength) {
            throw new InvalidSubjectException(what + " is longer than " + maxLength + " characters");
        }
        if (!HUB_NAME.matcher(value).matches()) {
            throw new InvalidSubjectException(
                    what + " " + quote(value)
                            + " may hold only ASCII letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
        }
        if (value.contains("..") || value.contains("--")) {
            throw new InvalidSubjectException(what + " " + quote(value) + " must not contain '..' or '--'");
        }
    }

    private static void checkId(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidSubjectException(what + " is empty");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidSubjectException(what + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        if (!ID.matcher(value).matches()) {
            throw new InvalidSubjectException(what + " " + quote(value)
                    + " may hold only ASCII letters, digits, '-' and '_', starting with a letter or digit");
        }
    }

    private static void checkNumber(Integer number) {
        require(
                number != null && number >= 1 && number <= MAX_NUMBER,
                "thread number must be from 1 to " + MAX_NUMBER + ", not " + number);
    }

    private static void checkRevision(String revision) {
        if (revision == null || revision.isEmpty()) {
            throw new InvalidSubjectException("revision is empty");
        }
        if (revision.length() > MAX_REVISION_LENGTH) {
            throw new InvalidSubjectException("revision is longer than " + MAX_REVISION_LENGTH + " characters");
        }
        if (!REVISION.matcher(revision).matches()) {
            throw new InvalidSubjectException("revision " + quote(revision)
                    + " must be a commit id or a branch or tag name of ASCII letters, digits, '.', '_', '-' and '/'");
        }
        if (revision.contains("..")
                || revision.contains("//")
                || revision.contains("/.")
                || revision.endsWith("/")
                || revision.endsWith(".")
                || revision.endsWith(".lock")) {
            throw new InvalidSubjectException(
                    "revision " + quote(revision)
                            + " is not a valid git ref name (no '..', '//', component starting with '.', or trailing '/', '.' or '.lock')");
        }
    }

    private static void checkPath(String path) {
        if (path == null || path.isEmpty()) {
            throw new InvalidSubjectException("file path is empty");
        }
        if (path.length() > MAX_PATH_LENGTH) {
            throw new InvalidSubjectException("file path is longer than " + MAX_PATH_LENGTH + " characters");
        }
        for (int i = 0; i < path.length(); ) {
            int c = path.codePointAt(i);
            if (!allowedInPath(c)) {
                throw new InvalidSubjectException(
                        String.format("file path contains a forbidden character U+%04X at index %d", c, i));
            }
            i += Character.charCount(c);
        }
        if (!Normalizer.isNormalized(path, Normalizer.Form.NFC)) {
            throw new InvalidSubjectException("file path " + quote(path) + " is not in Unicode normal form NFC");
        }
        if (path.startsWith("/")) {
            throw new InvalidSubjectException("file path " + quote(path) + " must be relative (no leading '/')");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new InvalidSubjectException(
                        "file path " + quote(path) + " has an empty segment ('//' or trailing '/')");
            }
            if (segment.length() > MAX_PATH_SEGMENT_LENGTH) {
                throw new InvalidSubjectException(
                        "file path has a segment longer than " + MAX_PATH_SEGMENT_LENGTH + " characters");
            }
            // NFKC folds look-alikes such as full-width dots and solidus into their ASCII forms.
            String folded = Normalizer.normalize(segment, Normalizer.Form.NFKC);
            if (folded.equals(".") || folded.equals("..") || folded.contains("/") || folded.contains("\\")) {
                throw new InvalidSubjectException(
                        "file path " + quote(path) + " must not contain '.' or '..' segments (path traversal)");
            }
        }
    }

    private static boolean allowedInPath(int c) {
        if (c == '\\') {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.SURROGATE -> false;
            case Character.SPACE_SEPARATOR -> c == ' ';
            default -> true;
        };
    }

    private static SubjectRef requireRepository(SubjectRef repository) {
        if (repository == null || !repository.isRepository()) {
            throw new InvalidSubjectException("expected a model, dataset or space repository, not "
                    + (repository == null ? "null" : repository.kind.keyPrefix()));
        }
        return repository;
    }
}

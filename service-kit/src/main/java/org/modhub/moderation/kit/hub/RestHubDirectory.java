package org.modhub.moderation.kit.hub;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.modhub.moderation.contracts.subject.InvalidSubjectException;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.hub.HubSubject.Visibility;
import org.modhub.moderation.kit.hub.ModelLink.ModelRelation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Unremovable;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The hub directory over the hub's HTTP API ({@code service-kit/hub-api/openapi.yaml}): what each subject kind asks,
 * a bounded cache of the answers, and every failure turned into {@link HubUnavailableException}. Calls go through
 * {@link HubCalls} (timeout, retry, circuit breaker) to {@link HubApi} (the configured host only).
 *
 * <p>Unremovable: a service that asks nothing of the hub yet still has its {@code kit.hub.*} settings read and
 * checked at start (otherwise they would be unknown keys under the kit's prefix).
 */
@ApplicationScoped
@Unremovable
public class RestHubDirectory implements HubDirectory {

    private static final Pattern BASE_MODEL_TAG =
            Pattern.compile("base_model:(finetune|adapter|quantized|merge):([^:/\\s]+)/([^:/\\s]+)");
    private static final Pattern LINK_NEXT = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");

    private final HubApi api;
    private final HubCalls calls;
    private final HubConfig config;
    private final URI base;
    private final MeterRegistry registry;
    private final Cache<String, Answer> cache;

    public RestHubDirectory(
            @RestClient HubApi api,
            HubCalls calls,
            HubConfig config,
            @ConfigProperty(name = "quarkus.rest-client.hub.url") URI base,
            MeterRegistry registry,
            Clock clock) {
        this.api = api;
        this.calls = calls;
        this.config = config;
        this.base = base;
        this.registry = registry;
        long ttl = config.cache().ttl().toNanos();
        long negativeTtl = config.cache().negativeTtl().toNanos();
        // The kit's clock, so an answer expires when business time says so (tests and the e2e suite move it).
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.cache().maxEntries())
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .expireAfter(new Expiry<String, Answer>() {
                    @Override
                    public long expireAfterCreate(String key, Answer answer, long now) {
                        return answer.found() ? ttl : negativeTtl;
                    }

                    @Override
                    public long expireAfterUpdate(String key, Answer answer, long now, long current) {
                        return expireAfterCreate(key, answer, now);
                    }

                    @Override
                    public long expireAfterRead(String key, Answer answer, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    /** A cached answer; {@code found} false means "no such thing", kept for the shorter negative TTL. */
    private record Answer(Object value, boolean found) {}

    // --- the port ---

    @Override
    public Uni<Optional<HubSubject>> find(SubjectRef subject) {
        Objects.requireNonNull(subject, "subject");
        return lookup("subject", "subject|" + subject.key(), () -> ask(subject), Optional::isPresent);
    }

    @Override
    public Uni<Optional<HubAccount>> account(String name) {
        return accountWire(name).map(found -> found.map(RestHubDirectory::toAccount));
    }

    @Override
    public Uni<List<HubFile>> files(SubjectRef repository, String revision) {
        if (repository == null || !repository.isRepository()) {
            throw new IllegalArgumentException("files() needs a model, dataset or space, not " + repository);
        }
        String rev = revision == null ? "main" : revision;
        // The revision is checked as a subject key's would be (no URL, no '..'): a bad one names no files.
        SubjectRef.file(repository, rev, "x");
        return lookup(
                "files", "files|" + repository.key() + "@" + rev, () -> walkTree(repository, rev), l -> !l.isEmpty());
    }

    @Override
    public Uni<List<ModelLink>> derivatives(SubjectRef model) {
        if (model == null || model.kind() != SubjectKind.MODEL) {
            throw new IllegalArgumentException("derivatives() needs a model, not " + model);
        }
        int max = config.maxDerivatives();
        String target = model.namespace() + "/" + model.name();
        Supplier<Uni<List<ModelLink>>> fetch =
                () -> calls.<List<HubWire.ModelSummary>>call(() -> api.models("base_model:" + target, max))
                        .map(answer -> answer.map(RestResponse::getEntity).orElse(List.of()).stream()
                                .filter(Objects::nonNull)
                                .limit(max)
                                .flatMap(summary -> derivative(summary, target).stream())
                                .toList());
        return lookup("derivatives", "derivatives|" + model.key(), fetch, l -> !l.isEmpty());
    }

    // --- what each kind asks ---

    private Uni<Optional<HubSubject>> ask(SubjectRef ref) {
        return switch (ref.kind()) {
            case MODEL, DATASET, SPACE -> repository(ref);
            case FILE -> file(ref);
            case DISCUSSION, PULL_REQUEST -> thread(ref);
            case COMMENT -> ref.postId() != null ? postComment(ref) : threadComment(ref);
            case POST -> post(ref);
            case ACCOUNT -> accountSubject(ref);
        };
    }

    private Uni<Optional<HubSubject>> repository(SubjectRef ref) {
        return calls.<HubWire.RepoInfo>call(() -> api.repository(repoType(ref), ref.namespace(), ref.name()))
                .flatMap(answer -> {
                    if (answer.isEmpty()) {
                        return Uni.createFrom().item(Optional.<HubSubject>empty());
                    }
                    HubWire.RepoInfo info = require(answer.get().getEntity(), "repository");
                    Instant created = require(info.createdAt(), "repository createdAt");
                    Instant modified = info.lastModified() != null ? info.lastModified() : created;
                    List<ModelLink> bases = ref.kind() == SubjectKind.MODEL ? baseModels(info.tags()) : List.of();
                    return owners(ref.namespace())
                            .map(owners -> Optional.of(
                                    new HubSubject(ref, visibility(info), created, modified, owners, bases)));
                });
    }

    /** A file: its repository's facts, and its last commit's date as when it was posted. */
    private Uni<Optional<HubSubject>> file(SubjectRef ref) {
        SubjectRef repo = ref.repository().orElseThrow();
        return find(repo).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<HubSubject>empty());
            }
            HubSubject repository = found.get();
            return calls.<List<HubWire.TreeEntry>>call(() -> api.pathsInfo(
                            repoType(repo), repo.namespace(), repo.name(), ref.revision(), List.of(ref.path()), true))
                    .map(answer -> answer.map(RestResponse::getEntity).orElse(List.of()).stream()
                            .filter(e -> e != null
                                    && "file".equals(e.type())
                                    && ref.path().equals(e.path()))
                            .findFirst()
                            .map(entry -> {
                                HubWire.LastCommit commit = require(entry.lastCommit(), "file lastCommit");
                                Instant date = require(commit.date(), "file lastCommit date");
                                return new HubSubject(
                                        ref, repository.visibility(), date, date, repository.owners(), List.of());
                            }));
        });
    }

    /**
     * A discussion or pull request: both share one numbering, so either kind finds the number whatever the hub's
     * {@code isPullRequest} says; its author owns it, its repository's visibility applies.
     */
    private Uni<Optional<HubSubject>> thread(SubjectRef ref) {
        return discussion(ref).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<HubSubject>empty());
            }
            HubSubject repository = found.get().repository();
            HubWire.Discussion discussion = found.get().discussion();
            Instant created = require(discussion.createdAt(), "discussion createdAt");
            Instant modified = events(discussion).stream()
                    .map(HubWire.Event::createdAt)
                    .filter(Objects::nonNull)
                    .max(Comparator.naturalOrder())
                    .filter(latest -> latest.isAfter(created))
                    .orElse(created);
            String author =
                    discussion.author() == null ? null : discussion.author().name();
            return author(author)
                    .map(owners -> Optional.of(
                            new HubSubject(ref, repository.visibility(), created, modified, owners, List.of())));
        });
    }

    private Uni<Optional<HubSubject>> threadComment(SubjectRef ref) {
        return discussion(ref).flatMap(found -> {
            Optional<HubWire.Event> comment = found.flatMap(d -> events(d.discussion()).stream()
                    .filter(e -> e != null
                            && "comment".equals(e.type())
                            && ref.commentId().equals(e.id()))
                    .findFirst());
            if (comment.isEmpty()) {
                return Uni.createFrom().item(Optional.<HubSubject>empty());
            }
            HubWire.Event event = comment.get();
            Instant created = require(event.createdAt(), "comment createdAt");
            String author = event.author() == null ? null : event.author().name();
            return author(author)
                    .map(owners -> Optional.of(new HubSubject(
                            ref, found.get().repository().visibility(), created, created, owners, List.of())));
        });
    }

    private record Thread(HubSubject repository, HubWire.Discussion discussion) {}

    private Uni<Optional<Thread>> discussion(SubjectRef ref) {
        SubjectRef repo = ref.repository().orElseThrow();
        return find(repo).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<Thread>empty());
            }
            return calls.<HubWire.Discussion>call(
                            () -> api.discussion(repoType(repo), repo.namespace(), repo.name(), ref.number()))
                    .map(answer -> answer.map(r -> new Thread(found.get(), require(r.getEntity(), "discussion"))));
        });
    }

    private Uni<Optional<HubSubject>> post(SubjectRef ref) {
        return postWire(ref).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<HubSubject>empty());
            }
            HubWire.Post post = found.get();
            Instant published = require(post.publishedAt(), "post publishedAt");
            Instant updated = post.updatedAt() != null ? post.updatedAt() : published;
            return author(post.author() != null ? post.author() : ref.namespace())
                    .map(owners ->
                            Optional.of(new HubSubject(ref, Visibility.PUBLIC, published, updated, owners, List.of())));
        });
    }

    private Uni<Optional<HubSubject>> postComment(SubjectRef ref) {
        return postWire(ref).flatMap(found -> {
            Optional<HubWire.PostComment> comment =
                    found.flatMap(p -> Optional.ofNullable(p.comments()).orElse(List.of()).stream()
                            .filter(c -> c != null && ref.commentId().equals(c.id()))
                            .findFirst());
            if (comment.isEmpty()) {
                return Uni.createFrom().item(Optional.<HubSubject>empty());
            }
            // A comment the hub gives no date of was posted no earlier than its post.
            Instant created = comment.get().createdAt() != null
                    ? comment.get().createdAt()
                    : require(found.get().publishedAt(), "post publishedAt");
            return author(comment.get().author())
                    .map(owners ->
                            Optional.of(new HubSubject(ref, Visibility.PUBLIC, created, created, owners, List.of())));
        });
    }

    private Uni<Optional<HubWire.Post>> postWire(SubjectRef ref) {
        return calls.<HubWire.Post>call(() -> api.post(ref.namespace(), ref.postId()))
                .map(answer -> answer.map(r -> require(r.getEntity(), "post")));
    }

    private Uni<Optional<HubSubject>> accountSubject(SubjectRef ref) {
        return accountWire(ref.namespace())
                .map(found -> found.map(account -> new HubSubject(
                        ref,
                        Visibility.PUBLIC,
                        account.createdAt(),
                        account.createdAt(),
                        ownersOf(account),
                        List.of())));
    }

    // --- accounts ---

    private Uni<Optional<HubWire.Account>> accountWire(String name) {
        try {
            SubjectRef.account(name);
        } catch (InvalidSubjectException e) {
            // Not a name the hub can have: no such account, and no request.
            return Uni.createFrom().item(Optional.empty());
        }
        return lookup(
                "account",
                "account|" + name,
                () -> calls.<HubWire.Account>call(() -> api.account(name))
                        .map(answer -> answer.map(r -> require(r.getEntity(), "account"))),
                Optional::isPresent);
    }

    /** A namespace's owners: the account, and an organisation's admins after it. */
    private Uni<List<HubAccount>> owners(String namespace) {
        return accountWire(namespace)
                .map(found -> ownersOf(found.orElseThrow(() ->
                        new HubRefusedException("the hub knows content of " + namespace + " but not that account"))));
    }

    /** The author's account as the only owner; an author the hub does not name or know leaves no one to answer. */
    private Uni<List<HubAccount>> author(String name) {
        if (name == null) {
            return Uni.createFrom().failure(new HubRefusedException("the hub names no author"));
        }
        return accountWire(name)
                .map(found -> List.of(toAccount(found.orElseThrow(() ->
                        new HubRefusedException("the hub names the author " + name + " but does not know them")))));
    }

    private static List<HubAccount> ownersOf(HubWire.Account account) {
        List<HubAccount> owners = new ArrayList<>();
        owners.add(toAccount(account));
        if (account.admins() != null) {
            account.admins().stream()
                    .filter(Objects::nonNull)
                    .map(RestHubDirectory::toAccount)
                    .forEach(owners::add);
        }
        return owners;
    }

    private static HubAccount toAccount(HubWire.Account a) {
        HubAccount.Type type = "org".equals(a.type()) ? HubAccount.Type.ORGANIZATION : HubAccount.Type.USER;
        return new HubAccount(
                require(a.id(), "account id"),
                require(a.name(), "account name"),
                type,
                a.email(),
                a.language(),
                a.country());
    }

    // --- files ---

    private Uni<List<HubFile>> walkTree(SubjectRef repo, String revision) {
        List<HubFile> files = new ArrayList<>();
        return treePage(repo, revision, null, files, 0);
    }

    /** One page of the tree, then the next while the hub's {@code Link} names one on the hub and room is left. */
    private Uni<List<HubFile>> treePage(
            SubjectRef repo, String revision, String cursor, List<HubFile> files, int pages) {
        return calls.<List<HubWire.TreeEntry>>call(
                        () -> api.tree(repoType(repo), repo.namespace(), repo.name(), revision, true, cursor))
                .flatMap(answer -> {
                    if (answer.isEmpty()) {
                        return Uni.createFrom().item(List.<HubFile>of());
                    }
                    List<HubWire.TreeEntry> entries =
                            Optional.ofNullable(answer.get().getEntity()).orElse(List.of());
                    for (HubWire.TreeEntry e : entries) {
                        if (e != null && "file".equals(e.type()) && e.path() != null) {
                            if (files.size() == config.maxFiles()) {
                                Log.warnf(
                                        "%s@%s has more than %d files; listing the first",
                                        repo, revision, config.maxFiles());
                                return Uni.createFrom().item(List.copyOf(files));
                            }
                            files.add(new HubFile(
                                    e.path(),
                                    e.lfs() != null && e.lfs().size() != null
                                            ? e.lfs().size()
                                            : (e.size() == null ? 0 : e.size()),
                                    e.lfs() == null ? null : e.lfs().oid(),
                                    e.oid()));
                        }
                    }
                    Optional<String> next = nextCursor(answer.get().getHeaderString("Link"));
                    if (next.isEmpty() || entries.isEmpty() || pages + 1 >= config.maxFiles()) {
                        return Uni.createFrom().item(List.copyOf(files));
                    }
                    return treePage(repo, revision, next.get(), files, pages + 1);
                });
    }

    /**
     * The {@code cursor} of a {@code Link: <...>; rel="next"}. The URL itself is never called: only its cursor is,
     * on the tree path the directory built, and only when the URL is on the configured hub; any other is refused.
     */
    Optional<String> nextCursor(String link) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        Matcher m = LINK_NEXT.matcher(link);
        if (!m.find()) {
            return Optional.empty();
        }
        URI next;
        try {
            next = base.resolve(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new HubRefusedException("the hub's next page link is not a URL");
        }
        if (!HubGuardFilter.sameOrigin(base, next)) {
            throw new HubRefusedException("the hub's next page link leaves the configured hub: " + next.getHost());
        }
        String query = next.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("cursor=")) {
                    return Optional.of(java.net.URLDecoder.decode(
                            pair.substring("cursor=".length()), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        throw new HubRefusedException("the hub's next page link has no cursor");
    }

    // --- model tree ---

    private static List<ModelLink> baseModels(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        List<ModelLink> links = new ArrayList<>();
        for (String tag : tags) {
            link(tag).ifPresent(l -> {
                if (!links.contains(l.link())) {
                    links.add(l.link());
                }
            });
        }
        return links;
    }

    private record Tagged(ModelLink link, String target) {}

    /** {@code base_model:<relation>:<namespace>/<name>} as a link to that model; nothing for any other tag. */
    private static Optional<Tagged> link(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        Matcher m = BASE_MODEL_TAG.matcher(tag);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            SubjectRef model = SubjectRef.model(m.group(2), m.group(3));
            ModelRelation relation = ModelRelation.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT));
            return Optional.of(new Tagged(new ModelLink(model, relation), m.group(2) + "/" + m.group(3)));
        } catch (InvalidSubjectException e) {
            return Optional.empty();
        }
    }

    /** A model listed under {@code target}, with the relation its own tag names; none when it names none. */
    private static Optional<ModelLink> derivative(HubWire.ModelSummary summary, String target) {
        if (summary.id() == null || summary.tags() == null) {
            return Optional.empty();
        }
        int slash = summary.id().indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        SubjectRef model;
        try {
            model = SubjectRef.model(
                    summary.id().substring(0, slash), summary.id().substring(slash + 1));
        } catch (InvalidSubjectException e) {
            return Optional.empty();
        }
        return summary.tags().stream()
                .map(RestHubDirectory::link)
                .flatMap(Optional::stream)
                .filter(t -> t.target().equals(target))
                .findFirst()
                .map(t -> new ModelLink(model, t.link().relation()));
    }

    // --- cache, metrics, failures ---

    /**
     * The cached answer, or the hub's, kept for {@code kit.hub.cache.ttl} ({@code negative-ttl} when nothing was
     * found). Failures are not kept: the next lookup asks again.
     */
    @SuppressWarnings("unchecked")
    private <T> Uni<T> lookup(String what, String key, Supplier<Uni<T>> fetch, Predicate<T> found) {
        return Uni.createFrom().deferred(() -> {
            Timer.Sample sample = Timer.start(registry);
            Answer cached = cache.getIfPresent(key);
            if (cached != null) {
                count(sample, what, "hit");
                return Uni.createFrom().item((T) cached.value());
            }
            return fetch.get()
                    .invoke(value -> {
                        boolean present = found.test(value);
                        cache.put(key, new Answer(value, present));
                        count(sample, what, present ? "miss" : "unknown");
                    })
                    .onFailure()
                    .transform(failure -> {
                        count(sample, what, "error");
                        return unavailable(failure);
                    });
        });
    }

    /** One lookup in {@code kit.hub.lookups} and its time in {@code kit.hub.latency}, both by what and result. */
    private void count(Timer.Sample sample, String what, String result) {
        Counter.builder("kit.hub.lookups")
                .description("Hub directory lookups by what was looked up and how it was answered")
                .tag("what", what)
                .tag("result", result)
                .register(registry)
                .increment();
        sample.stop(Timer.builder("kit.hub.latency")
                .description("Time to answer a hub directory lookup, from the cache (hit) or the hub")
                .tag("what", what)
                .tag("result", result)
                .publishPercentiles(0.5, 0.99)
                .register(registry));
    }

    private HubUnavailableException unavailable(Throwable failure) {
        if (failure instanceof HubUnavailableException already) {
            return already;
        }
        String why;
        if (failure instanceof CircuitBreakerOpenException) {
            why = "the hub failed repeatedly; not asking it for a while";
        } else if (failure instanceof TimeoutException) {
            why = "the hub did not answer in time";
        } else if (failure instanceof HubRefusedException || failure instanceof HubTransientException) {
            why = failure.getMessage();
        } else {
            why = "the hub could not be asked";
        }
        Log.warnf("hub directory: %s (%s)", why, failure.toString());
        return new HubUnavailableException("The hub directory could not answer: " + why, config.retryAfter(), failure);
    }

    // --- small helpers ---

    private static String repoType(SubjectRef ref) {
        return switch (ref.repository().orElseThrow().kind()) {
            case MODEL -> "models";
            case DATASET -> "datasets";
            case SPACE -> "spaces";
            default -> throw new IllegalStateException("not a repository: " + ref);
        };
    }

    private static Visibility visibility(HubWire.RepoInfo info) {
        if (Boolean.TRUE.equals(info.isPrivate())) {
            return Visibility.PRIVATE;
        }
        var gated = info.gated();
        boolean isGated = gated != null
                && !gated.isNull()
                && !(gated.isBoolean() && !gated.booleanValue())
                && !(gated.isTextual()
                        && ("false".equals(gated.textValue())
                                || gated.textValue().isEmpty()));
        return isGated ? Visibility.GATED : Visibility.PUBLIC;
    }

    private static List<HubWire.Event> events(HubWire.Discussion discussion) {
        return discussion.events() == null ? List.of() : discussion.events();
    }

    /** A member the contract requires; an answer without it is not one the directory decides on. */
    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new HubRefusedException("the hub's answer lacks " + what);
        }
        return value;
    }
}

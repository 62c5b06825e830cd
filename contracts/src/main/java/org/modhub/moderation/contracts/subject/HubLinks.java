package org.modhub.moderation.contracts.subject;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds links in text (mail, notices) and turns the hub's own URLs into subjects — the one place
 * that knows the hub's URL layout:
 * {@code /<ns>/<model>}, {@code /datasets/<ns>/<name>}, {@code /spaces/<ns>/<name>}, with
 * {@code /blob|resolve/<revision>/<path>} (a file) or {@code /discussions/<n>} (a discussion)
 * after them, {@code /posts/<author>/<id>}, and {@code /<name>} alone (an account).
 */
public final class HubLinks {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"')\\]]+", Pattern.CASE_INSENSITIVE);
    private static final Set<String> RESERVED = Set.of(
            "models",
            "datasets",
            "spaces",
            "docs",
            "blog",
            "posts",
            "papers",
            "settings",
            "login",
            "join",
            "pricing",
            "enterprise",
            "api",
            "organizations",
            "collections",
            "tasks",
            "learn",
            "search",
            "notifications",
            "new",
            "terms-of-service",
            "privacy",
            "content-policy");

    private final String host;

    public HubLinks(String hubBaseUrl) {
        this.host = URI.create(hubBaseUrl).getHost().toLowerCase(java.util.Locale.ROOT);
    }

    /** Every http(s) link in {@code text}, in order, without duplicates and trailing punctuation. */
    public static List<String> links(String text) {
        Set<String> links = new LinkedHashSet<>();
        Matcher m = URL.matcher(text == null ? "" : text);
        while (m.find()) {
            links.add(m.group().replaceAll("[.,;:!?]+$", ""));
        }
        return new ArrayList<>(links);
    }

    /** Whether the link points at the hub. */
    public boolean isHubLink(String link) {
        try {
            String h = new URI(link).getHost();
            return h != null
                    && (h.equalsIgnoreCase(host)
                            || h.toLowerCase(java.util.Locale.ROOT).equals("www." + host));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The subject a hub link names, if it names one. */
    public Optional<SubjectRef> subject(String link) {
        if (!isHubLink(link)) {
            return Optional.empty();
        }
        try {
            String path = new URI(link).getRawPath();
            if (path == null) {
                return Optional.empty();
            }
            List<String> parts = new ArrayList<>();
            for (String part : path.split("/")) {
                if (!part.isEmpty()) {
                    parts.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
                }
            }
            return Optional.ofNullable(subject(parts));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static SubjectRef subject(List<String> p) {
        if (p.isEmpty()) {
            return null;
        }
        if (p.get(0).equals("posts") && p.size() >= 3) {
            return SubjectRef.post(p.get(1), p.get(2));
        }
        SubjectKind kind = switch (p.get(0)) {
            case "datasets" -> SubjectKind.DATASET;
            case "spaces" -> SubjectKind.SPACE;
            default -> SubjectKind.MODEL;
        };
        List<String> rest = kind == SubjectKind.MODEL ? p : p.subList(1, p.size());
        if (kind == SubjectKind.MODEL && RESERVED.contains(p.get(0))) {
            return null;
        }
        if (rest.size() == 1) {
            return kind == SubjectKind.MODEL ? SubjectRef.account(rest.get(0)) : null;
        }
        if (rest.size() < 2) {
            return null;
        }
        SubjectRef repo = SubjectRef.repository(kind, rest.get(0), rest.get(1));
        if (rest.size() >= 4 && rest.get(2).equals("discussions")) {
            return SubjectRef.discussion(repo, Integer.parseInt(rest.get(3)));
        }
        if (rest.size() >= 5 && (rest.get(2).equals("blob") || rest.get(2).equals("resolve"))) {
            return SubjectRef.file(repo, rest.get(3), String.join("/", rest.subList(4, rest.size())));
        }
        return repo;
    }
}

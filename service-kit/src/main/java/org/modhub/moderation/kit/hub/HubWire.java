package org.modhub.moderation.kit.hub;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hub's answers as {@code hub-api/openapi.yaml} gives them, only the members the directory reads. Unknown
 * members are ignored: the hub may add to its answers, and the services read their own bodies strictly.
 */
final class HubWire {

    private HubWire() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RepoInfo(
            String id,

            @com.fasterxml.jackson.annotation.JsonProperty("private")
            Boolean isPrivate,

            JsonNode gated,
            Instant createdAt,
            Instant lastModified,
            List<String> tags) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TreeEntry(String type, String oid, Long size, String path, Lfs lfs, LastCommit lastCommit) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Lfs(String oid, Long size) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LastCommit(String id, Instant date) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Discussion(Integer num, Boolean isPullRequest, Instant createdAt, Author author, List<Event> events) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(String id, String type, Instant createdAt, Author author) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Author(String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ModelSummary(String id, List<String> tags) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Account(
            String id,
            String name,
            String type,
            Instant createdAt,
            String email,
            String language,
            String country,
            List<Account> admins) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Post(String id, String author, Instant publishedAt, Instant updatedAt, List<PostComment> comments) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PostComment(String id, String author, Instant createdAt) {}
}

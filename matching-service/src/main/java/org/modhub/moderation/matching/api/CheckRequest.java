package org.modhub.moderation.matching.api;

import java.util.List;

/**
 * The hub asks about one upload.
 *
 * @param repository the uploaded repository's subject key ({@code model:mallory/llama-copy})
 * @param revision the commit, if the hub knows it (informational)
 * @param files the uploaded files with their LFS sha256
 * @param baseModels what the new card's {@code base_model} names, {@code <namespace>/<name>} each
 */
public record CheckRequest(String repository, String revision, List<FileEntry> files, List<String> baseModels) {

    public record FileEntry(String path, String sha256) {}
}

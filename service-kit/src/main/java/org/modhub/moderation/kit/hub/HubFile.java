package org.modhub.moderation.kit.hub;

/**
 * One file of a repository at a revision.
 *
 * @param path the path in the repository
 * @param size bytes
 * @param sha256 the LFS {@code oid} (sha256 of the content, lower-case hex); null for a file not in LFS
 * @param gitOid the git blob id
 */
public record HubFile(String path, long size, String sha256, String gitOid) {}

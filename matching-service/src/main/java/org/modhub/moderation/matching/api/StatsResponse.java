package org.modhub.moderation.matching.api;

import java.time.Instant;

/**
 * The bank in this replica's memory.
 *
 * @param hashes entries held (a hash banked by two sources counts twice), active or withdrawn
 * @param sources sources known
 * @param activeSources sources not withdrawn
 * @param memoryBytes bytes the index's arrays take
 * @param revision the bank revision this replica has loaded
 * @param loadedAt when the bank was first loaded; null while loading
 */
public record StatsResponse(
        long hashes, int sources, long activeSources, long memoryBytes, long revision, Instant loadedAt) {}

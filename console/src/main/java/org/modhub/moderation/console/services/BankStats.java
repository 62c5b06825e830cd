package org.modhub.moderation.console.services;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * matching-service's hash bank as the replica that answered holds it in memory.
 *
 * @param hashes entries held, active or withdrawn (a hash banked by two sources counts twice)
 * @param sources decisions and imported lists known
 * @param activeSources those not withdrawn
 * @param loadedAt when the replica first loaded the bank; null while it loads
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BankStats(
        long hashes, int sources, long activeSources, long memoryBytes, long revision, Instant loadedAt) {}

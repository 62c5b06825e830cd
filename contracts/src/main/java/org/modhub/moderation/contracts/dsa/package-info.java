/**
 * Enumerations of the EU DSA Transparency Database API (statement of reasons, API v2, in force
 * since 1 July 2025). Each constant's name is the exact string the API accepts, so
 * {@code name()} is what goes into a statement; the label is the API's own human text.
 *
 * <p>Source: the {@code digital-services-act/transparency-database} repository,
 * {@code app/Models/Statement.php} (decision, ground, source and content-type enumerations) and
 * {@code resources/markdown/api-documentation-two.md} (the v2 category and keyword lists).
 */
package org.modhub.moderation.contracts.dsa;

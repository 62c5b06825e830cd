/**
 * The content policy's taxonomy: its five restricted-content categories
 * ({@link org.modhub.moderation.contracts.taxonomy.PolicyCategory}), every example it lists as a
 * subcategory ({@link org.modhub.moderation.contracts.taxonomy.PolicySubcategory}) with a
 * {@link org.modhub.moderation.contracts.taxonomy.Severity} and its DSA Transparency Database
 * mapping, and lookups by code ({@link org.modhub.moderation.contracts.taxonomy.Taxonomy}).
 */
package org.modhub.moderation.contracts.taxonomy;

package org.modhub.moderation.reporting.api;

/**
 * Staff choose the category of a mailed report whose words named none.
 *
 * @param category a policy category code
 * @param subcategory optionally, one of its subcategory codes
 */
public record TriageRequest(String category, String subcategory) {}

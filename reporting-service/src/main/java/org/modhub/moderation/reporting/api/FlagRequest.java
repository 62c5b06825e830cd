package org.modhub.moderation.reporting.api;

import java.util.List;

/**
 * A flag from an automated detector or from staff (the hub's own initiative, or concerns raised
 * through other channels such as social media).
 *
 * @param subject what is flagged
 * @param category a policy category code
 * @param subcategory optionally, one of its subcategory codes
 * @param explanation what was detected or raised
 * @param evidenceUrls http(s) links; stored, never fetched
 * @param sourceType {@code SOURCE_VOLUNTARY} (default) or {@code SOURCE_TYPE_OTHER_NOTIFICATION}
 * @param automatedDetection whether automated means detected it; always true for detectors
 */
public record FlagRequest(
        SubjectInput subject,
        String category,
        String subcategory,
        String explanation,
        List<String> evidenceUrls,
        String sourceType,
        Boolean automatedDetection) {}

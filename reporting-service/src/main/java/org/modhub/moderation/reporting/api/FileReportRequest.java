package org.modhub.moderation.reporting.api;

import java.util.List;

/**
 * A report from the in-platform Report button (DSA Art. 16).
 *
 * @param subject what is reported
 * @param category a policy category code ({@code harmful_or_abusive})
 * @param subcategory optionally, one of its subcategory codes ({@code harassment})
 * @param explanation why the content breaks the policy or the law (required, bounded)
 * @param evidenceUrls http(s) links to evidence; stored, never fetched
 * @param jurisdiction the notifier's country, ISO 3166-1 alpha-2
 * @param allegesIllegalContent whether the report claims the content is illegal; defaults from the subcategory
 * @param goodFaithStatement the Art. 16(2)(d) statement; required when alleging illegal content
 * @param contactEmail where to send the receipt and outcome; defaults to the token's address
 * @param showReporterPublicly whether the public view of a repository report may name the reporter
 */
public record FileReportRequest(
        SubjectInput subject,
        String category,
        String subcategory,
        String explanation,
        List<String> evidenceUrls,
        String jurisdiction,
        Boolean allegesIllegalContent,
        Boolean goodFaithStatement,
        String contactEmail,
        Boolean showReporterPublicly) {}

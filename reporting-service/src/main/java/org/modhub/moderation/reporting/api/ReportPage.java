package org.modhub.moderation.reporting.api;

import java.util.List;

/** One page of reports, newest first; pass {@code nextCursor} as {@code cursor} for the next page (absent on the last). */
public record ReportPage(List<ReportResponse> items, String nextCursor) {
}

package org.modhub.moderation.notification.api;

import java.util.List;

/** A page of unmatched mail, newest first; pass {@code nextCursor} as {@code cursor} for the next one. */
public record UnmatchedMailPage(List<UnmatchedMailSummary> items, String nextCursor) {
}

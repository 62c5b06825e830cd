package org.modhub.moderation.appeals.api;

import java.util.List;

/** A list of appeals. */
public record AppealPage(List<AppealResponse> items) {
}

package org.modhub.moderation.appeals.domain;

import java.util.List;
import java.util.UUID;

/** A validated appeal before it is filed. */
public record NewAppeal(UUID decisionId, String arguments, List<String> evidenceUrls) {}

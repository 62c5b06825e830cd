package org.modhub.moderation.appeals.api;

import java.util.List;

/**
 * A reviewer's decision on an appeal.
 *
 * @param outcome UPHELD, REVERSED or MODIFIED
 * @param newActions the actions now taken: for MODIFIED, and for reversing a decision that took no action
 * @param explanation the reasons, as told to the appellant (required)
 * @param manifestlyUnfounded whether the appeal was manifestly unfounded (only with UPHELD; counts towards Art. 23)
 */
public record ResolveAppealRequest(
        String outcome, List<String> newActions, String explanation, Boolean manifestlyUnfounded) {}

package org.modhub.moderation.console.dmca;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modhub.moderation.console.dmca.DmcaViews.OwnerChoice;

/** Turns what the DMCA forms post into what dmca-service reads. */
final class DmcaForms {

    private DmcaForms() {}

    /** Blank form fields are absent fields: the service then names what is missing. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The uploaders legal ticked, one checkbox per subject and owner ({@code "<owner id> <subject key>"}),
     * grouped by owner; none ticked means "each subject's primary owner" (null, the service's default).
     */
    static List<OwnerChoice> owners(List<String> ticked) {
        if (ticked == null || ticked.isEmpty()) {
            return null;
        }
        Map<String, List<String>> byOwner = new LinkedHashMap<>();
        for (String pair : ticked) {
            int space = pair.indexOf(' ');
            if (space <= 0 || space == pair.length() - 1) {
                continue;
            }
            byOwner.computeIfAbsent(pair.substring(0, space), k -> new ArrayList<>())
                    .add(pair.substring(space + 1));
        }
        if (byOwner.isEmpty()) {
            return null;
        }
        return byOwner.entrySet().stream()
                .map(e -> new OwnerChoice(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }
}

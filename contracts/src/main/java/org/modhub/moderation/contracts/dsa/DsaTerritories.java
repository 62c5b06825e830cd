package org.modhub.moderation.contracts.dsa;

import java.util.List;

/**
 * Territorial scopes for the statement's {@code territorial_scope}: ISO 3166-1 alpha-2 codes of
 * the EU and EEA member states, as the Transparency Database accepts them. The hub's decisions
 * apply worldwide, so a statement usually carries {@link #EEA}.
 */
public final class DsaTerritories {

    /** The 27 EU member states. */
    public static final List<String> EU = List.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
            "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    /** The EU plus Iceland, Liechtenstein and Norway. */
    public static final List<String> EEA = List.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS", "IT", "LI",
            "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK");

    private DsaTerritories() {}
}

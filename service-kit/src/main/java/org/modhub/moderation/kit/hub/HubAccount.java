package org.modhub.moderation.kit.hub;

/**
 * A hub account, as the hub's internal API gives it to trusted services.
 *
 * @param id the stable account id, the {@code sub} of the account's tokens
 * @param name the handle, the namespace in subject keys
 * @param type user or organisation
 * @param email where notices go; null when the hub has none (an organisation without a contact)
 * @param language preferred language, a BCP 47 tag such as {@code de}; null when unknown
 * @param country ISO 3166-1 alpha-2 country of residence or establishment; null when unknown
 */
public record HubAccount(String id, String name, Type type, String email, String language, String country) {

    public enum Type {
        USER,
        ORGANIZATION
    }
}

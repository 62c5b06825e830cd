package org.modhub.moderation.kit.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.modhub.moderation.contracts.event.privacy.PrivacyRequested;

/**
 * The data subject of a request as every service matches them: by hub account id, by any of their e-mail addresses
 * (lower-cased), or both.
 *
 * @param accountId the hub account id; null when the person has none
 * @param emails lower-cased addresses; may be empty when an account is named
 * @param anonymousRef what replaces the person's identifiers where a record must stay ({@code erased:<request id>}):
 *     the same in every service, so anonymised records still line up with each other and with the request
 */
public record Person(String accountId, List<String> emails, String anonymousRef) {

    /** Matches no row (ids and addresses hold no spaces): SQL's {@code IN ()} may not be empty, and PostgreSQL refuses NUL. */
    private static final String NONE = " (none) ";

    public Person {
        emails = emails == null
                ? List.of()
                : emails.stream()
                        .map(e -> e.toLowerCase(Locale.ROOT))
                        .distinct()
                        .toList();
    }

    public static Person of(PrivacyRequested request) {
        return new Person(request.accountId(), request.emails(), anonymousRef(request.requestId()));
    }

    /** The reference that replaces a person's identifiers in records kept after an erasure. */
    public static String anonymousRef(UUID requestId) {
        return "erased:" + requestId;
    }

    public boolean hasAccount() {
        return accountId != null && !accountId.isBlank();
    }

    /** Whether {@code id} is this person's account id. */
    public boolean isAccount(String id) {
        return hasAccount() && accountId.equals(id);
    }

    /** Whether {@code address} (any case) is one of this person's addresses. */
    public boolean isEmail(String address) {
        return address != null && emails.contains(address.toLowerCase(Locale.ROOT));
    }

    /**
     * The keys services use for a person who acts without or with an account ({@code user:<id>},
     * {@code email:<address>}), as reporting's notifier keys and appeals' appellant keys spell them.
     */
    public List<String> partyKeys() {
        List<String> keys = new ArrayList<>();
        if (hasAccount()) {
            keys.add("user:" + accountId);
        }
        emails.forEach(e -> keys.add("email:" + e));
        return keys;
    }

    /** For SQL {@code col IN (:accounts)}: the account id, or a value no row holds when there is none. */
    public List<String> accountOrNone() {
        return List.of(hasAccount() ? accountId : NONE);
    }

    /** For SQL {@code lower(col) IN (:emails)}: the addresses, or a value no row holds when there are none. */
    public List<String> emailsOrNone() {
        return emails.isEmpty() ? List.of(NONE) : emails;
    }

    /**
     * What a free text may quote of the person: their addresses, party keys and {@code account:<id>} (a bare account
     * id could be an ordinary word), longest first so {@code email:x@y} is replaced whole before {@code x@y}.
     */
    public List<String> quotable() {
        List<String> quotable = new ArrayList<>(emails);
        quotable.addAll(partyKeys());
        if (hasAccount()) {
            quotable.add("account:" + accountId);
        }
        quotable.sort((a, b) -> b.length() - a.length());
        return quotable;
    }

    /** A PostgreSQL regular expression matching any of {@link #quotable()} literally (use it with {@code ~*}). */
    public String quotePattern() {
        return String.join("|", quotable().stream().map(Person::regexLiteral).toList());
    }

    /** A PostgreSQL regular expression matching {@code text} literally. */
    public static String regexLiteral(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if ("\\.^$|?*+()[]{}".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Every identifier of the person a record may hold verbatim: account id, addresses and party keys. */
    public List<String> identifiers() {
        List<String> ids = new ArrayList<>();
        if (hasAccount()) {
            ids.add(accountId);
        }
        ids.addAll(emails);
        ids.addAll(partyKeys());
        return ids;
    }
}

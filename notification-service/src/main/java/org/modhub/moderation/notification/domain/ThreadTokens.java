package org.modhub.moderation.notification.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Plus-address tokens: {@code safety+t7k2...@hub} names a thread (report, notice, appeal) without revealing its key,
 * and cannot be guessed to inject mail into somebody else's thread. One token per thread key, kept forever.
 */
@ApplicationScoped
public class ThreadTokens {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern TOKEN = Pattern.compile("t[a-z2-7]{24}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The token of a thread key, created on first use. Runs in the caller's transaction. */
    public Uni<String> tokenFor(String threadKey, Instant now) {
        // A new thread answers in one statement; an existing one (or one a concurrent transaction just created, which
        // the
        // insert waited for) is read by a second, whose snapshot sees it.
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO mail_thread (token, thread_key, created_at) VALUES (:token, :key, :now) ON CONFLICT (thread_key) DO NOTHING "
                                        + "RETURNING token",
                                String.class)
                        .setParameter("token", newToken())
                        .setParameter("key", threadKey)
                        .setParameter("now", now)
                        .getResultList()
                        .chain(created -> !created.isEmpty()
                                ? Uni.createFrom().item(created.get(0))
                                : s.createNativeQuery(
                                                "SELECT token FROM mail_thread WHERE thread_key = :key", String.class)
                                        .setParameter("key", threadKey)
                                        .getSingleResult()));
    }

    /** The thread key a token stands for, or null for an unknown (or forged) token. */
    public Uni<String> threadOf(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT thread_key FROM mail_thread WHERE token = :token", String.class)
                        .setParameter("token", token)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** {@code safety@hub.example} and token → {@code safety+<token>@hub.example}. */
    public static String replyAddress(String mailboxAddress, String token) {
        int at = mailboxAddress.indexOf('@');
        return mailboxAddress.substring(0, at) + "+" + token + mailboxAddress.substring(at);
    }

    /** The token in a plus-address of {@code mailboxAddress} ({@code safety+<token>@...}), or null. */
    public static String tokenIn(String address, String mailboxAddress) {
        if (address == null) {
            return null;
        }
        int at = mailboxAddress.indexOf('@');
        Pattern plus = Pattern.compile(
                Pattern.quote(mailboxAddress.substring(0, at).toLowerCase(Locale.ROOT)) + "\\+([a-z0-9]+)"
                        + Pattern.quote(mailboxAddress.substring(at).toLowerCase(Locale.ROOT)));
        Matcher m = plus.matcher(address.strip().toLowerCase(Locale.ROOT));
        return m.matches() ? m.group(1) : null;
    }

    static String newToken() {
        StringBuilder token = new StringBuilder("t");
        for (int i = 0; i < 24; i++) {
            token.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return token.toString();
    }
}

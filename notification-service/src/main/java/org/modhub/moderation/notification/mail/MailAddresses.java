package org.modhub.moderation.notification.mail;

import java.util.Locale;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Extracts the bare address from a header value ({@code "Kim" <Kim@Example.org>} → {@code kim@example.org}), to compare
 * a sender with our own addresses. Not a validity check: what cannot be parsed is compared as written.
 */
public final class MailAddresses {

    private MailAddresses() {}

    public static String bare(String address) {
        if (address == null) {
            return "";
        }
        try {
            return new InternetAddress(address).getAddress().toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            return address.strip().toLowerCase(Locale.ROOT);
        }
    }
}

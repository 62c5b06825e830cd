package org.modhub.moderation.devstack;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.logging.Logger;

import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.devstack.internal.ContextClassLoader;
import org.modhub.moderation.devstack.internal.Ports;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * SMTP and IMAP: an in-process GreenMail with the safety@, dmca@, legal@, feedback@ and noreply@ mailboxes
 * (every one of {@code Mailboxes.ALL} plus the sender),
 * or an external server. Tests send and read over the wire ({@link #send}, {@link #messages}), so
 * the same test code works against either.
 * <p>
 * Every mailbox logs in with its full address. Plus-addressing works: mail to
 * {@code safety+r-42@hub.localhost} lands in safety@'s inbox with the {@code To} header intact.
 * Mail to any other address is accepted too; GreenMail then creates a user whose password is the
 * address, which is how {@link #messages(String)} reads it.
 * <p>
 * GreenMail keeps its store in memory: after {@link #stop()} and {@link #start()} (same ports) the
 * messages from before are gone.
 */
public final class MailServer extends ManagedServer {

    private static final Logger LOG = Logger.getLogger(MailServer.class.getName());

    /** The mailboxes that get users: every inbox of {@code Mailboxes.ALL} (safety, dmca, legal, feedback) and the sender. */
    public static final List<String> MAILBOXES = mailboxes();

    private final String smtpHost;
    private final int smtpPort;
    private final String imapHost;
    private final int imapPort;
    private final String domain;
    private final Map<String, String> passwords;

    private GreenMail greenMail;

    private MailServer(
            String smtpHost,
            int smtpPort,
            String imapHost,
            int imapPort,
            String domain,
            Map<String, String> passwords,
            boolean embedded,
            Function<String, String> remote) {
        super("mail server", embedded, remote);
        this.smtpHost = smtpHost;
        this.smtpPort = smtpPort;
        this.imapHost = imapHost;
        this.imapPort = imapPort;
        this.domain = domain;
        this.passwords = Map.copyOf(passwords);
        for (String mailbox : MAILBOXES) {
            Objects.requireNonNull(passwords.get(mailbox), () -> "no password for mailbox " + mailbox);
        }
    }

    /**
     * Starts GreenMail.
     *
     * @param smtpPort  0 for a free port
     * @param imapPort  0 for a free port
     * @param passwords mailbox name ({@link #MAILBOXES}) to password; see {@link #randomPasswords()}
     */
    public static MailServer startEmbedded(int smtpPort, int imapPort, String domain, Map<String, String> passwords) {
        int smtp = Ports.orFree(smtpPort);
        int imap = imapPort > 0 ? imapPort : Ports.freePortOtherThan(smtp);
        MailServer server =
                new MailServer(DevStackDefaults.HOST, smtp, DevStackDefaults.HOST, imap, domain, passwords, true, null);
        server.start();
        return server;
    }

    /** An external SMTP/IMAP server holding the mailboxes; nothing is started. */
    public static MailServer external(
            String smtpHost,
            int smtpPort,
            String imapHost,
            int imapPort,
            String domain,
            Map<String, String> passwords) {
        return new MailServer(smtpHost, smtpPort, imapHost, imapPort, domain, passwords, false, null);
    }

    static MailServer remote(
            String smtpHost,
            int smtpPort,
            String imapHost,
            int imapPort,
            String domain,
            Map<String, String> passwords,
            Function<String, String> control) {
        return new MailServer(smtpHost, smtpPort, imapHost, imapPort, domain, passwords, false, control);
    }

    /** A fresh random password for each of {@link #MAILBOXES}. */
    public static Map<String, String> randomPasswords() {
        SecureRandom random = new SecureRandom();
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String mailbox : MAILBOXES) {
            byte[] bytes = new byte[12];
            random.nextBytes(bytes);
            passwords.put(mailbox, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return passwords;
    }

    public String smtpHost() {
        return smtpHost;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public String imapHost() {
        return imapHost;
    }

    public int imapPort() {
        return imapPort;
    }

    public String domain() {
        return domain;
    }

    /** {@code safety} → {@code safety@hub.localhost}; the IMAP login of that mailbox too. */
    public String address(String mailbox) {
        return mailbox + "@" + domain;
    }

    /** The address the services send from ({@code noreply@…}). */
    public String sender() {
        return address(DevStackDefaults.SENDER_MAILBOX);
    }

    public String password(String mailbox) {
        String password = passwords.get(mailbox);
        if (password == null) {
            throw new IllegalArgumentException("unknown mailbox " + mailbox + "; known: " + MAILBOXES);
        }
        return password;
    }

    /** Mailbox name to password, for {@link #MAILBOXES}. */
    public Map<String, String> passwords() {
        return passwords;
    }

    /** The running GreenMail, for what only it can do; empty for an external server. */
    public Optional<GreenMail> greenMail() {
        return Optional.ofNullable(greenMail);
    }

    /** A session whose default transport is this SMTP server, for building richer messages. */
    public Session smtpSession() {
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", smtpHost);
        properties.setProperty("mail.smtp.port", Integer.toString(smtpPort));
        properties.setProperty("mail.smtp.connectiontimeout", "5000");
        properties.setProperty("mail.smtp.timeout", "10000");
        return Session.getInstance(properties);
    }

    /** Sends a plain-text mail over SMTP; returns its {@code Message-ID}. */
    public String send(String from, String to, String subject, String text) {
        return ContextClassLoader.with(MailServer.class.getClassLoader(), () -> sendText(from, to, subject, text));
    }

    private String sendText(String from, String to, String subject, String text) {
        try {
            MimeMessage message = new MimeMessage(smtpSession());
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            return send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot send mail to " + to + " via " + smtpHost + ":" + smtpPort, e);
        }
    }

    /** Sends a message built on {@link #smtpSession()}; returns its {@code Message-ID}. */
    public String send(MimeMessage message) {
        return ContextClassLoader.with(MailServer.class.getClassLoader(), () -> {
            try {
                message.saveChanges();
                Transport.send(message);
                return message.getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException("cannot send mail via " + smtpHost + ":" + smtpPort, e);
            }
        });
    }

    /**
     * Every message in the INBOX of a mailbox ({@code "safety"}) or address
     * ({@code "alice@example.org"}), oldest first, read over IMAP without marking anything seen.
     * An address nobody has written to yet has no messages.
     */
    public List<ReceivedMail> messages(String mailboxOrAddress) {
        return ContextClassLoader.with(MailServer.class.getClassLoader(), () -> readInbox(loginOf(mailboxOrAddress)));
    }

    private List<ReceivedMail> readInbox(String login) {
        try (Store store = imapSession().getStore("imap")) {
            store.connect(imapHost, imapPort, login, passwordOf(login));
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<ReceivedMail> result = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    result.add(ReceivedMail.of((MimeMessage) message));
                }
                return result;
            } finally {
                inbox.close(false);
            }
        } catch (AuthenticationFailedException e) {
            return List.of();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(
                    "cannot read the inbox of " + login + " via " + imapHost + ":" + imapPort, e);
        }
    }

    /** Deletes every message in the INBOX of a mailbox or address. */
    public void deleteMessages(String mailboxOrAddress) {
        ContextClassLoader.run(MailServer.class.getClassLoader(), () -> emptyInbox(loginOf(mailboxOrAddress)));
    }

    private void emptyInbox(String login) {
        try (Store store = imapSession().getStore("imap")) {
            store.connect(imapHost, imapPort, login, passwordOf(login));
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message message : inbox.getMessages()) {
                message.setFlag(Flags.Flag.DELETED, true);
            }
            inbox.close(true);
        } catch (AuthenticationFailedException e) {
            // No such user yet, so no messages.
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot empty the inbox of " + login, e);
        }
    }

    /** Deletes every message: of all users in GreenMail, of {@link #MAILBOXES} on an external server. */
    public void deleteAllMessages() {
        if (ranRemotely("purge")) {
            return;
        }
        if (greenMail != null) {
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (FolderException e) {
                throw new IllegalStateException("cannot purge GreenMail", e);
            }
            return;
        }
        MAILBOXES.forEach(this::deleteMessages);
    }

    @Override
    void startEmbedded() {
        if (greenMail != null) {
            return;
        }
        GreenMailConfiguration configuration = GreenMailConfiguration.aConfig()
                // safety+<thread>@ is delivered to safety@, the way replies are threaded.
                .withSieveIgnoreDetail();
        for (String mailbox : MAILBOXES) {
            configuration = configuration.withUser(address(mailbox), address(mailbox), passwords.get(mailbox));
        }
        GreenMail server = new GreenMail(new ServerSetup[] {
                    new ServerSetup(smtpPort, smtpHost, ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(imapPort, imapHost, ServerSetup.PROTOCOL_IMAP)
                })
                .withConfiguration(configuration);
        // Its server threads inherit the context class loader; they parse mail with Jakarta Mail.
        ContextClassLoader.run(MailServer.class.getClassLoader(), server::start);
        greenMail = server;
        LOG.info(() ->
                String.format("GreenMail started: SMTP %s:%d, IMAP %s:%d", smtpHost, smtpPort, imapHost, imapPort));
    }

    @Override
    void stopEmbedded() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    @Override
    boolean runsEmbedded() {
        return greenMail != null;
    }

    @Override
    String otherAction(String action) {
        if (!action.equals("purge")) {
            return super.otherAction(action);
        }
        deleteAllMessages();
        return "";
    }

    @Override
    String location() {
        return smtpHost;
    }

    private Session imapSession() {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.connectiontimeout", "5000");
        properties.setProperty("mail.imap.timeout", "10000");
        return Session.getInstance(properties);
    }

    private String loginOf(String mailboxOrAddress) {
        String value = mailboxOrAddress.trim().toLowerCase(Locale.ROOT);
        return value.contains("@") ? value : address(value);
    }

    /** Our mailboxes' passwords; GreenMail gives a user it created on delivery its address. */
    private String passwordOf(String login) {
        for (String mailbox : MAILBOXES) {
            if (address(mailbox).equalsIgnoreCase(login)) {
                return passwords.get(mailbox);
            }
        }
        return login;
    }

    private static List<String> mailboxes() {
        List<String> all = new ArrayList<>(Mailboxes.ALL);
        all.add(DevStackDefaults.SENDER_MAILBOX);
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return "mail SMTP " + smtpHost + ":" + smtpPort + ", IMAP " + imapHost + ":" + imapPort
                + (isEmbedded() ? " (GreenMail)" : " (external)");
    }
}

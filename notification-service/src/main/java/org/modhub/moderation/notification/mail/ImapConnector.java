package org.modhub.moderation.notification.mail;

import java.util.Properties;

import org.modhub.moderation.notification.config.NotificationConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/** Opens IMAP connections to the configured server (blocking; callers run on worker threads). */
@ApplicationScoped
public class ImapConnector {

    private final NotificationConfig.Imap imap;
    private final Session session;

    public ImapConnector(NotificationConfig config) {
        this.imap = config.inbound().imap();
        String protocol = imap.ssl() ? "imaps" : "imap";
        Properties properties = new Properties();
        String timeout = Long.toString(imap.timeout().toMillis());
        properties.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        properties.setProperty("mail." + protocol + ".timeout", timeout);
        properties.setProperty("mail." + protocol + ".writetimeout", timeout);
        // Lenient parsing of what senders get wrong; we still quarantine what cannot be read at all.
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.base64.ignoreerrors", "true");
        properties.setProperty("mail.mime.decodefilename", "true");
        this.session = Session.getInstance(properties);
    }

    public Store connect(String user, String password) throws MessagingException {
        Store store = session.getStore(imap.ssl() ? "imaps" : "imap");
        store.connect(imap.host(), imap.port(), user, password);
        return store;
    }

    /** The session, also for parsing raw messages with the same lenient settings. */
    public Session session() {
        return session;
    }
}

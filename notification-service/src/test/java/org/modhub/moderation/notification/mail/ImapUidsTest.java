package org.modhub.moderation.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;

/**
 * Two sessions on one mailbox of a real IMAP server (GreenMail, as devstack runs it): one expunges a message while the
 * other, which found its message before that, changes it. The change must land on the message found, never on the one
 * that now has its number (an erasure once deleted another person's journal copies this way).
 */
class ImapUidsTest {

    private static final String USER = "journal@hub.test";
    private static final String PASSWORD = "secret";

    private GreenMail server;
    private Session session;

    @BeforeEach
    void start() throws Exception {
        server = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        server.start();
        server.setUser(USER, USER, PASSWORD);
        session = Session.getInstance(new Properties());
        for (int i = 1; i <= 5; i++) {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    // keep the Message-ID set below
                }
            };
            message.setFrom(new InternetAddress("noreply@hub.test"));
            message.setRecipients(Message.RecipientType.TO, "person" + i + "@example.org");
            message.setHeader("Message-ID", id(i));
            message.setSubject("mail " + i);
            message.setText("body of mail " + i);
            message.saveChanges();
            server.getManagers().getUserManager().getUser(USER).deliver(message);
        }
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aDeletionByUidHitsTheMessageFoundThoughAnotherSessionExpungedAnEarlierOne() throws Exception {
        try (Store mine = connect();
                Store theirs = connect()) {
            Folder inbox = mine.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] found = inbox.search(new HeaderTerm("Message-ID", id(4)));
            long[] uids = ImapUids.fetch(inbox, found, "Message-ID");
            assertThat(found[0].getHeader("Message-ID")).containsExactly(id(4));

            expunge(theirs, 1);

            ImapUids.delete(inbox, List.of(uids[0]));
            inbox.close(true);
        }
        assertThat(messageIds("INBOX")).containsExactly(id(2), id(3), id(5));
    }

    @Test
    void aMoveAndAReadByUidTakeTheMessageFoundThoughAnotherSessionExpungedAnEarlierOne() throws Exception {
        byte[] body;
        try (Store mine = connect();
                Store theirs = connect()) {
            Folder processed = mine.getFolder("Processed");
            processed.create(Folder.HOLDS_MESSAGES);
            Folder inbox = mine.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] all = inbox.getMessages();
            long[] uids = ImapUids.fetch(inbox, all, "Message-ID");

            expunge(theirs, 1);

            body = ImapUids.body(inbox, uids[2], "");
            ImapUids.move(inbox, uids[2], "Processed");
            ImapUids.markSeen(inbox, List.of(uids[3]));
            assertThat(ImapUids.body(inbox, uids[0], ""))
                    .as("a message another session expunged")
                    .isNull();
            inbox.close(true);
        }
        assertThat(new String(body, StandardCharsets.UTF_8)).contains(id(3), "body of mail 3");
        assertThat(messageIds("Processed")).containsExactly(id(3));
        assertThat(messageIds("INBOX")).containsExactly(id(2), id(4), id(5));
        try (Store store = connect()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> seen = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                if (message.isSet(Flags.Flag.SEEN)) {
                    seen.add(message.getHeader("Message-ID")[0]);
                }
            }
            inbox.close(false);
            assertThat(seen).containsExactly(id(4));
        }
    }

    private Store connect() throws MessagingException {
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", server.getImap().getPort(), USER, PASSWORD);
        return store;
    }

    /** Another session deletes message {@code i} and expunges at once. */
    private static void expunge(Store store, int i) throws MessagingException {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        for (Message message : inbox.search(new HeaderTerm("Message-ID", id(i)))) {
            message.setFlag(Flags.Flag.DELETED, true);
        }
        inbox.close(true);
    }

    private List<String> messageIds(String folderName) throws MessagingException {
        try (Store store = connect()) {
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            List<String> ids = new ArrayList<>();
            for (Message message : folder.getMessages()) {
                ids.add(message.getHeader("Message-ID")[0]);
            }
            folder.close(false);
            return ids;
        }
    }

    private static String id(int i) {
        return "<mail-" + i + "@hub.test>";
    }
}

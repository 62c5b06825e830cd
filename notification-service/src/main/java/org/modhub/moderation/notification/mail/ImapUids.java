package org.modhub.moderation.notification.mail;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;

/**
 * What changes a mailbox names each message by its UID, never by its message number. Several sessions work on the same
 * folders at once (the gateway, the erasure, the journal purge, a retry asking the journal, another replica), and a
 * message number names another message once one of them expunges: a server that numbers by the folder rather than by
 * the session (GreenMail does) then deletes or moves the wrong mail. Each call runs one IMAP command on the open folder.
 */
final class ImapUids {

    private ImapUids() {}

    /**
     * Loads, in one FETCH, each message's UID with the envelope, size and the named headers, so what is read of a
     * message and the UID it is later changed by belong to the same mail. Returns the UIDs in the order given.
     */
    static long[] fetch(Folder folder, Message[] messages, String... headers) throws MessagingException {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.SIZE);
        for (String header : headers) {
            profile.add(header);
        }
        folder.fetch(messages, profile);
        long[] uids = new long[messages.length];
        for (int i = 0; i < messages.length; i++) {
            uids[i] = ((UIDFolder) folder).getUID(messages[i]);
        }
        return uids;
    }

    /** Marks these messages deleted (expunged when the folder closes with expunge); a UID already gone is skipped. */
    static void delete(Folder folder, Collection<Long> uids) throws MessagingException {
        store(folder, uids, "+FLAGS.SILENT (\\Deleted)");
    }

    /** Marks these messages seen. */
    static void markSeen(Folder folder, Collection<Long> uids) throws MessagingException {
        store(folder, uids, "+FLAGS.SILENT (\\Seen)");
    }

    /** Copies one message to {@code target} (a folder of the same login) and marks it deleted here. */
    static void move(Folder folder, long uid, String target) throws MessagingException {
        ((IMAPFolder) folder).doCommand(protocol -> {
            Argument args = new Argument();
            args.writeAtom(Long.toString(uid));
            args.writeString(target);
            protocol.simpleCommand("UID COPY", args);
            return null;
        });
        delete(folder, List.of(uid));
    }

    /**
     * One part of a message, unread flag untouched: {@code ""} for the whole message, {@code "HEADER"} for its header
     * lines. Null when the message is gone (another session expunged it).
     */
    static byte[] body(Folder folder, long uid, String section) throws MessagingException {
        return (byte[]) ((IMAPFolder) folder).doCommand(protocol -> {
            Response[] responses = protocol.command("UID FETCH " + uid + " (UID BODY.PEEK[" + section + "])", null);
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            for (Response response : responses) {
                if (response instanceof FetchResponse fetch) {
                    UID id = fetch.getItem(UID.class);
                    BODY body = fetch.getItem(BODY.class);
                    if (id != null && id.uid == uid && body != null && body.getByteArray() != null) {
                        return body.getByteArray().getNewBytes();
                    }
                }
            }
            return null;
        });
    }

    private static void store(Folder folder, Collection<Long> uids, String flags) throws MessagingException {
        if (uids.isEmpty()) {
            return;
        }
        String set = uids.stream().map(String::valueOf).collect(Collectors.joining(","));
        ((IMAPFolder) folder).doCommand(protocol -> {
            protocol.simpleCommand("UID STORE " + set + " " + flags, null);
            return null;
        });
    }
}

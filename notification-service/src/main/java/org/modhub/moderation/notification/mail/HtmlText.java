package org.modhub.moderation.notification.mail;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns an HTML mail body into readable plain text: block elements become line breaks, list items dashes, links keep
 * their target. Anyone can mail us HTML, so nothing here is left to the input's size or shape: HTML over
 * {@code maxHtmlChars} is refused before any parsing, the rest is parsed by jsoup (a real HTML5 tree builder, linear in
 * the input, its element depth capped so 100,000 nested {@code <div>}s cost no more than a flat page), a tree nested
 * deeper than {@link #MAX_DEPTH} (no mail client writes that) is refused, the tree is walked without recursion, the text
 * stops growing at {@code maxTextChars}, and all of it gives up at the deadline. A refusal is
 * {@link UnreadableHtmlException}: the gateway quarantines the mail. (The regular expressions this replaced backtracked
 * for minutes over 400 KB of unclosed {@code <script>} tags and stalled the whole gateway.)
 */
public final class HtmlText {

    /** Elements whose content is never text a person wrote to us. */
    private static final Set<String> DROPPED =
            Set.of("head", "script", "style", "title", "template", "noscript", "svg", "math", "object", "iframe");
    /** Elements that start and end a line. */
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "table",
            "blockquote",
            "pre",
            "section",
            "article",
            "header",
            "footer",
            "address",
            "hr",
            "dl",
            "dt",
            "dd",
            "form",
            "fieldset");
    /** HTML nested deeper than this is refused; legitimate mail (table layouts included) stays far below. */
    static final int MAX_DEPTH = 256;
    /**
     * The tree builder attaches deeper elements to their ancestor at this depth, which bounds its work per element (it
     * grows with the depth: 100,000 nested divs take 0.4 s at 264, 1.4 s at jsoup's default 512). Just past
     * {@link #MAX_DEPTH}, so a tree that hit it is still seen to be too deep.
     */
    private static final int PARSER_MAX_DEPTH = MAX_DEPTH + 8;

    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0]+");
    private static final Pattern LINE_EDGES = Pattern.compile(" ?\n ?");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private HtmlText() {}

    /** As {@link #toText(String, int, int, long)} with generous limits and no deadline (previews, tests). */
    public static String toText(String html) {
        return toText(html, 1 << 20, 1 << 20, Long.MAX_VALUE);
    }

    /**
     * @param maxHtmlChars longer HTML is refused unread
     * @param maxTextChars the text stops here
     * @param deadlineNanos {@link System#nanoTime()} after which the conversion fails
     * @throws UnreadableHtmlException when the HTML is too long or too deep, or the deadline passed (or the thread was
     *     interrupted) before the text was done
     */
    public static String toText(String html, int maxHtmlChars, int maxTextChars, long deadlineNanos) {
        if (html.length() > maxHtmlChars) {
            throw new UnreadableHtmlException(
                    "the HTML body has " + html.length() + " characters, more than the " + maxHtmlChars + " read");
        }
        Document document;
        try {
            document = Parser.htmlParser()
                    .setMaxDepth(PARSER_MAX_DEPTH)
                    .parseInput(new DeadlineReader(html, deadlineNanos), "");
        } catch (UncheckedIOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DeadlineException) {
                    throw new UnreadableHtmlException(TIMED_OUT);
                }
            }
            throw e;
        }
        TextBuilder builder = new TextBuilder(maxTextChars, deadlineNanos);
        NodeTraversor.filter(builder, document);
        if (builder.refused != null) {
            throw new UnreadableHtmlException(builder.refused);
        }
        String text = SPACES.matcher(builder.out).replaceAll(" ");
        text = LINE_EDGES.matcher(text).replaceAll("\n");
        text = BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
        return text.length() > maxTextChars ? text.substring(0, maxTextChars) : text;
    }

    /** Whether the deadline ({@link System#nanoTime()}, {@code Long.MAX_VALUE} for none) has passed. */
    static boolean passed(long deadlineNanos) {
        return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
    }

    private static final String TIMED_OUT = "the HTML body could not be read within the time budget";

    /** The HTML is refused: too long, too deep, or not read in time. */
    public static final class UnreadableHtmlException extends RuntimeException {
        UnreadableHtmlException(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Walks the tree iteratively (no stack depth from the input), writing text as it goes. */
    private static final class TextBuilder implements NodeFilter {
        final StringBuilder out = new StringBuilder();
        private final int maxChars;
        private final long deadline;
        private final java.util.ArrayDeque<Integer> linkStarts = new java.util.ArrayDeque<>();
        private int visited;
        String refused;

        TextBuilder(int maxChars, long deadline) {
            this.maxChars = maxChars;
            this.deadline = deadline;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if ((++visited & 1023) == 0 && passed(deadline)) {
                refused = TIMED_OUT;
                return FilterResult.STOP;
            }
            if (depth > MAX_DEPTH) {
                refused = "the HTML body is nested deeper than " + MAX_DEPTH + " elements";
                return FilterResult.STOP;
            }
            if (out.length() > maxChars + 1000) {
                return FilterResult.STOP;
            }
            if (node instanceof TextNode text) {
                out.append(text.getWholeText().replace('\n', ' '));
            } else if (node instanceof Element element) {
                String name = element.normalName();
                if (DROPPED.contains(name)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (name.equals("br")) {
                    out.append('\n');
                } else if (name.equals("li")) {
                    out.append("\n- ");
                } else if (BLOCKS.contains(name)) {
                    out.append('\n');
                } else if (name.equals("a")) {
                    linkStarts.push(out.length());
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element) {
                String name = element.normalName();
                if (BLOCKS.contains(name)) {
                    out.append('\n');
                } else if (name.equals("a") && !linkStarts.isEmpty()) {
                    int start = linkStarts.pop();
                    String href = element.attr("href").strip();
                    if (!href.isEmpty()) {
                        String label =
                                out.substring(Math.min(start, out.length())).strip();
                        if (label.isEmpty()) {
                            out.append(href);
                        } else if (!label.equals(href)) {
                            out.append(" (").append(href).append(')');
                        }
                    }
                }
            }
            return FilterResult.CONTINUE;
        }
    }

    /** Thrown inside the parser's reads once the deadline passed. */
    private static final class DeadlineException extends IOException {
        DeadlineException() {
            super("deadline passed", null);
        }
    }

    /**
     * Feeds the parser in chunks and fails a read after the deadline: the tree builder cannot run on unchecked for
     * longer than one chunk's work.
     */
    private static final class DeadlineReader extends Reader {
        private final StringReader in;
        private final long deadline;

        DeadlineReader(String text, long deadline) {
            this.in = new StringReader(text);
            this.deadline = deadline;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (passed(deadline) || Thread.currentThread().isInterrupted()) {
                throw new DeadlineException();
            }
            return in.read(buffer, offset, Math.min(length, 8192));
        }

        @Override
        public void close() {
            in.close();
        }
    }
}

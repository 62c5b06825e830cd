package org.modhub.moderation.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Expand, then contract (MIGRATIONS.md): a release's migrations may only expand the schema, because the release
 * before it still runs on the same database during a rolling upgrade. Released migrations are frozen: each module
 * lists them, with their SHA-256, in {@value #RELEASED_LIST} ({@code sha256sum} lines).
 *
 * <p>The SQL check is a linear scan: comments, string literals and dollar-quoted bodies are blanked, the rest is split
 * on {@code ;}, and each statement is matched case-insensitively against the contract steps of {@link #contractSteps}.
 * A contract step passes only under a marker comment, on a line above the statement or inside it:
 * {@code -- contract: <what>, unused since <released migration of the module>}.
 */
final class MigrationRules {

    /** At each module's root, one line per released migration: {@code <sha256>  src/main/resources/db/<dir>/V….sql}. */
    static final String RELEASED_LIST = "released-migrations.txt";

    /** The kit's migrations ({@code db/kit}) run in every service's database beside the service's own. */
    static final String KIT_MODULE = "service-kit";

    static final String MIGRATIONS = "src/main/resources/db";

    record Migration(String name, String sql) {}

    record Violation(String migration, int line, String message) {
        @Override
        public String toString() {
            return migration + ":" + line + ": " + message;
        }
    }

    /** One statement with literals blanked and whitespace collapsed, the line it starts on, and its markers. */
    record Statement(String text, int line, List<Marker> markers) {}

    record Marker(String text, int line) {}

    private static final Pattern MARKER = Pattern.compile("^\\s*contract:", Pattern.CASE_INSENSITIVE);
    private static final Pattern SINCE = Pattern.compile("\\bsince\\s+(V[^\\s,;]+\\.sql)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");
    private static final Pattern RELEASED_LINE = Pattern.compile("([0-9a-f]{64})  (\\S+)");

    private static final String NAME = "([\\w.\"]+)";
    private static final Pattern CREATE = Pattern.compile(
            "^create\\s+(?:unique\\s+)?(?:(?:temp|temporary|unlogged)\\s+)?"
                    + "(?:table|index|view|materialized\\s+view|function|procedure|type|sequence|trigger|domain)\\s+"
                    + "(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?"
                    + NAME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP = Pattern.compile(
            "^drop\\s+(materialized\\s+view|\\w+)\\s+(?:concurrently\\s+)?(?:if\\s+exists\\s+)?(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRUNCATE =
            Pattern.compile("^truncate\\s+(?:table\\s+)?(?:only\\s+)?(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "^alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?" + NAME + "\\s*\\*?\\s+(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER_OTHER = Pattern.compile(
            "^alter\\s+(materialized\\s+view|\\w+)\\s+(?:if\\s+exists\\s+)?" + NAME + "(?:\\s*\\([^)]*\\))?\\s+(.*)$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern RENAME = Pattern.compile("^rename\\b|^set\\s+schema\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_CONSTRAINT =
            Pattern.compile("^drop\\s+constraint\\s+(?:if\\s+exists\\s+)?(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_COLUMN =
            Pattern.compile("^drop\\s+(?:column\\s+)?(?:if\\s+exists\\s+)?(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER_COLUMN =
            Pattern.compile("^alter\\s+(?:column\\s+)?(\\S+)\\s+(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TYPE_CHANGE =
            Pattern.compile("^(?:set\\s+data\\s+)?type\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SET_NOT_NULL = Pattern.compile("^set\\s+not\\s+null\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern COLUMN_DROPS =
            Pattern.compile("^drop\\s+(default|identity|expression)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_TABLE_CONSTRAINT = Pattern.compile(
            "^add\\s+(?:constraint|check|unique|primary\\s+key|foreign\\s+key|exclude)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_COLUMN =
            Pattern.compile("^add\\s+(?:column\\s+)?(?:if\\s+not\\s+exists\\s+)?(\\S+)(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern REQUIRED =
            Pattern.compile("\\bnot\\s+null\\b|\\bprimary\\s+key\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILLED = Pattern.compile(
            "\\b(?:default|generated|smallserial|serial|bigserial|serial[248])\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_CONTRACT = Pattern.compile(
            "\\brename\\b|\\bset\\s+schema\\b|\\bset\\s+not\\s+null\\b|\\bdrop\\b(?!\\s+not\\s+null)",
            Pattern.CASE_INSENSITIVE);

    private MigrationRules() {}

    /** One migration alone, nothing released: what unit tests feed. */
    static List<Violation> check(String sql) {
        return check(List.of(new Migration("V0__test.sql", sql)), Set.of());
    }

    /**
     * The unmarked contract steps of a module's unreleased migrations (in version order), and the markers that name
     * no released migration of the module ({@code released}: file names) or excuse no contract step. What a pending
     * migration creates may be changed or dropped by it or a later pending one: the release before never saw it.
     */
    static List<Violation> check(List<Migration> pending, Set<String> released) {
        Set<String> created = new HashSet<>();
        List<Violation> violations = new ArrayList<>();
        for (Migration migration : pending) {
            for (Statement statement : statements(migration.sql())) {
                List<String> steps = contractSteps(statement.text(), created);
                if (statement.markers().isEmpty()) {
                    for (String step : steps) {
                        violations.add(new Violation(
                                migration.name(),
                                statement.line(),
                                step + ": a contract step, which breaks the release before, still running during a"
                                        + " rolling upgrade; it comes a release later, marked"
                                        + " '-- contract: <what>, unused since <released migration>'"));
                    }
                    continue;
                }
                for (Marker marker : statement.markers()) {
                    Matcher since = SINCE.matcher(marker.text());
                    if (!since.find()) {
                        violations.add(new Violation(
                                migration.name(),
                                marker.line(),
                                "the contract marker names no released migration"
                                        + " ('-- contract: <what>, unused since V….sql'): " + marker.text()));
                    } else if (!released.contains(since.group(1))) {
                        violations.add(new Violation(
                                migration.name(),
                                marker.line(),
                                "the contract marker names " + since.group(1)
                                        + ", which is not a released migration of this module"));
                    }
                    if (steps.isEmpty()) {
                        violations.add(new Violation(
                                migration.name(),
                                marker.line(),
                                "the contract marker excuses no contract step: put it right above the statement"
                                        + " it is for"));
                    }
                }
            }
        }
        return violations;
    }

    /**
     * What in one statement would break the release before, in words; empty for an expand step. Adds what the
     * statement creates to {@code created}. Checked: any DROP (table, index, function, view, type, sequence, trigger
     * …), ALTER TABLE … DROP [COLUMN], DROP CONSTRAINT, RENAME (of anything), SET SCHEMA, ALTER COLUMN … TYPE, SET
     * NOT NULL, DROP DEFAULT (or IDENTITY, EXPRESSION), ADD COLUMN … NOT NULL without a DEFAULT, and TRUNCATE; each
     * unless its object was created by a pending migration.
     */
    static List<String> contractSteps(String statement, Set<String> created) {
        List<String> steps = new ArrayList<>();
        Matcher m;
        if ((m = CREATE.matcher(statement)).find()) {
            String name = name(m.group(1));
            if (!name.equals("on")) { // CREATE INDEX ON t (…) has no name
                created.add(name);
            }
        } else if ((m = DROP.matcher(statement)).find()) {
            List<String> names = names(m.group(2));
            if (!created.containsAll(names)) {
                steps.add("drops " + m.group(1).toLowerCase(Locale.ROOT) + " " + String.join(", ", names));
            }
        } else if ((m = TRUNCATE.matcher(statement)).find()) {
            List<String> names = names(m.group(1));
            if (!created.containsAll(names)) {
                steps.add("empties table " + String.join(", ", names));
            }
        } else if ((m = ALTER_TABLE.matcher(statement)).find()) {
            String table = name(m.group(1));
            if (!created.contains(table)) {
                for (String action : splitTopLevel(m.group(2))) {
                    String step = tableActionStep(table, action);
                    if (step != null) {
                        steps.add(step);
                    }
                }
            }
        } else if ((m = ALTER_OTHER.matcher(statement)).find()) {
            if (!created.contains(name(m.group(2)))
                    && OTHER_CONTRACT.matcher(m.group(3)).find()) {
                steps.add(
                        "changes " + m.group(1).toLowerCase(Locale.ROOT) + " " + name(m.group(2)) + ": " + m.group(3));
            }
        }
        return steps;
    }

    /** One action of ALTER TABLE, as a contract step in words, or null for an expand step. */
    private static String tableActionStep(String table, String action) {
        Matcher m;
        if (RENAME.matcher(action).find()) {
            return "renames in " + table + ": " + action;
        }
        if ((m = DROP_CONSTRAINT.matcher(action)).find()) {
            return "drops constraint " + name(m.group(1)) + " of " + table;
        }
        if ((m = DROP_COLUMN.matcher(action)).find()) {
            return "drops column " + table + "." + name(m.group(1));
        }
        if ((m = ALTER_COLUMN.matcher(action)).find()) {
            String column = table + "." + name(m.group(1));
            String change = m.group(2);
            if (TYPE_CHANGE.matcher(change).find()) {
                return "changes the type of " + column;
            }
            if (SET_NOT_NULL.matcher(change).find()) {
                return "makes " + column + " NOT NULL";
            }
            Matcher drops = COLUMN_DROPS.matcher(change);
            if (drops.find()) {
                return "drops the " + drops.group(1).toLowerCase(Locale.ROOT) + " of " + column;
            }
            return null; // DROP NOT NULL, SET DEFAULT, SET STATISTICS …
        }
        if (ADD_TABLE_CONSTRAINT.matcher(action).find()) {
            return null; // narrows what the release before may write, but mostly over new columns: left to review
        }
        if ((m = ADD_COLUMN.matcher(action)).find()
                && REQUIRED.matcher(m.group(2)).find()
                && !FILLED.matcher(m.group(2)).find()) {
            return "adds NOT NULL column " + table + "." + name(m.group(1)) + " without a DEFAULT";
        }
        return null;
    }

    /**
     * The statements of a script: comments, string literals ({@code ''}) and dollar-quoted bodies ({@code $$}) are
     * blanked, so a {@code ;} or a keyword in them counts for nothing; {@code -- contract:} comments become the
     * markers of the statement they precede or sit in.
     */
    static List<Statement> statements(String sql) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Marker> markers = new ArrayList<>();
        int line = 1;
        int start = -1;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end;
            if (sql.startsWith("--", i)) {
                end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                String comment = sql.substring(i + 2, end);
                if (MARKER.matcher(comment).find()) {
                    markers.add(new Marker(comment.strip(), line));
                }
                i = end;
                continue;
            }
            if (sql.startsWith("/*", i)) {
                end = blockCommentEnd(sql, i);
                text.append(' ');
            } else if (c == '\'') {
                end = stringEnd(sql, i);
                text.append("''");
            } else if (c == '"') {
                end = quotedIdentifierEnd(sql, i);
                text.append(sql, i, end);
            } else if (c == '$' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
                Matcher tag = DOLLAR_TAG.matcher(sql).region(i, sql.length());
                if (!tag.lookingAt()) {
                    text.append(c);
                    i++;
                    continue;
                }
                int close = sql.indexOf(tag.group(), tag.end());
                end = close < 0 ? sql.length() : close + tag.group().length();
                text.append("$$");
            } else if (c == ';') {
                statements.add(new Statement(collapse(text), start, List.copyOf(markers)));
                text.setLength(0);
                markers.clear();
                start = -1;
                i++;
                continue;
            } else {
                if (start < 0 && !Character.isWhitespace(c)) {
                    start = line;
                }
                text.append(c);
                line += c == '\n' ? 1 : 0;
                i++;
                continue;
            }
            if (start < 0 && !sql.startsWith("/*", i)) {
                start = line;
            }
            line += (int) sql.substring(i, end).chars().filter(ch -> ch == '\n').count();
            i = end;
        }
        if (!collapse(text).isEmpty() || !markers.isEmpty()) {
            statements.add(new Statement(collapse(text), start, List.copyOf(markers)));
        }
        return statements;
    }

    private static int blockCommentEnd(String sql, int from) {
        int depth = 0; // PostgreSQL nests block comments
        int i = from;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** Past the closing quote; {@code ''} is a quote inside, and in an E'…' string so is {@code \'}. */
    private static int stringEnd(String sql, int from) {
        boolean escapes = from > 0
                && Character.toUpperCase(sql.charAt(from - 1)) == 'E'
                && (from < 2 || !isIdentifierPart(sql.charAt(from - 2)));
        int i = from + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (escapes && c == '\\') {
                i += 2;
            } else if (c == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                i += 2;
            } else if (c == '\'') {
                return i + 1;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int quotedIdentifierEnd(String sql, int from) {
        int i = from + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == '"' && i + 1 < sql.length() && sql.charAt(i + 1) == '"') {
                i += 2;
            } else if (sql.charAt(i) == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static String collapse(CharSequence text) {
        return text.toString().strip().replaceAll("\\s+", " ");
    }

    /** Splits on commas outside parentheses: the actions of an ALTER TABLE, the names of a DROP. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(text.substring(from, i).strip());
                from = i + 1;
            }
        }
        parts.add(text.substring(from).strip());
        return parts;
    }

    /** The object names a DROP or TRUNCATE lists, without CASCADE, ON <table> (triggers) or argument lists. */
    private static List<String> names(String list) {
        String bare = list.replaceAll(
                "(?i)\\s+(?:cascade|restrict|restart\\s+identity|continue\\s+identity)(?=\\s|$).*$", "");
        return splitTopLevel(bare).stream()
                .map(part -> name(part.split("\\s+")[0]))
                .toList();
    }

    /** An object's name as created and dropped: unquoted, without schema or argument list, lower-case. */
    private static String name(String raw) {
        String name = raw.replace("\"", "");
        int paren = name.indexOf('(');
        name = paren < 0 ? name : name.substring(0, paren);
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    // ---- the repository: released lists, pending migrations, version order ----

    /** A module's migrations ({@code <module>/src/main/resources/db/<dir>/V*.sql}) and its released list. */
    record Module(String name, Path dir, List<Path> migrations, Map<String, String> released, List<String> malformed) {

        boolean isReleased(Path migration) {
            return released.containsKey(relative(migration));
        }

        String relative(Path migration) {
            return dir.relativize(migration).toString().replace('\\', '/');
        }

        Set<String> releasedNames() {
            Set<String> names = new HashSet<>();
            released.keySet().forEach(path -> names.add(path.substring(path.lastIndexOf('/') + 1)));
            return names;
        }
    }

    /** Every problem of the repository's migrations, one line each; empty when all is well. */
    static List<String> checkRepository(Path root) {
        Set<String> problems = new LinkedHashSet<>();
        List<Module> modules = modules(root);
        for (Module module : modules) {
            String list = module.name() + "/" + RELEASED_LIST;
            module.malformed().forEach(line -> problems.add(list + ": not '<sha256>  <path>': " + line));
            module.released().forEach((path, sha) -> {
                Path file = module.dir().resolve(path);
                String where = module.name() + "/" + path;
                if (!Files.isRegularFile(file)) {
                    problems.add(where + " is released (" + list + ") but gone: Flyway refuses to start on a"
                            + " database that ran it; restore it");
                } else if (!sha.equals(sha256(file))) {
                    problems.add(where + " changed after its release (" + list + "): Flyway refuses to start on a"
                            + " database that ran the old text; restore it and make the change a new migration");
                }
            });
            List<Migration> pending = module.migrations().stream()
                    .filter(file -> !module.isReleased(file))
                    .map(file -> new Migration(root.relativize(file).toString().replace('\\', '/'), read(file)))
                    .toList();
            check(pending, module.releasedNames()).forEach(v -> problems.add(v.toString()));
        }
        problems.addAll(versionOrder(root, modules));
        return List.copyOf(problems);
    }

    /**
     * In each service's database (the kit's migrations and the service's), every unreleased migration sorts after
     * every released one, and no two share a version: Flyway refuses a migration older than what a database already
     * ran.
     */
    private static List<String> versionOrder(Path root, List<Module> modules) {
        List<String> problems = new ArrayList<>();
        Module kit = modules.stream()
                .filter(module -> module.name().equals(KIT_MODULE))
                .findFirst()
                .orElse(null);
        for (Module service : modules) {
            if (service == kit || service.migrations().isEmpty()) {
                continue;
            }
            List<Module> database = kit == null ? List.of(service) : List.of(kit, service);
            Path newestReleased = null;
            Map<String, Path> byVersion = new LinkedHashMap<>();
            for (Module module : database) {
                for (Path file : module.migrations()) {
                    Path other = byVersion.put(version(file), file);
                    if (other != null) {
                        problems.add(root.relativize(file) + " has the version of " + root.relativize(other)
                                + " (both run in " + service.name() + "'s database): Flyway refuses both");
                    }
                    if (module.isReleased(file)
                            && (newestReleased == null || VERSION_ORDER.compare(file, newestReleased) > 0)) {
                        newestReleased = file;
                    }
                }
            }
            for (Module module : database) {
                for (Path file : module.migrations()) {
                    if (!module.isReleased(file)
                            && newestReleased != null
                            && VERSION_ORDER.compare(file, newestReleased) < 0) {
                        problems.add(root.relativize(file) + " sorts before the released "
                                + root.relativize(newestReleased) + " (both run in " + service.name()
                                + "'s database): Flyway refuses it there; give it a current timestamp");
                    }
                }
            }
        }
        return problems;
    }

    /** Flyway's order: the version's numbers ({@code V20261125_1100__x.sql}: 20261125, 1100) compared in turn. */
    static final Comparator<Path> VERSION_ORDER = (a, b) -> {
        String[] left = version(a).split("[._]");
        String[] right = version(b).split("[._]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long l = i < left.length ? Long.parseLong(left[i]) : 0;
            long r = i < right.length ? Long.parseLong(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    };

    private static String version(Path migration) {
        String name = migration.getFileName().toString();
        return name.substring(1, name.indexOf("__"));
    }

    /** The modules with migrations or a released list, each migration list in version order. */
    static List<Module> modules(Path root) {
        List<Module> modules = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path db = dir.resolve(MIGRATIONS);
                List<Path> migrations = new ArrayList<>();
                if (Files.isDirectory(db)) {
                    try (Stream<Path> files = Files.walk(db, 2)) {
                        files.filter(file -> file.getFileName().toString().matches("V\\d[\\d._]*__.*\\.sql"))
                                .sorted(VERSION_ORDER.thenComparing(Path::getFileName))
                                .forEach(migrations::add);
                    }
                }
                Path list = dir.resolve(RELEASED_LIST);
                if (migrations.isEmpty() && !Files.exists(list)) {
                    continue;
                }
                Map<String, String> released = new LinkedHashMap<>();
                List<String> malformed = new ArrayList<>();
                if (Files.exists(list)) {
                    for (String line : Files.readAllLines(list)) {
                        Matcher entry = RELEASED_LINE.matcher(line);
                        if (entry.matches()) {
                            released.put(entry.group(2), entry.group(1));
                        } else if (!line.isBlank()) {
                            malformed.add(line);
                        }
                    }
                }
                modules.add(
                        new Module(dir.getFileName().toString(), dir, List.copyOf(migrations), released, malformed));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modules;
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

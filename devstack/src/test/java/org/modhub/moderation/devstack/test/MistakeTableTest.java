package org.modhub.moderation.devstack.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** service-kit's README shows the one list of mistakes and answers: its table is {@link Mistake}, row for row. */
class MistakeTableTest {

    private static final String SECTION = "## The same mistake, the same answer";

    @Test
    void theReadmeTableIsTheMistakeListRowForRow() throws IOException {
        List<String> expected =
                new ArrayList<>(List.of("| mistake | status | type | what names the problem |", "|---|---|---|---|"));
        Arrays.stream(Mistake.values()).map(Mistake::tableRow).forEach(expected::add);
        assertThat(table())
                .as("the table under '%s' in service-kit/README.md", SECTION)
                .containsExactlyElementsOf(expected);
    }

    /** The lines of the first table under the section heading, as written. */
    private static List<String> table() throws IOException {
        Path readme = Path.of(System.getProperty("basedir", "."))
                .resolve("../service-kit/README.md")
                .normalize();
        List<String> lines = Files.readAllLines(readme);
        int at = lines.indexOf(SECTION);
        assertThat(at).as("section '%s' in %s", SECTION, readme).isNotNegative();
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(at + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            if (line.startsWith("|")) {
                rows.add(line.strip());
            } else if (!rows.isEmpty()) {
                break;
            }
        }
        return rows;
    }
}

package org.modhub.moderation.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes {@code summary.md} and the SVG plots from what one run measured. */
final class Summary {

    private final Results r;
    private final Path dir;

    Summary(Results r, Path dir) {
        this.r = r;
        this.dir = dir;
    }

    void write() throws IOException {
        for (Map.Entry<String, String> chart : new Charts(r).all().entrySet()) {
            Files.writeString(dir.resolve(chart.getKey()), chart.getValue());
        }
        Files.writeString(dir.resolve("summary.md"), new SummaryText(r).markdown());
    }
}

package org.modhub.moderation.bench;

import static org.modhub.moderation.bench.Log.log;

import java.sql.Connection;
import java.util.Map;

/** 4. Transparency export: bulk-loaded enforced decisions, read to the end, with the CPU each part used. */
final class ExportPhase {

    private final Settings settings;
    private final Stack stack;
    private final Results r;

    ExportPhase(Settings settings, Stack stack, Results r) {
        this.settings = settings;
        this.stack = stack;
        this.r = r;
    }

    void run() throws Exception {
        stack.phase("export");
        log("Bulk-loading %,d enforced decisions...", settings.exportDecisions());
        long t0 = System.nanoTime();
        try (Connection db = stack.db("review")) {
            Bulk.decisions(db, settings.exportDecisions());
            Bulk.analyze(db);
        }
        log("  loaded in %.0f s", (System.nanoTime() - t0) / 1e9);
        Map<String, Long> cpuBefore = stack.cpuTicksByPart();
        r.export = Export.run(stack);
        stack.cpuTicksByPart()
                .forEach((part, ticks) -> r.exportCpu.put(
                        part, (ticks - cpuBefore.getOrDefault(part, 0L)) / 100.0)); // clock ticks are 1/100 s
        log("  export %s; CPU seconds by part %s", r.export, r.exportCpu);
    }
}

package org.modhub.moderation.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modhub.moderation.devstack.internal.ChildProcesses;

/**
 * Runs one Gatling simulation of this module in a child JVM (Gatling's own class path, from
 * {@code bench/target/gatling.classpath}) and reads its figures from the statistics it prints.
 * Response times in ms.
 */
final class GatlingRun {

    /** Figures of one run (successful requests only for times). */
    record Result(String label, long ok, long ko, double okPerSecond, double p50, double p95, double p99, double max,
            Path report) {
    }

    private final Path benchDir;
    private final Path resultsDir;

    GatlingRun(Path benchDir, Path resultsDir) {
        this.benchDir = benchDir;
        this.resultsDir = resultsDir;
    }

    Result run(String label, String simulation, Map<String, String> properties) {
        Path runDir = resultsDir.resolve(label);
        try {
            Files.createDirectories(runDir);
            String classpath = benchDir.resolve("target/classes") + ":"
                    + Files.readString(benchDir.resolve("target/gatling.classpath")).trim();
            List<String> command = new ArrayList<>(List.of(ChildProcesses.javaExecutable(), "-Xms256m", "-Xmx1g",
                    "-XX:+UseParallelGC", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "-cp", classpath));
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("io.gatling.app.Gatling", "-s", simulation, "-rf", runDir.toString(), "-rd", label));
            Path log = runDir.resolve("gatling.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            int exit = process.waitFor();
            Map<String, long[]> global = globalInformation(Files.readAllLines(log));
            if (global.isEmpty()) {
                throw new IllegalStateException("Gatling (" + label + ") exited with " + exit + " and printed no statistics; see "
                        + log + ":\n" + ChildProcesses.tail(log, 30));
            }
            long[] count = global.getOrDefault("request count", new long[3]);
            return new Result(label, count[1], count[2], value(global, "mean throughput (rps)", 1) / 100.0,
                    value(global, "response time 50th percentile (ms)", 1),
                    value(global, "response time 95th percentile (ms)", 1),
                    value(global, "response time 99th percentile (ms)", 1),
                    value(global, "max response time (ms)", 1), runDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The "Global Information" table Gatling prints at the end (it writes no JSON statistics any
     * more): each line's total, OK and KO columns; throughput in hundredths (it has two decimals).
     */
    static Map<String, long[]> globalInformation(List<String> lines) {
        Map<String, long[]> table = new java.util.LinkedHashMap<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.startsWith("---- Global Information")) {
                inside = true;
                table.clear();
                continue;
            }
            if (inside && line.startsWith("----")) {
                inside = false;
            }
            if (inside && line.startsWith("> ")) {
                String[] cells = line.substring(2).split("\\|");
                if (cells.length == 4) {
                    long[] values = new long[3];
                    for (int i = 0; i < 3; i++) {
                        String cell = cells[i + 1].trim().replace(",", "");
                        values[i] = cell.equals("-") || cell.isEmpty() ? 0 : Math.round(Double.parseDouble(cell) * 
                                (cells[0].contains("throughput") ? 100 : 1));
                    }
                    table.put(cells[0].trim(), values);
                }
            }
        }
        return table;
    }

    private static double value(Map<String, long[]> table, String key, int column) {
        long[] values = table.get(key);
        return values == null ? Double.NaN : values[column];
    }
}

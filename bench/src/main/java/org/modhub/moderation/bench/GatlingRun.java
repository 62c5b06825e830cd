package org.modhub.moderation.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modhub.moderation.devstack.internal.ChildProcesses;

/**
 * Runs one Gatling simulation of this module in a child JVM (Gatling's own class path, from
 * {@code bench/target/gatling.classpath}) and reads its figures from the statistics it prints.
 * Response times in ms.
 */
final class GatlingRun {

    /**
     * Figures of one run (successful requests only for times); {@code koP99} is the 99th percentile of the failed
     * requests' times (how fast a refusal came back), NaN where none failed or the figure is not printed.
     */
    record Result(
            String label,
            long ok,
            long ko,
            double okPerSecond,
            double p50,
            double p95,
            double p99,
            double max,
            Path report,
            double koP99) {}

    private final Path benchDir;
    private final Path resultsDir;

    GatlingRun(Path benchDir, Path resultsDir) {
        this.benchDir = benchDir;
        this.resultsDir = resultsDir;
    }

    /** {@code base} with the simulation properties {@code pairs} (key, value, key, value, …) added or replaced. */
    static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> result = new LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            result.put(pairs[i], pairs[i + 1]);
        }
        return result;
    }

    Result run(String label, String simulation, Map<String, String> properties) {
        Path runDir = resultsDir.resolve(label);
        try {
            Files.createDirectories(runDir);
            String classpath = benchDir.resolve("target/classes") + ":"
                    + Files.readString(benchDir.resolve("target/gatling.classpath"))
                            .trim();
            List<String> command = new ArrayList<>(List.of(
                    ChildProcesses.javaExecutable(),
                    "-Xms256m",
                    "-Xmx1g",
                    "-XX:+UseParallelGC",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "-cp",
                    classpath));
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("io.gatling.app.Gatling", "-s", simulation, "-rf", runDir.toString(), "-rd", label));
            Path log = runDir.resolve("gatling.log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            int exit = process.waitFor();
            Map<String, long[]> global = globalInformation(Files.readAllLines(log));
            if (global.isEmpty()) {
                throw new IllegalStateException("Gatling (" + label + ") exited with " + exit
                        + " and printed no statistics; see " + log + ":\n" + ChildProcesses.tail(log, 30));
            }
            long[] count = global.getOrDefault("request count", new long[3]);
            return new Result(
                    label,
                    count[1],
                    count[2],
                    value(global, "mean throughput (rps)", 1) / 100.0,
                    value(global, "response time 50th percentile (ms)", 1),
                    value(global, "response time 95th percentile (ms)", 1),
                    value(global, "response time 99th percentile (ms)", 1),
                    value(global, "max response time (ms)", 1),
                    runDir,
                    count[2] == 0 ? Double.NaN : value(global, "response time 99th percentile (ms)", 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a simulation and returns the figures of one of its requests, {@code request}, from the
     * page Gatling's report writes for it (the console prints only the totals of all requests).
     */
    Result run(String label, String simulation, Map<String, String> properties, String request) {
        Result all = run(label, simulation, properties);
        String page = "req_" + request.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-";
        try (var reports = Files.list(all.report())) {
            Path report = reports.filter(Files::isDirectory)
                    .max(java.util.Comparator.comparing(Path::getFileName))
                    .orElseThrow(() -> new IllegalStateException("no Gatling report in " + all.report()));
            Path html;
            try (var files = Files.list(report)) {
                html = files.filter(f -> f.getFileName().toString().startsWith(page))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no page for '" + request + "' in " + report));
            }
            Map<String, String[]> rows = requestTable(Files.readString(html));
            long ok = (long) number(rows, "Total count", 1);
            long ko = (long) number(rows, "Total count", 2);
            // The page's count/s is over the whole simulation, warm-up included: not this request's rate.
            return new Result(
                    label,
                    ok,
                    ko,
                    Double.NaN,
                    number(rows, "50th percentile", 1),
                    number(rows, "95th percentile", 1),
                    number(rows, "99th percentile", 1),
                    number(rows, "Max", 1),
                    all.report(),
                    ko == 0 ? Double.NaN : number(rows, "99th percentile", 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request page's statistics rows: title → total, OK, KO. */
    static Map<String, String[]> requestTable(String html) {
        Map<String, String[]> rows = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "<td class=\"title\">([^<]*)(?:</abbr>)?</td>\\s*"
                                + "<td class=\"total\">([^<]*)</td>\\s*<td class=\"ok\">([^<]*)</td>\\s*<td class=\"ko\">([^<]*)</td>")
                .matcher(html);
        while (m.find()) {
            rows.putIfAbsent(m.group(1).trim(), new String[] {
                m.group(2).trim(), m.group(3).trim(), m.group(4).trim()
            });
        }
        return rows;
    }

    private static double number(Map<String, String[]> rows, String title, int column) {
        String[] row = rows.get(title);
        if (row == null) {
            return Double.NaN;
        }
        return cell(row[column]);
    }

    /** A figure as Gatling prints it: thousands separated by commas, "-" for none. */
    private static double cell(String text) {
        String cell = text.trim().replace(",", "");
        return cell.equals("-") || cell.isEmpty() ? 0 : Double.parseDouble(cell);
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
                        values[i] = Math.round(cell(cells[i + 1]) * (cells[0].contains("throughput") ? 100 : 1));
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

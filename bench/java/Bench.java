import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import se.stegvis.charts.Lang;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.GroupBy;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.ingest.CohortImporter;
import se.stegvis.ingest.ImportResult;
import se.stegvis.metrics.LeadTime;
import se.stegvis.metrics.MetricResult;
import se.stegvis.metrics.MetricTable;
import se.stegvis.metrics.Metrics;
import se.stegvis.metrics.Milestone;
import se.stegvis.metrics.Rate;
import se.stegvis.output.Provenance;
import se.stegvis.output.ResultWriter;
import se.stegvis.store.CohortStore;

/**
 * One benchmark process (bench/run.py starts one per tool and round, so runs alternate and each
 * peak RSS is one process's). Prints one line per measurement: {@code metric<TAB>seconds<TAB>cpu seconds},
 * then {@code heap_mb<TAB>peak}. Modes:
 * <ul>
 * <li>{@code import WARMUP_CSV CSV DB}: stegvis import (full validation, pseudonymisation) of CSV into a new store,
 *     after one import of WARMUP_CSV to warm the JIT (the cold first import is reported as import_cold);</li>
 * <li>{@code bare-import WARMUP_CSV CSV DB}: the floor: DuckDB's own read_csv of the same files (every CSV of the
 *     folder) into tables, same JVM;</li>
 * <li>{@code metrics DB STANDALONE WARMUP_DB}: the metric suite (warm-up suites on the small WARMUP_DB for the JIT,
 *     then one untimed suite on DB when it is small, then one timed suite from an empty cache,
 *     each metric's share of it, and the suite once the per-episode tables are cached); with STANDALONE=true each
 *     metric also alone from an empty cache (what one notebook cell costs; the median of 3).</li>
 * <li>{@code dump DB OUT}: every table of every suite metric, unsuppressed, as OUT/metric.part.csv (for
 *     check_pandas.py).</li>
 * </ul>
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "import" -> importRun(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), false);
            case "bare-import" -> importRun(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), true);
            case "metrics" -> metricsRun(Path.of(args[1]), Boolean.parseBoolean(args[2]), Path.of(args[3]));
            case "dump" -> dump(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("mode: import, bare-import, metrics or dump");
        }
        System.out.printf(Locale.ROOT, "heap_mb\t%.1f%n", peakHeapMb());
    }

    private static void importRun(Path warmupCsv, Path csv, Path db, boolean bare) throws Exception {
        Path warmupDb = db.resolveSibling(db.getFileName() + ".warmup");
        String name = bare ? "bare_read_csv" : "import";
        report(name + "_cold", time(() -> load(warmupCsv, warmupDb, bare)));
        report(name, time(() -> load(csv, db, bare)));
    }

    private static void load(Path csv, Path db, boolean bare) {
        try {
            deleteStore(db);
            if (bare) {
                try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
                    // every table stegvis imports from the folder: the same files, the same rows
                    try (var files = Files.list(csv)) {
                        for (Path f : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                            String table = f.getFileName().toString().replace(".csv", "");
                            st.execute("CREATE TABLE " + table + " AS SELECT * FROM read_csv('" + f + "')");
                        }
                    }
                }
            } else {
                ImportResult r = CohortImporter.builder(DataDictionary.load()).build().importInto(db, List.of(csv));
                if (!r.ok() || !r.written()) {
                    throw new IllegalStateException("import of " + csv + " failed: " + r.errorCount() + " errors");
                }
            }
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    private static void deleteStore(Path db) throws Exception {
        for (String suffix : List.of("", ".wal", ".key")) {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
        }
    }

    /** The suite: what an analysis seminar asks of one cohort, in notebook order. */
    private static Map<String, Supplier<Object>> suite(Metrics m, LocalDate asOf) {
        Cohort all = Cohort.all();
        LeadTime referralToMeeting = LeadTime.between(Milestone.REFERRAL, Milestone.FIRST_MEETING).withinDays(30);
        Map<String, Supplier<Object>> s = new LinkedHashMap<>();
        s.put("funnel", () -> m.funnel(all, asOf));
        s.put("steps", () -> m.steps(all, asOf));
        s.put("transitions", () -> m.transitions(all, asOf));
        s.put("leadtime", () -> m.leadTime(all, asOf, referralToMeeting));
        s.put("leadtime_split", () -> m.leadTime(all.splitAt(LocalDate.of(2020, 1, 1)), asOf,
                referralToMeeting));
        s.put("flow", () -> m.flow(all, asOf));
        s.put("outcomes", () -> m.outcomes(all, asOf, 30));
        s.put("flow_quality", () -> m.flowQuality(all.groupBy(GroupBy.UNIT), asOf));
        s.put("compare", () -> m.compare(all.groupBy(GroupBy.MUNICIPALITY), asOf, Rate.EXIT_WORK_OR_STUDIES, 30));
        s.put("data_quality", () -> m.dataQuality(all, asOf));
        return s;
    }

    private static void metricsRun(Path db, boolean standalone, Path warmupDb) throws Exception {
        // Warm-up (JIT): whole suites on the small store until 5 have run or 20 CPU seconds are spent.
        try (CohortStore store = CohortStore.openReadOnly(warmupDb)) {
            Metrics m = Metrics.on(store.connection());
            Map<String, Supplier<Object>> suite = suite(m, m.latestDate());
            long warmupCpu = cpuNanos();
            for (int i = 0; i < 5 && cpuNanos() - warmupCpu < 20_000_000_000L; i++) {
                m.clearCache();
                suite.values().forEach(Supplier::get);
            }
        }
        try (CohortStore store = CohortStore.openReadOnly(db)) {
            Metrics m = Metrics.on(store.connection());
            LocalDate asOf = m.latestDate();
            Map<String, Supplier<Object>> suite = suite(m, asOf);
            if (Files.size(db) < 50_000_000L) { // and DuckDB's caches, where a suite is cheap
                suite.values().forEach(Supplier::get);
                m.clearCache();
            }
            Map<String, double[]> parts = new LinkedHashMap<>();
            suite.forEach((name, metric) -> parts.put(name, new double[] {time(metric::get), lastCpu}));
            double[] total = new double[2];
            parts.forEach((name, wallCpu) -> {
                lastCpu = wallCpu[1];
                report("in_suite_" + name, wallCpu[0]);
                total[0] += wallCpu[0];
                total[1] += wallCpu[1];
            });
            double[] dq = parts.get("data_quality");
            lastCpu = total[1] - dq[1];
            report("suite_without_dq", total[0] - dq[0]);
            lastCpu = total[1];
            report("suite", total[0]);
            report("suite_cached", time(() -> suite.values().forEach(Supplier::get)));
            if (standalone) {
                suite.forEach((name, metric) -> {
                    double[][] runs = new double[3][];
                    for (int i = 0; i < runs.length; i++) {
                        m.clearCache();
                        runs[i] = new double[] {time(metric::get), lastCpu};
                    }
                    Arrays.sort(runs, Comparator.comparingDouble(r -> r[0]));
                    lastCpu = runs[1][1];
                    report(name, runs[1][0]);
                });
            }
        }
    }

    private static void dump(Path db, Path out) throws Exception {
        Files.createDirectories(out);
        try (CohortStore store = CohortStore.openReadOnly(db)) {
            Metrics m = Metrics.on(store.connection()).unsuppressed();
            String snapshot = Provenance.snapshot(store.connection());
            for (Map.Entry<String, Supplier<Object>> e : suite(m, m.latestDate()).entrySet()) {
                MetricResult result = (MetricResult) e.getValue().get();
                Provenance provenance = new Provenance(result.basis(), "bench", snapshot);
                for (MetricTable part : result.parts()) {
                    try (OutputStream o = Files.newOutputStream(out.resolve(e.getKey() + "." + part.name() + ".csv"))) {
                        ResultWriter.write(result, List.of(part), ResultWriter.Format.CSV, Lang.EN, provenance, o);
                    }
                }
            }
        }
    }

    /** Wall-clock seconds of {@code r}; its process CPU seconds (all threads, DuckDB's too) go to {@link #lastCpu}. */
    private static double time(Runnable r) {
        long cpu = cpuNanos();
        long t = System.nanoTime();
        r.run();
        double wall = (System.nanoTime() - t) / 1e9;
        lastCpu = (cpuNanos() - cpu) / 1e9;
        return wall;
    }

    private static double lastCpu;

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One line per measurement: name, wall seconds, CPU seconds of the last {@link #time} call. */
    private static void report(String metric, double seconds) {
        System.out.printf(Locale.ROOT, "%s\t%.4f\t%.4f%n", metric, seconds, lastCpu);
        System.out.flush();
    }

    /** Peak Java heap: the sum of the heap pools' peak usage. */
    private static double peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
    }
}

package org.convergence4j.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.convergence4j.backend.NativeBuild;

/**
 * The side-by-side table of the {@code Benchmark} command: per variant and native build the DL4J and PyTorch steps/s, estimated
 * seconds per epoch in wall-clock and in process CPU time, the DL4J/PyTorch ratios of both, and each process's peak
 * resident memory; as aligned text and as CSV.
 */
public final class BenchmarkReport {

    /** Header of {@link #csv}. */
    public static final String CSV_HEADER = "variant,build,dl4j_steps_per_s,dl4j_s_per_epoch,pytorch_steps_per_s,"
            + "pytorch_s_per_epoch,ratio,dl4j_cpu_s_per_epoch,pytorch_cpu_s_per_epoch,cpu_ratio,dl4j_peak_mb,"
            + "pytorch_peak_mb";

    private BenchmarkReport() {
    }

    /**
     * One variant's figures on one native build.
     *
     * @param build   the native build DL4J ran on
     * @param dl4j    the DL4J measurement
     * @param pytorch the PyTorch reference's, empty when it was not run
     */
    public record Row(NativeBuild build, Measurement dl4j, Optional<Measurement> pytorch) {

        /** DL4J wall-clock seconds per epoch over PyTorch's; empty without PyTorch. */
        public Optional<Double> ratio() {
            return pytorch.map(p -> dl4j.epochSeconds() / p.epochSeconds());
        }

        /** DL4J CPU seconds per epoch over PyTorch's; empty without PyTorch. */
        public Optional<Double> cpuRatio() {
            return pytorch.map(p -> dl4j.cpuEpochSeconds() / p.cpuEpochSeconds());
        }
    }

    /** The rows as an aligned table; PyTorch columns show {@code -} where it was not run. */
    public static String table(List<Row> rows) {
        String layout = "%-12s %-15s %8s %8s %8s %8s %7s %8s %8s %7s %8s %8s%n";
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, layout, "", "native", "DL4J", "DL4J", "PyTorch", "PyTorch", "ratio",
                "DL4J CPU", "PT CPU", "ratio", "DL4J", "PyTorch"));
        text.append(String.format(Locale.ROOT, layout, "variant", "build", "steps/s", "s/epoch", "steps/s", "s/epoch",
                "DL4J/PT", "s/epoch", "s/epoch", "CPU", "peak MB", "peak MB"));
        for (Row row : rows) {
            Measurement d = row.dl4j();
            text.append(String.format(Locale.ROOT, layout, d.variant(), buildName(row.build()), format("%.1f", d.stepsPerSecond()),
                    format("%.1f", d.epochSeconds()), pytorch(row, m -> format("%.1f", m.stepsPerSecond()), "-"),
                    pytorch(row, m -> format("%.1f", m.epochSeconds()), "-"),
                    row.ratio().map(r -> format("%.1f", r)).orElse("-"), format("%.1f", d.cpuEpochSeconds()),
                    pytorch(row, m -> format("%.1f", m.cpuEpochSeconds()), "-"),
                    row.cpuRatio().map(r -> format("%.1f", r)).orElse("-"), format("%.0f", d.peakRssMb()),
                    pytorch(row, m -> format("%.0f", m.peakRssMb()), "-")));
        }
        return text.toString();
    }

    /** The rows as CSV under {@link #CSV_HEADER}; empty fields where PyTorch was not run. */
    public static String csv(List<Row> rows) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (Row row : rows) {
            Measurement d = row.dl4j();
            csv.append(String.join(",", d.variant(), buildName(row.build()), format("%.3f", d.stepsPerSecond()),
                    format("%.3f", d.epochSeconds()), pytorch(row, m -> format("%.3f", m.stepsPerSecond()), ""),
                    pytorch(row, m -> format("%.3f", m.epochSeconds()), ""),
                    row.ratio().map(r -> format("%.3f", r)).orElse(""), format("%.3f", d.cpuEpochSeconds()),
                    pytorch(row, m -> format("%.3f", m.cpuEpochSeconds()), ""),
                    row.cpuRatio().map(r -> format("%.3f", r)).orElse(""), format("%.1f", d.peakRssMb()),
                    pytorch(row, m -> format("%.1f", m.peakRssMb()), ""))).append('\n');
        }
        return csv.toString();
    }

    /** The build's extension without its dash, {@code plain} for the plain build: {@code onednn-avx2}. */
    private static String buildName(NativeBuild build) {
        return build.extension().isEmpty() ? "plain" : build.extension().substring(1);
    }

    private static String pytorch(Row row, Function<Measurement, String> field, String absent) {
        return row.pytorch().map(field).orElse(absent);
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}

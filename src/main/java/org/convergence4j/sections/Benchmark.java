package org.convergence4j.sections;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.convergence4j.backend.NativeBuild;
import org.convergence4j.bench.BenchmarkReport;
import org.convergence4j.bench.Measurement;
import org.convergence4j.bench.PytorchReference;
import org.convergence4j.bench.TrainingBenchmark;
import org.convergence4j.data.MnistProvisioner;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantKind;
import org.convergence4j.models.VariantSpec;
import org.convergence4j.models.Variants;
import org.convergence4j.persistence.AtomicFiles;
import org.convergence4j.persistence.ResultsLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * DL4J against the PyTorch reference, per variant: training steps/s, estimated seconds per epoch
 * ({@value Measurement#STEPS_PER_EPOCH} steps plus the test-set evaluation), their ratio, and each side's peak
 * resident memory. Every measurement runs in its own child process (a JVM with this one's classpath, or
 * {@code reference.py --bench}) on the same fixed batches, so peak memory is per variant and one run's JIT or
 * allocator state does not leak into the next. Without a runnable PyTorch it measures DL4J alone and says why.
 * Writes {@code <out>/benchmark/benchmark.csv}.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Times DL4J and PyTorch training of every TestNetwork variant on identical batches.")
public final class Benchmark implements Callable<Integer> {

    @Mixin
    private CommonOptions options;

    @Option(names = "--variants", paramLabel = "LIST", description = "Variants to time, e.g. "
            + "'Baseline,DropConnect(keep=0.6)' (default: every registered kind at its defaults).")
    String variants;

    @Option(names = "--steps", paramLabel = "N", description = "Timed training steps per run (default: ${DEFAULT-VALUE}).")
    int steps = 200;

    /**
     * A fresh JVM is slower for its first steps: each layer's graph is built and the code is compiled. The children
     * run with C1 only and the serial collector ({@code ChildProcess}), so compiling no longer adds CPU time beside
     * the training thread (docs/PERFORMANCE.md, "One core"); a 20-epoch run is 9 380 steps, so the timed steps come
     * after a warm-up.
     */
    @Option(names = "--warmup", paramLabel = "N", description = "Untimed training steps before them (default: ${DEFAULT-VALUE}).")
    int warmup = 200;

    @Option(names = "--repeats", paramLabel = "N", description = "Runs per variant and framework; the table shows medians (default: ${DEFAULT-VALUE}).")
    int repeats = 1;

    @Option(names = "--threads", paramLabel = "N", description = "OpenMP/BLAS threads of each child, OMP_NUM_THREADS (default: ${DEFAULT-VALUE}).")
    int threads = 1;

    @Option(names = "--seed", paramLabel = "S", description = "Initialization seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--dl4j-only", description = "Do not run the PyTorch reference.")
    boolean dl4jOnly;

    /**
     * Native builds to time DL4J on. Each repeat runs every build once, one after the other, so a change in the
     * machine's load during the command affects every build alike, and builds are compared side by side in one run.
     */
    @Option(names = "--builds", paramLabel = "LIST", split = ",", description = "Native builds to time DL4J on, "
            + "alternating within each repeat, e.g. 'onednn-avx2,onednn-avx512' or 'plain' (default: the build this "
            + "machine selects).")
    List<String> builds;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    /** Command-line entry point; see {@code --help}. */
    public static void main(String[] args) {
        Cli.exit(new Benchmark(), args);
    }

    @Override
    public Integer call() throws Exception {
        validate();
        Path out = options.out(spec.commandLine(), ResultsLayout.REFERENCE);
        Path dataDir = options.mnistDir();
        new MnistProvisioner().ensure(dataDir);
        PytorchReference reference = PytorchReference.locate(Path.of("").toAbsolutePath(), System.getenv());
        Optional<String> noPytorch = dl4jOnly ? Optional.of("--dl4j-only was given") : reference.unavailableReason();
        System.out.printf(Locale.ROOT, "Benchmark: %d timed steps after %d warm-up steps, batch 128, %d thread(s), "
                + "median of %d run(s) per variant; MNIST %s%n", steps, warmup, threads, repeats, dataDir);
        noPytorch.ifPresent(reason -> System.out.println("PyTorch not measured: " + reason));

        List<NativeBuild> buildList = buildList();
        List<BenchmarkReport.Row> rows = new ArrayList<>();
        List<String> dl4jSetups = new ArrayList<>();
        String pytorchSetup = null;
        for (Variant v : variantList()) {
            String variant = v.key();
            Map<NativeBuild, List<Measurement>> dl4j = new EnumMap<>(NativeBuild.class);
            List<Measurement> pytorch = new ArrayList<>();
            for (int r = 1; r <= repeats; r++) {
                System.out.printf(Locale.ROOT, "  %s, run %d/%d:", variant, r, repeats);
                for (NativeBuild build : buildList) {
                    Measurement m = TrainingBenchmark.inChildJvm(variant, build, warmup, steps, seed, threads, dataDir);
                    dl4j.computeIfAbsent(build, b -> new ArrayList<>()).add(m);
                    System.out.printf(Locale.ROOT, " DL4J%s %.1f s/epoch,", buildList.size() > 1
                            ? " " + build.classifier() : "", m.epochSeconds());
                }
                if (noPytorch.isEmpty() && v.equals(v.kind().defaults())) {
                    pytorch.add(reference.bench(v.kind().name().toLowerCase(Locale.ROOT), warmup, steps, seed, threads,
                            dataDir));
                    System.out.printf(Locale.ROOT, " PyTorch %.1f s/epoch", pytorch.get(pytorch.size() - 1).epochSeconds());
                }
                System.out.println();
            }
            Optional<Measurement> p = pytorch.isEmpty() ? Optional.empty() : Optional.of(Measurement.median(pytorch));
            pytorchSetup = p.map(Measurement::setup).orElse(pytorchSetup);
            for (NativeBuild build : buildList) {
                Measurement d = Measurement.median(dl4j.get(build));
                if (!dl4jSetups.contains(d.setup())) {
                    dl4jSetups.add(d.setup());
                }
                rows.add(new BenchmarkReport.Row(build, d, p));
            }
        }
        System.out.println();
        System.out.println("CPU:     " + NativeBuild.cpuModel());
        dl4jSetups.forEach(setup -> System.out.println("DL4J:    " + setup));
        System.out.println("PyTorch: " + (pytorchSetup != null ? pytorchSetup : "not measured (" + noPytorch.orElse("") + ")"));
        System.out.print(BenchmarkReport.table(rows));
        Path csv = out.resolve("benchmark").resolve("benchmark.csv");
        AtomicFiles.writeString(csv, BenchmarkReport.csv(rows));
        System.out.println("wrote " + csv);
        return 0;
    }

    private void validate() {
        CommandLine cl = spec.commandLine();
        if (steps < 1 || warmup < 0 || steps + warmup > Measurement.STEPS_PER_EPOCH) {
            throw new CommandLine.ParameterException(cl, String.format(Locale.ROOT,
                    "--steps %d and --warmup %d must satisfy steps ≥ 1, warmup ≥ 0, steps + warmup ≤ %d (one epoch)",
                    steps, warmup, Measurement.STEPS_PER_EPOCH));
        }
        if (repeats < 1 || threads < 1) {
            throw new CommandLine.ParameterException(cl, "--repeats and --threads must be ≥ 1, got "
                    + repeats + " and " + threads);
        }
        variantList();
        buildList();
    }

    /** {@code --builds}, parsed; the build this JVM selected without it. */
    private List<NativeBuild> buildList() {
        if (builds == null) {
            return List.of(NativeBuild.selected());
        }
        List<NativeBuild> parsed = new ArrayList<>();
        for (String name : builds) {
            NativeBuild build;
            try {
                build = NativeBuild.of(name.trim());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--builds: " + e.getMessage());
            }
            if (!build.runsOn(NativeBuild.cpuFlags())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--builds: this CPU (" + NativeBuild.cpuModel()
                        + ") lacks the instructions of " + build.classifier() + "; it runs "
                        + Arrays.stream(NativeBuild.values()).filter(b -> b.runsOn(NativeBuild.cpuFlags()))
                                .map(NativeBuild::classifier).collect(Collectors.joining(", ")));
            }
            if (!parsed.contains(build)) {
                parsed.add(build);
            }
        }
        return parsed;
    }

    /** {@code --variants}, parsed; every kind at its defaults without it. */
    private List<Variant> variantList() {
        if (variants == null) {
            return Variants.KINDS.stream().map(VariantKind::defaults).toList();
        }
        List<Variant> parsed;
        try {
            parsed = VariantSpec.parse(variants);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--variants '" + variants + "': " + e.getMessage());
        }
        for (Variant v : parsed) {
            if (!Variants.KINDS.contains(v.kind())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--variants '" + variants + "': " + v.key()
                        + " is one of Part 1's MLPs; the benchmark times the TestNetwork variants, "
                        + Variants.KINDS.stream().map(VariantKind::name).collect(Collectors.joining(", ")));
            }
        }
        return parsed;
    }
}

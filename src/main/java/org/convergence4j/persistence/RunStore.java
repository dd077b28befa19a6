package org.convergence4j.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.convergence4j.backend.ConvolutionEngine;
import org.convergence4j.persistence.Json.JsonFileException;
import org.convergence4j.layers.LayerFingerprint;
import org.convergence4j.models.Variants;
import org.convergence4j.train.RunIdentity;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.RunSpec;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The stored runs of one results folder, in its {@code runs/} folder: one JSON file per run, named by the
 * variant's canonical text, the first {@value #HASH_CHARS} hex digits of the run's configuration hash
 * ({@link RunSpec#configuration()}) and the seed, e.g. {@code dropout-drop0.5-3fa2c19e0b-seed2.json}; runs of
 * different configurations therefore coexist and never overwrite each other. A record is written atomically, so
 * after a kill at any instant it is either complete or absent. A record that cannot be read, holds impossible values
 * ({@link RunRecordCheck}: a NaN accuracy, a null variant, …) or does not belong under its name is moved aside to
 * {@code <name>.corrupt}, reported with its path and field, and the run counts as not stored.
 * <p>
 * Beside a record, {@code <same name>.zip} holds the trained network as DL4J's {@code ModelSerializer} writes it
 * (configuration and parameters; not the updater's state, so continued training restarts Adam's moments), with fixed
 * entry times ({@link NetworkFile}), so identical runs store identical files. It is written before the record, which
 * names its SHA-256: a network is trusted only when the two agree.
 */
public final class RunStore {

    /** Hex digits of the configuration hash in a file name: 40 bits, so two configurations share a name only by a 1-in-10¹² chance, which the full hash inside the record then catches. */
    static final int HASH_CHARS = 10;
    /** The suffix of a record moved aside. */
    static final String CORRUPT = ".corrupt";

    private final Path dir;
    private final PrintStream out;
    /** Whether this store only reads its folder: a folder of stored runs that another configuration owns. */
    private final boolean readOnly;
    /** Stores whose runs this one reuses when it has no run of its own, in order. */
    private final List<RunStore> shared;

    /**
     * @param dir the folder of the records, {@link ResultsLayout#runs()}
     * @param out where moved-aside records are reported
     */
    public RunStore(Path dir, PrintStream out) {
        this(dir, out, false, List.of());
    }

    private RunStore(Path dir, PrintStream out, boolean readOnly, List<RunStore> shared) {
        this.dir = dir;
        this.out = out;
        this.readOnly = readOnly;
        this.shared = List.copyOf(shared);
    }

    /**
     * This store, also reusing the runs stored in {@code folders} (in order, after its own): one store over many
     * folders, so that a command writing elsewhere reuses the committed runs of identical configuration instead of
     * training them again. Those folders are only read: new runs go to this store's folder, and a damaged record
     * there is reported and left in place.
     */
    public RunStore readingAlso(List<Path> folders) {
        List<RunStore> stores = new ArrayList<>(shared);
        folders.stream().filter(f -> !f.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize()))
                .forEach(f -> stores.add(new RunStore(f, out, true, List.of())));
        return new RunStore(dir, out, readOnly, stores);
    }

    /** The file of {@code spec}'s run with configuration hash {@code configuration}. */
    public Path file(RunSpec spec, String configuration) {
        return dir.resolve(spec.variant().fileStem() + "-" + configuration.substring(0, HASH_CHARS) + "-seed"
                + spec.seed() + ".json");
    }

    /**
     * The stored run of {@code spec} with this identity, if one is stored and sound: readable, of this configuration
     * and seed, either complete or ended by a divergence (a divergence is a result too), and computed by custom
     * layers that compute as they do now ({@link LayerFingerprint}; a record stored before records held
     * fingerprints is taken as it is), with its network file intact where it has one. A run whose layers' code has
     * changed, or whose network file is missing or damaged, is reported with the file and left in place for the
     * retrained run to replace.
     *
     * @param identity {@code spec.identity()}, computed once by the caller
     */
    public Optional<RunRecord> find(RunSpec spec, RunIdentity identity) {
        Optional<RunRecord> own = findHere(spec, identity);
        for (int i = 0; own.isEmpty() && i < shared.size(); i++) {
            own = shared.get(i).findHere(spec, identity);
        }
        return own;
    }

    /** The file of the record of {@code spec}'s run in the first of this store's folders that holds one, else here. */
    public Path storedFile(RunSpec spec, String configuration) {
        return holder(spec, configuration).file(spec, configuration);
    }

    /** The store among this one and its shared ones whose folder holds the record of the run; this one if none. */
    private RunStore holder(RunSpec spec, String configuration) {
        if (Files.isRegularFile(file(spec, configuration))) {
            return this;
        }
        return shared.stream().filter(s -> Files.isRegularFile(s.file(spec, configuration))).findFirst().orElse(this);
    }

    private Optional<RunRecord> findHere(RunSpec spec, RunIdentity identity) {
        String configuration = identity.configuration();
        Path file = file(spec, configuration);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        RunRecord run;
        try {
            run = Json.read(file, RunRecord.class, RunRecord.ADDED_FIELDS);
        } catch (JsonFileException e) {
            moveAside(file, e.getMessage());
            return Optional.empty();
        }
        Optional<String> impossible = RunRecordCheck.problem(file, run);
        if (impossible.isPresent()) {
            moveAside(file, file + " " + impossible.get());
            return Optional.empty();
        }
        if (!run.configuration().equals(configuration) || run.seed() != spec.seed()
                || !run.variant().equals(spec.variant())) {
            moveAside(file, file + " holds " + run.variant().key() + " seed " + run.seed() + " of configuration "
                    + run.configuration() + ", not the run its name stands for");
            return Optional.empty();
        }
        if (!run.complete() && run.divergence().isEmpty()) {
            moveAside(file, file + " holds " + run.history().epochs().size() + " of " + run.settings().epochs()
                    + " epochs without a divergence: an unfinished run");
            return Optional.empty();
        }
        Optional<String> damaged = damagedNetwork(run);
        if (damaged.isPresent()) {
            out.println(spec.label() + ": not reused: " + damaged.get() + "; the run is trained again");
            return Optional.empty();
        }
        Optional<String> changed = run.fingerprint()
                .flatMap(stored -> LayerFingerprint.difference(stored, identity.fingerprint()));
        if (changed.isPresent()) {
            out.println(spec.label() + ": not reused: since " + file + " was trained, " + changed.get()
                    + "; it is trained again with the code as it is now");
            return Optional.empty();
        }
        return Optional.of(run);
    }

    /** Stores {@code run}, replacing an earlier record of the same configuration and seed. */
    public void save(RunRecord run) {
        Json.write(file(run.spec(), run.configuration()), run);
    }

    /** Stores the trained {@code network} of {@code run}, then the record naming it; returns the stored record. */
    public RunRecord save(RunRecord run, MultiLayerNetwork network) {
        Path zip = sibling(run.spec(), run.configuration(), ".zip");
        AtomicFiles.write(zip, out -> NetworkFile.write(network, out));
        RunRecord stored = run.withNetwork(sha256(zip));
        save(stored);
        return stored;
    }

    /** Tries to claim {@code spec}'s run for this process before training it ({@link RunClaim}). */
    public RunClaim.Attempt claim(RunSpec spec, String configuration) {
        return RunClaim.tryClaim(sibling(spec, configuration, ".lock"));
    }

    /** The live process that is training {@code spec}'s run, if one is ({@code host pid time}). */
    public Optional<String> trainedElsewhere(RunSpec spec, String configuration) {
        return RunClaim.liveHolder(sibling(spec, configuration, ".lock"));
    }

    /** The file beside the record of {@code spec}'s run, with {@code suffix} in place of {@code .json}. */
    private Path sibling(RunSpec spec, String configuration, String suffix) {
        Path record = file(spec, configuration);
        String name = record.getFileName().toString();
        return record.resolveSibling(name.substring(0, name.length() - ".json".length()) + suffix);
    }

    /**
     * The file of the trained network of {@code spec}'s run with configuration hash {@code configuration}: beside
     * its record, in whichever of this store's folders holds that.
     */
    public Path networkFile(RunSpec spec, String configuration) {
        return holder(spec, configuration).sibling(spec, configuration, ".zip");
    }

    /**
     * The trained network of {@code run}, as it ended its last epoch, with the convolution engine it was trained with
     * installed ({@link RunRecord#engine()}), so that it computes what the record holds.
     *
     * @throws IOException naming the file if it is missing, is not the network the record names, or cannot be read
     * @throws IllegalStateException if the run was trained with {@link ConvolutionEngine#ONEDNN} and the loaded native
     *     build has no oneDNN
     */
    public MultiLayerNetwork network(RunRecord run) throws IOException {
        Path zip = networkFile(run.spec(), run.configuration());
        if (run.network().isEmpty()) {
            throw new IOException(file(run.spec(), run.configuration()) + " names no trained network (a diverged run, or"
                    + " one stored before networks were kept); train it again with --force");
        }
        if (!Files.isRegularFile(zip)) {
            throw new IOException(zip + " is missing; train the run again with --force to store its network");
        }
        if (!sha256(zip).equals(run.network().get())) {
            throw new IOException(zip + " is not the network its record names (SHA-256 differs); train the run again "
                    + "with --force");
        }
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false);
        run.engine().install(net);
        return net;
    }

    /**
     * What is wrong with the network file the record names, if anything: missing, or not the file whose SHA-256 the
     * record holds (truncated, altered). A missing network of Part 1's MLPs is no damage: they are kept where they
     * were trained but not committed (about 10 MB each, see .gitignore), so a clone has their records alone.
     */
    private Optional<String> damagedNetwork(RunRecord run) {
        if (run.network().isEmpty()) {
            return Optional.empty();
        }
        Path zip = networkFile(run.spec(), run.configuration());
        if (!Files.isRegularFile(zip)) {
            return Variants.KINDS.contains(run.variant().kind()) ? Optional.of("its network " + zip + " is missing")
                    : Optional.empty();
        }
        return sha256(zip).equals(run.network().get()) ? Optional.empty()
                : Optional.of("its network " + zip + " is not the file its record names (SHA-256 differs: truncated "
                        + "or altered)");
    }

    private static String sha256(Path file) throws UncheckedIOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha));
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Every record in the folder, and in the shared folders after it, that can be read and holds possible values
     * ({@link RunRecordCheck}), for saying what is stored; the others are skipped.
     */
    public List<RunRecord> readable() {
        List<RunRecord> runs = new ArrayList<>(readableHere());
        shared.forEach(s -> runs.addAll(s.readableHere()));
        return runs;
    }

    private List<RunRecord> readableHere() {
        List<RunRecord> runs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return runs;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    RunRecord run = Json.read(f, RunRecord.class, RunRecord.ADDED_FIELDS);
                    if (RunRecordCheck.problem(f, run).isEmpty()) {
                        runs.add(run);
                    }
                } catch (JsonFileException e) {
                    // find() moves it aside when its run is asked for.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + AtomicFiles.describe(e), e);
        }
        return runs;
    }

    private void moveAside(Path file, String problem) {
        if (readOnly) {
            out.println("warning: " + problem + "; left in place (this command only reads " + dir + ")");
            return;
        }
        Path aside = file.resolveSibling(file.getFileName() + CORRUPT);
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            out.println("warning: " + problem + "; moved it to " + aside + " and the run counts as not stored (a command"
                    + " that trains trains it again)");
        } catch (IOException e) {
            throw new UncheckedIOException(problem + "; and it cannot be moved aside to " + aside + " ("
                    + AtomicFiles.describe(e) + "): delete it by hand", e);
        }
    }
}

package org.convergence4j.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Loader;

/**
 * The builds of libnd4j's native library that the project ships (pom.xml), and which one ND4J loads. JavaCPP picks
 * the build from the system property {@value #EXTENSION_PROPERTY} when the native library is first loaded, so
 * {@link #select()} must run before anything touches ND4J.
 *
 * <p>The builds compute the same functions; they round differently in the last bits (another instruction set,
 * another reduction order), which is why a run's identity names the convolution engine ({@link ConvolutionEngine},
 * built-in or oneDNN) but not the build: the two oneDNN builds are one engine. The constants are declared from the
 * least to the most demanding: a CPU that runs one runs those before it.
 */
public enum NativeBuild {

    /** The generic x86-64 build: libnd4j's own kernels, no oneDNN; runs on every x86-64 CPU. */
    PLAIN("", List.of()),
    /** libnd4j with Intel's oneDNN, compiled for Haswell-class CPUs (AVX2 and FMA). */
    ONEDNN_AVX2("-onednn-avx2", List.of("avx2", "fma")),
    /**
     * libnd4j with oneDNN, compiled for Skylake-SP-class CPUs: AVX-512 Foundation, Conflict Detection, Byte/Word,
     * Doubleword/Quadword and Vector Length extensions (Intel Xeon since 2017, AMD EPYC since Zen 4).
     */
    ONEDNN_AVX512("-onednn-avx512", List.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"));

    /** JavaCPP's system property naming the build's classifier suffix. */
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    /**
     * The builds in the order {@link #forCpu} prefers them, fastest first where the CPU runs them. Measured with
     * {@code Benchmark --builds} on an AMD EPYC with AVX-512 (docs/PERFORMANCE.md, "Which oneDNN build"): the
     * AVX-512 build was not faster there, so the AVX2 build comes first and the AVX-512 one is used only where it
     * is the one that runs.
     */
    static final List<NativeBuild> PREFERENCE = List.of(ONEDNN_AVX2, ONEDNN_AVX512, PLAIN);

    private final String extension;
    private final List<String> cpuFlags;

    NativeBuild(String extension, List<String> cpuFlags) {
        this.extension = extension;
        this.cpuFlags = cpuFlags;
    }

    /** The suffix JavaCPP appends to the platform, e.g. {@code -onednn-avx2}; empty for {@link #PLAIN}. */
    public String extension() {
        return extension;
    }

    /** The classifier of its jar, e.g. {@code linux-x86_64-onednn-avx2}. */
    public String classifier() {
        return "linux-x86_64" + extension;
    }

    /** The {@code /proc/cpuinfo} flags of the instructions this build needs. */
    public List<String> requiredFlags() {
        return cpuFlags;
    }

    /** Whether a CPU with these {@code /proc/cpuinfo} flags can run this build. */
    public boolean runsOn(Set<String> flags) {
        return flags.containsAll(cpuFlags);
    }

    /** The build of {@link #PREFERENCE} that comes first among those a CPU with {@code flags} runs. */
    public static NativeBuild forCpu(Set<String> flags) {
        return PREFERENCE.stream().filter(b -> b.runsOn(flags)).findFirst().orElse(PLAIN);
    }

    /**
     * The build named by an extension, e.g. {@code -onednn-avx512} or {@code onednn-avx512} (the leading dash may be
     * left out), by a classifier such as {@code linux-x86_64-onednn-avx512}, or by its constant's name in lower case
     * ({@code plain}).
     *
     * @throws IllegalArgumentException naming the value and the builds there are
     */
    public static NativeBuild of(String name) {
        String suffix = name.startsWith("linux-x86_64") ? name.substring("linux-x86_64".length())
                : name.isEmpty() || name.startsWith("-") ? name : "-" + name;
        return Arrays.stream(values()).filter(b -> b.extension.equals(suffix) || name.equals(b.name().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no native build '" + name + "'; the project ships "
                        + Arrays.stream(values()).map(NativeBuild::classifier).collect(Collectors.joining(", "))));
    }

    /**
     * Selects {@link #forCpu} of this CPU's flags, unless the user has chosen a build with
     * {@code -D}{@value #EXTENSION_PROPERTY}{@code =…} ({@code =""} keeps the plain build).
     */
    public static void select() {
        if (System.getProperty(EXTENSION_PROPERTY) == null) {
            System.setProperty(EXTENSION_PROPERTY, forCpu(cpuFlags()).extension());
        }
    }

    /** The build chosen for this JVM ({@link #select()}, or the user's {@code -D}); plain where none is. */
    public static NativeBuild selected() {
        return of(System.getProperty(EXTENSION_PROPERTY, ""));
    }

    /**
     * The JVM option that makes a child JVM load this build. A child started with this JVM's command line alone would
     * miss a choice made by {@link #select()} or given to Maven ({@code mvn -D…} sets a property of Maven's JVM, not
     * an option of it).
     */
    public String jvmOption() {
        return "-D" + EXTENSION_PROPERTY + "=" + extension;
    }

    /**
     * The build whose library this process has loaded, read from the path JavaCPP loaded {@code jnind4jcpu} from
     * ({@code …/bindings/linux-x86_64-onednn-avx2/libjnind4jcpu.so}); empty before ND4J is loaded.
     */
    public static Optional<NativeBuild> loaded() {
        String path = Loader.getLoadedLibraries().get("jnind4jcpu");
        if (path == null) {
            return Optional.empty();
        }
        String folder = Path.of(path).getParent().getFileName().toString();
        return Arrays.stream(values()).filter(b -> b.classifier().equals(folder)).findFirst();
    }

    /** The CPU flags in {@code /proc/cpuinfo}; empty where the file is absent. */
    public static Set<String> cpuFlags() {
        return cpuInfo("flags").map(flags -> Set.of(flags.split("\\s+"))).orElse(Set.of());
    }

    /** The CPU's model name in {@code /proc/cpuinfo}, e.g. {@code AMD EPYC}; {@code unknown} where absent. */
    public static String cpuModel() {
        return cpuInfo("model name").orElse("unknown");
    }

    /** The value of the first {@code /proc/cpuinfo} line whose key is {@code key}. */
    private static Optional<String> cpuInfo(String key) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith(key) && line.indexOf(':') > 0
                            && line.substring(0, line.indexOf(':')).trim().equals(key))
                    .findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

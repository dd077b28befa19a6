package org.convergence4j.models;

import static org.convergence4j.init.VarianceScaling.Distribution.NORMAL;
import static org.convergence4j.init.VarianceScaling.Distribution.UNIFORM;
import static org.convergence4j.init.VarianceScaling.FanMode.IN;
import static org.convergence4j.init.VarianceScaling.FanMode.OUT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.convergence4j.init.FixedNormal;
import org.convergence4j.init.VarianceScaling;
import org.convergence4j.init.ZeroMeanWeightInit;
import org.nd4j.linalg.activations.Activation;

/**
 * The networks of the seminar's initialization study (Part 1.3), one row each: the six the notebook
 * runs (a–f) and two contrasts that complete a 2×2 of {tanh, ReLU} × {Xavier uniform, He fan-in}
 * with d and e, so that "Xavier suits tanh, He suits ReLU" is seen rather than asserted.
 */
public enum InitConfiguration {
    A("a", Architecture.WIDE, Activation.TANH, "N(0, 0.1²)", new FixedNormal(0.1)),
    B("b", Architecture.WIDE, Activation.TANH, "Xavier normal, std √(2/(in+out))", VarianceScaling.xavier(NORMAL)),
    C("c", Architecture.WIDE, Activation.TANH, "normal, std √(1/out)", new VarianceScaling(NORMAL, OUT, 1)),
    D("d", Architecture.DEEP, Activation.TANH, "Xavier uniform, ±√(6/(in+out))", VarianceScaling.xavier(UNIFORM)),
    E("e", Architecture.DEEP, Activation.RELU, "He normal, std √(2/in)", VarianceScaling.he(IN)),
    F("f", Architecture.DEEP, Activation.RELU, "He normal, std √(2/out)", VarianceScaling.he(OUT)),
    RELU_XAVIER("relu_xavier", Architecture.DEEP, Activation.RELU, "Xavier uniform, ±√(6/(in+out))",
            VarianceScaling.xavier(UNIFORM)),
    TANH_HE("tanh_he", Architecture.DEEP, Activation.TANH, "He normal, std √(2/in)", VarianceScaling.he(IN));

    /** The two layer-size lists of the seminar. */
    public enum Architecture {
        /** 784 → 500 ×10 → 10: the seminar's 1.1, eleven dense layers. */
        WIDE("784→500×10→10", sizes(List.of(784), 500, 10)),
        /** 784 → 64 → 32 → 16 ×30 → 10: the seminar's Xavier and He nets, 33 dense layers. */
        DEEP("784→64→32→16×30→10", sizes(List.of(784, 64, 32), 16, 30));

        private final String label;
        private final List<Integer> sizes;

        Architecture(String label, List<Integer> sizes) {
            this.label = label;
            this.sizes = sizes;
        }

        /** The sizes in arrow notation. */
        public String label() {
            return label;
        }

        private static List<Integer> sizes(List<Integer> head, int width, int repeats) {
            List<Integer> sizes = new ArrayList<>(head);
            sizes.addAll(Collections.nCopies(repeats, width));
            sizes.add(10);
            return List.copyOf(sizes);
        }
    }

    private final String key;
    private final Architecture architecture;
    private final String initLabel;
    private final DeepMlp mlp;

    InitConfiguration(String key, Architecture architecture, Activation activation, String initLabel,
            ZeroMeanWeightInit init) {
        this.key = key;
        this.architecture = architecture;
        this.initLabel = initLabel;
        this.mlp = new DeepMlp(architecture.sizes, activation, init);
    }

    /** The seminar's letter, or a snake_case name for the contrasts; used as file and JSON key. */
    public String key() {
        return key;
    }

    /** The layer sizes. */
    public Architecture architecture() {
        return architecture;
    }

    /** The activation's name, {@code tanh} or {@code ReLU}. */
    public String activation() {
        return mlp.activation() == Activation.RELU ? "ReLU" : mlp.activation().name().toLowerCase(Locale.ROOT);
    }

    /** Activation and initialization, e.g. "tanh, N(0, 0.1²)". */
    public String label() {
        return activation() + ", " + initLabel;
    }

    /** Architecture, activation and initialization in one line. */
    public String description() {
        return architecture.label() + " " + label();
    }

    /** The network to build. */
    public DeepMlp mlp() {
        return mlp;
    }
}

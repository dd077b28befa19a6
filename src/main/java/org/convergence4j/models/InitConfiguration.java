package org.convergence4j.models;

import static org.convergence4j.init.VarianceScaling.Distribution.NORMAL;
import static org.convergence4j.init.VarianceScaling.Distribution.UNIFORM;
import static org.convergence4j.init.VarianceScaling.FanMode.IN;
import static org.convergence4j.init.VarianceScaling.FanMode.OUT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
    A("a", "784→500×10→10 tanh, N(0, 0.1²)", wide(), Activation.TANH, new FixedNormal(0.1)),
    B("b", "784→500×10→10 tanh, Xavier normal std √(2/(in+out))", wide(), Activation.TANH,
            VarianceScaling.xavier(NORMAL)),
    C("c", "784→500×10→10 tanh, normal std √(1/out)", wide(), Activation.TANH, new VarianceScaling(NORMAL, OUT, 1)),
    D("d", "784→64→32→16×30→10 tanh, Xavier uniform ±√(6/(in+out))", deep(), Activation.TANH,
            VarianceScaling.xavier(UNIFORM)),
    E("e", "784→64→32→16×30→10 ReLU, He normal std √(2/in)", deep(), Activation.RELU, VarianceScaling.he(IN)),
    F("f", "784→64→32→16×30→10 ReLU, normal std √(2/out)", deep(), Activation.RELU, VarianceScaling.he(OUT)),
    RELU_XAVIER("relu_xavier", "784→64→32→16×30→10 ReLU, Xavier uniform ±√(6/(in+out)) (d's init, e's activation)",
            deep(), Activation.RELU, VarianceScaling.xavier(UNIFORM)),
    TANH_HE("tanh_he", "784→64→32→16×30→10 tanh, He normal std √(2/in) (e's init, d's activation)",
            deep(), Activation.TANH, VarianceScaling.he(IN));

    private final String key;
    private final String description;
    private final DeepMlp mlp;

    InitConfiguration(String key, String description, List<Integer> sizes, Activation activation,
            ZeroMeanWeightInit init) {
        this.key = key;
        this.description = description;
        this.mlp = new DeepMlp(sizes, activation, init);
    }

    /** The seminar's letter, or a snake_case name for the contrasts; used as file and JSON key. */
    public String key() {
        return key;
    }

    /** Architecture, activation and initialization in one line. */
    public String description() {
        return description;
    }

    /** The network to build. */
    public DeepMlp mlp() {
        return mlp;
    }

    /** 784 → 500 ×10 → 10: the seminar's 1.1, eleven dense layers. */
    private static List<Integer> wide() {
        return sizes(List.of(784), 500, 10);
    }

    /** 784 → 64 → 32 → 16 ×30 → 10: the seminar's Xavier and He nets, 33 dense layers. */
    private static List<Integer> deep() {
        return sizes(List.of(784, 64, 32), 16, 30);
    }

    private static List<Integer> sizes(List<Integer> head, int width, int repeats) {
        List<Integer> sizes = new ArrayList<>(head);
        sizes.addAll(Collections.nCopies(repeats, width));
        sizes.add(10);
        return List.copyOf(sizes);
    }
}

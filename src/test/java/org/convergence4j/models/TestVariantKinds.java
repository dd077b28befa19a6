package org.convergence4j.models;

import java.util.List;
import java.util.Set;
import org.convergence4j.layers.GroupNormalization;
import org.convergence4j.models.VariantKind.Comparison;
import org.convergence4j.models.VariantKind.Constraint;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * The test classpath's own variant kind, registered as a user's would be (META-INF/services), to show that a kind
 * joins its study by its registration alone and that a constraint between its parameters is checked: GroupNorm, a
 * normalization with a group count that must divide the width. No test but those about registration names it; every
 * test that covers "every kind" meets it through the registry.
 */
public final class TestVariantKinds implements VariantKindProvider {

    /** GroupNorm(groups=4, width=128): Linear → {@link GroupNormalization} → ReLU, twice, then Linear. */
    public static final VariantKind GROUP_NORM = new VariantKind("GroupNorm", true, Set.of(),
            List.of(Parameter.count("groups", "the groups of features normalized together", 4, 1, 4096), Variants.WIDTH),
            v -> new Head("Linear → GroupNorm(" + (int) v.value("groups") + ") → ReLU ×2 → Linear, "
                    + (int) v.value(Variants.WIDTH.name()) + " units", (int) v.value(Variants.WIDTH.name()),
                    (nIn, nOut) -> List.of(Variants.dense(nIn, nOut, Activation.IDENTITY),
                            new GroupNormalization(nOut, (int) v.value("groups")), new ActivationLayer(Activation.RELU)),
                    Variants::softmaxOutput))
            .in(Comparison.NORMALIZATION).constrained(Constraint.divides("groups", "width"));

    @Override
    public List<VariantKind> kinds() {
        return List.of(GROUP_NORM);
    }
}

package org.convergence4j.persistence;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.convergence4j.probe.ConfigurationResult;
import org.convergence4j.probe.LayerSummary;
import org.convergence4j.probe.MeanFieldTheory;
import org.convergence4j.statistics.GeometricSpread;

/**
 * One configuration of the initialization study as CSV, one row per dense layer, input layer
 * first. Stds are unbiased over all elements of the batch tensor; {@code _geomean} and {@code _geosd} are
 * the geometric mean and geometric sd (a factor) over initialization seeds ({@link GeometricSpread}; the factor is
 * empty for a signal that died out on some seed); {@code _theory} is the mean-field expectation (empty when there is
 * none). Gradients are those of the mean NLL over the batch.
 */
public final class LayerStdCsv {

    /** The header row. */
    public static final String HEADER = "layer,fan_in,fan_out,activation_std_geomean,activation_std_geosd,"
            + "input_grad_std_geomean,input_grad_std_geosd,preact_grad_std_geomean,preact_grad_std_geosd,"
            + "activation_std_theory,input_grad_std_theory";

    private LayerStdCsv() {
    }

    /** Atomically writes {@code result} to {@code file}. */
    public static void write(Path file, ConfigurationResult result) {
        AtomicFiles.writeString(file, format(result));
    }

    /** The CSV text, lines ending in {@code \n}. */
    public static String format(ConfigurationResult result) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        Optional<MeanFieldTheory.Expectation> theory = result.theory();
        List<LayerSummary> layers = result.layers();
        for (int l = 0; l < layers.size(); l++) {
            LayerSummary s = layers.get(l);
            int index = l;
            csv.append(s.layer()).append(',').append(s.fanIn()).append(',').append(s.fanOut()).append(',')
                    .append(s.activationStd().mean()).append(',').append(factor(s.activationStd())).append(',')
                    .append(s.inputGradStd().mean()).append(',').append(factor(s.inputGradStd())).append(',')
                    .append(s.preactGradStd().mean()).append(',').append(factor(s.preactGradStd())).append(',')
                    .append(theory.map(t -> t.forwardStd().get(index).toString()).orElse("")).append(',')
                    .append(theory.map(t -> t.backwardStd().get(index).toString()).orElse("")).append('\n');
        }
        return csv.toString();
    }

    private static String factor(GeometricSpread s) {
        return s.factor().isPresent() ? String.valueOf(s.factorValue()) : "";
    }
}

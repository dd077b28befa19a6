package org.convergence4j.persistence;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.convergence4j.probe.ConfigurationResult;
import org.convergence4j.probe.LayerSummary;
import org.convergence4j.probe.MeanFieldTheory;

/**
 * One configuration of the initialization study as CSV, one row per dense layer, input layer
 * first. Stds are unbiased over all elements of the batch tensor; {@code _mean} and {@code _sd} are
 * the mean and sample sd over initialization seeds; {@code _theory} is the mean-field expectation
 * (empty when there is none). Gradients are those of the mean NLL over the batch.
 */
public final class LayerStdCsv {

    /** The header row. */
    public static final String HEADER = "layer,fan_in,fan_out,activation_std_mean,activation_std_sd,"
            + "input_grad_std_mean,input_grad_std_sd,preact_grad_std_mean,preact_grad_std_sd,"
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
                    .append(s.activationStd().mean()).append(',').append(s.activationStd().sdValue()).append(',')
                    .append(s.inputGradStd().mean()).append(',').append(s.inputGradStd().sdValue()).append(',')
                    .append(s.preactGradStd().mean()).append(',').append(s.preactGradStd().sdValue()).append(',')
                    .append(theory.map(t -> t.forwardStd().get(index).toString()).orElse("")).append(',')
                    .append(theory.map(t -> t.backwardStd().get(index).toString()).orElse("")).append('\n');
        }
        return csv.toString();
    }
}

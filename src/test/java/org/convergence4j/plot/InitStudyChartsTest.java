package org.convergence4j.plot;

import org.convergence4j.probe.DepthRatios;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.convergence4j.models.InitConfiguration;
import org.convergence4j.probe.ActivationHistogram;
import org.convergence4j.probe.ConfigurationResult;
import org.convergence4j.probe.LayerSummary;
import org.convergence4j.probe.MeanFieldTheory;
import java.util.OptionalDouble;
import org.convergence4j.statistics.GeometricSpread;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

class InitStudyChartsTest {

    @Test
    void stdDepthFigureHasTwoPanelsAndToleratesADeadSignal(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("std.png");
        // relu_xavier's last layers at exactly 0: a log axis cannot show them, the chart leaves a gap.
        StdDepthChart.save(file, "test", List.of(result(InitConfiguration.E, 1.0), result(InitConfiguration.RELU_XAVIER, 0.0)));
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image.getWidth() > 2 * image.getHeight(), "two landscape panels side by side");
    }

    @Test
    void stdDepthFigureNeedsOneToEightConfigurations(@TempDir Path dir) {
        Path file = dir.resolve("std.png");
        assertThrows(IllegalArgumentException.class, () -> StdDepthChart.save(file, "none", List.of()));
        List<ConfigurationResult> nine = Collections.nCopies(9, result(InitConfiguration.A, 1.0));
        assertThrows(IllegalArgumentException.class, () -> StdDepthChart.save(file, "nine", nine));
    }

    @Test
    void histogramFigureStacksItsPanels(@TempDir Path dir) throws IOException {
        Nd4j.getRandom().setSeed(1);
        List<ActivationHistogram> layers = IntStream.rangeClosed(1, 3).mapToObj(l -> ActivationHistogram.of(l,
                Nd4j.rand(100, 50).muli(2).subi(1), 20, -1, 1, 0.9)).toList();
        Path file = dir.resolve("histograms.png");
        ActivationHistogramChart.save(file, 0.9, List.of(new ActivationHistogramChart.Panel("top", layers),
                new ActivationHistogramChart.Panel("bottom", layers)));
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image.getHeight() > image.getWidth() * 0.6, "two landscape panels stacked");
    }

    /** Stds that decay geometrically from {@code first} (0 gives a dead signal beyond layer 1). */
    private static ConfigurationResult result(InitConfiguration c, double first) {
        int depth = c.mlp().depth();
        List<LayerSummary> layers = IntStream.range(0, depth).mapToObj(l -> new LayerSummary(l + 1, c.mlp().fanIn(l),
                c.mlp().fanOut(l), spread(l == 0 ? 1 : first * Math.pow(0.8, l), 0.01),
                spread(l == 0 ? 1e-3 : first * 1e-3 * Math.pow(1.1, l), 1e-4), spread(1e-3, 1e-4))).toList();
        List<Double> flat = Collections.nCopies(depth, 0.5);
        return new ConfigurationResult(c, 2, layers, Optional.of(new MeanFieldTheory.Expectation(flat, flat)),
                new DepthRatios(List.of(0.5, 0.6), List.of(1.5, 1.2)));
    }

    /** A spread over two seeds with this mean and sd. */
    private static GeometricSpread spread(double mean, double factor) {
        return new GeometricSpread(2, mean, OptionalDouble.of(factor));
    }
}

package org.convergence4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.stream.IntStream;
import org.convergence4j.statistics.InitTraining;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Part 1's nets trained: the training loss per epoch, the mean over each net's finished seeds, on a log y axis; one
 * panel per architecture (columns) and optimizer (rows: Adam, then SGD by rate), one line per initialization in a
 * colour that is the net's in every panel. The dashed grey line is ln 10, the loss of a uniform guess, which a net
 * that learns nothing stays at. Nets without a finished seed are left out, and so are panels without a net.
 */
public final class InitTrainingChart {

    private static final int HEIGHT = 560;
    private static final Color CHANCE = new Color(120, 120, 120);

    private InitTrainingChart() {
    }

    /**
     * Saves the panels, architectures side by side.
     *
     * @param file the PNG to write
     * @param training the trained nets
     * @throws IllegalArgumentException if no net has a finished seed
     */
    public static void save(Path file, InitTraining training) {
        List<InitTraining.Net> drawn = training.nets().stream().filter(n -> !n.meanTrainLoss().isEmpty()).toList();
        if (drawn.isEmpty()) {
            throw new IllegalArgumentException("no net with a finished seed to draw into " + file);
        }
        List<String> nets = training.nets().stream().map(InitTraining.Net::net).distinct().toList();
        List<String> architectures = drawn.stream().map(InitTraining.Net::architecture).distinct().toList();
        List<Double> optimizers = drawn.stream().map(InitTraining.Net::sgd).distinct().sorted().toList();
        List<XYChart> panels = new ArrayList<>();
        for (double sgd : optimizers) {
            for (String architecture : architectures) {
                List<InitTraining.Net> own = drawn.stream()
                        .filter(n -> n.sgd() == sgd && n.architecture().equals(architecture)).toList();
                if (!own.isEmpty()) {
                    panels.add(panel(architecture, own, nets, training.chanceLoss()));
                }
            }
        }
        // A full grid puts each architecture in its column; with a panel missing, one panel per row keeps them apart.
        boolean grid = panels.size() == architectures.size() * optimizers.size();
        PngPanels.save(file, grid ? architectures.size() : 1, panels);
    }

    /** One architecture and optimizer: a line per net, and the chance level. */
    private static XYChart panel(String architecture, List<InitTraining.Net> own, List<String> nets, double chance) {
        XYChart chart = Charts.lineChart(architecture + ", " + own.get(0).optimizer()
                + ": training loss, mean over seeds", "Epochs", "training NLL loss (nats), log scale", Charts.WIDTH,
                HEIGHT);
        XYStyler styler = chart.getStyler();
        styler.setYAxisLogarithmic(true);
        styler.setXAxisDecimalPattern("0");
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        DoubleSummaryStatistics range = new DoubleSummaryStatistics();
        range.accept(chance);
        int epochs = 1;
        for (InitTraining.Net n : own) {
            double[] y = n.meanTrainLoss().stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.stream(y).forEach(range);
            epochs = Math.max(epochs, y.length);
            Color colour = Charts.PALETTE.get(nets.indexOf(n.net()) % Charts.PALETTE.size());
            XYSeries line = chart.addSeries(n.net() + ": " + n.label(),
                    IntStream.rangeClosed(1, y.length).asDoubleStream().toArray(), y);
            line.setLineColor(colour);
            line.setMarkerColor(colour);
            line.setMarker(SeriesMarkers.CIRCLE);
            line.setLineStyle(new BasicStroke(2f));
        }
        XYSeries uniform = chart.addSeries("ln 10, the loss of a uniform guess", new double[] {1, epochs},
                new double[] {chance, chance});
        uniform.setLineColor(CHANCE);
        uniform.setMarker(SeriesMarkers.NONE);
        uniform.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {7f, 5f}, 0f));
        // Ticks 1-2-…-9 within two decades; beyond, decades only, which would otherwise crowd into a column.
        styler.setYAxisLogarithmicDecadeOnly(range.getMax() > 100 * range.getMin());
        return chart;
    }
}

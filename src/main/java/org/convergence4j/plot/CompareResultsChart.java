package org.convergence4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.convergence4j.statistics.Spread;
import org.convergence4j.statistics.VariantStatistics;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The seminar's {@code compare_results} figure: left panel test loss per epoch, right panel test
 * accuracy (%) per epoch, one line per variant. A line is the mean over the variant's finished
 * seeds and sits in a translucent band of ±1 sample sd (no band with a single seed). Variants beyond
 * the seminar are dashed; variants without a finished seed are left out. Any number of variants can be drawn:
 * after the {@link Charts#PALETTE}'s colours are used up they repeat, dashed where they were solid and solid
 * where they were dashed, so no two lines look alike within twice the palette's size.
 */
public final class CompareResultsChart {

    /** Opacity of a band, low enough that overlapping bands stay readable. */
    private static final int BAND_ALPHA = 45;

    private CompareResultsChart() {
    }

    /**
     * Saves the two panels side by side.
     *
     * @param file the PNG to write
     * @param title the dataset or run the variants share, e.g. {@code MNIST}
     * @param variants the variants to draw
     * @throws IllegalArgumentException if no variant has a finished seed
     */
    public static void save(Path file, String title, List<VariantStatistics> variants) {
        List<VariantStatistics> drawn = variants.stream().filter(v -> !v.testAccuracyByEpoch().isEmpty()).toList();
        if (drawn.isEmpty()) {
            throw new IllegalArgumentException("no variant with a finished seed to draw into " + file + ", got "
                    + variants.size() + " without one");
        }
        XYChart loss = Charts.lineChart(title + ": test loss, mean ± sd over seeds", "Epochs", "NLL loss (nats)");
        XYChart accuracy = Charts.lineChart(title + ": test accuracy, mean ± sd over seeds", "Epochs", "accuracy (%)");
        accuracy.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        for (int i = 0; i < drawn.size(); i++) {
            VariantStatistics v = drawn.get(i);
            Color colour = Charts.PALETTE.get(i % Charts.PALETTE.size());
            boolean dashed = v.beyondSeminar() ^ (i / Charts.PALETTE.size()) % 2 == 1;
            String name = v.variant() + (v.beyondSeminar() ? " (beyond the seminar)" : "");
            band(loss, name, v.testLossByEpoch(), x -> x, colour, dashed);
            band(accuracy, name, v.testAccuracyByEpoch(), x -> 100 * x, colour, dashed);
        }
        loss.getStyler().setYAxisDecimalPattern("0.0##");
        for (XYChart chart : List.of(loss, accuracy)) {
            chart.getStyler().setXAxisDecimalPattern("0");
        }
        PngPanels.save(file, 2, List.of(loss, accuracy));
    }

    /** The mean line over its ±sd band, both in {@code colour}, values mapped by {@code scale}. */
    private static void band(XYChart chart, String name, List<Spread> byEpoch, DoubleUnaryOperator scale, Color colour,
            boolean dashed) {
        int epochs = byEpoch.size();
        double[] x = IntStream.rangeClosed(1, epochs).asDoubleStream().toArray();
        double[] mean = values(byEpoch, s -> s.mean(), scale);
        if (byEpoch.get(0).sd().isPresent()) {
            double[] upper = values(byEpoch, s -> s.mean() + s.sd().getAsDouble(), scale);
            double[] lower = values(byEpoch, s -> s.mean() - s.sd().getAsDouble(), scale);
            Charts.addBandBetween(chart, name + " ± sd", x, lower, upper, colour, BAND_ALPHA);
        }
        XYSeries line = chart.addSeries(name, x, mean);
        line.setLineColor(colour);
        line.setMarkerColor(colour);
        line.setMarker(SeriesMarkers.CIRCLE);
        line.setLineStyle(dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {7f, 5f}, 0f) : new BasicStroke(2f));
    }

    private static double[] values(List<Spread> byEpoch, Function<Spread, Double> value, DoubleUnaryOperator scale) {
        return byEpoch.stream().mapToDouble(s -> scale.applyAsDouble(value.apply(s))).toArray();
    }
}

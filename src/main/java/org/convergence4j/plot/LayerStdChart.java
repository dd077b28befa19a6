package org.convergence4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import org.convergence4j.statistics.Analyses.LayerStats;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Per-layer activation std over training, one panel per variant side by side (e.g. Baseline,
 * BatchNorm, LayerNorm), one line per layer coloured by depth (dark purple at the input through
 * teal to green at the output, viridis), all panels on the same logarithmic y range so that the
 * variants compare at a glance. Depth colours rather than categorical ones because a network has
 * as many lines as layers, a dozen with a normalized head.
 */
public final class LayerStdChart {

    /** Viridis from 0 to 0.85: the yellow end would vanish on white. */
    private static final Color[] DEPTH = {new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140),
        new Color(94, 201, 98), new Color(170, 220, 50)};
    private static final int WIDTH = 720;
    private static final int HEIGHT = 560;

    private LayerStdChart() {
    }

    /**
     * Saves one panel per entry of {@code byVariant}, in its iteration order.
     *
     * @param file the PNG to write
     * @param byVariant the sampled std of each variant's layers
     * @throws IllegalArgumentException if there is nothing to draw
     */
    public static void save(Path file, Map<String, LayerStats> byVariant) {
        if (byVariant.isEmpty() || byVariant.values().stream().anyMatch(s -> s.iterations().isEmpty())) {
            throw new IllegalArgumentException("no layer statistics to draw into " + file + ": " + byVariant.keySet());
        }
        DoubleSummaryStatistics range = byVariant.values().stream().flatMap(s -> s.activationStd().stream())
                .flatMap(List::stream).mapToDouble(Double::doubleValue).filter(v -> v > 0 && Double.isFinite(v))
                .summaryStatistics();
        List<XYChart> panels = new ArrayList<>();
        for (Map.Entry<String, LayerStats> e : byVariant.entrySet()) {
            LayerStats stats = e.getValue();
            XYChart chart = Charts.lineChart(e.getKey() + ", seed " + stats.seed() + ": activation std per layer",
                    "iteration", "std of layer input (log scale)", WIDTH, HEIGHT);
            XYStyler styler = chart.getStyler();
            styler.setLegendPosition(Styler.LegendPosition.OutsideE);
            styler.setLegendLayout(Styler.LegendLayout.Vertical);
            styler.setYAxisLogarithmic(true);
            // Decade-only labels leave a range under two decades with a single label.
            styler.setYAxisLogarithmicDecadeOnly(range.getMax() > 100 * range.getMin());
            styler.setYAxisMin(range.getMin() / 1.2);
            styler.setYAxisMax(range.getMax() * 1.2);
            styler.setXAxisDecimalPattern("0");
            styler.setXAxisTickMarkSpacingHint(110);
            double[] x = stats.iterations().stream().mapToDouble(Integer::doubleValue).toArray();
            int layers = stats.layers().size();
            for (int l = 0; l < layers; l++) {
                int layer = l;
                double[] y = stats.activationStd().stream().mapToDouble(row -> row.get(layer))
                        .map(v -> v > 0 ? v : Double.NaN).toArray();
                XYSeries series = chart.addSeries(stats.layers().get(l), x, y);
                series.setLineColor(depthColour(l, layers));
                series.setMarker(SeriesMarkers.NONE);
                series.setLineStyle(new BasicStroke(2f));
            }
            panels.add(chart);
        }
        PngPanels.save(file, panels.size(), panels);
    }

    /** Linear interpolation along {@link #DEPTH} at position l/(n − 1). */
    private static Color depthColour(int l, int n) {
        double t = n == 1 ? 0 : (double) l / (n - 1) * (DEPTH.length - 1);
        int i = Math.min((int) t, DEPTH.length - 2);
        double f = t - i;
        Color a = DEPTH[i];
        Color b = DEPTH[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}

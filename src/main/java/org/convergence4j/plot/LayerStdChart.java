package org.convergence4j.plot;

import java.awt.BasicStroke;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import org.convergence4j.report.RunSummary.LayerStats;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Per-layer activation std over training, one panel per variant side by side (e.g. Baseline,
 * BatchNorm, LayerNorm), one line per layer, all panels on the same y range so that the variants
 * compare at a glance.
 */
public final class LayerStdChart {

    private LayerStdChart() {
    }

    /**
     * Saves one panel per entry of {@code byVariant}, in its iteration order.
     *
     * @param file the PNG to write
     * @param byVariant the sampled std of each variant's layers, at most {@link Charts#PALETTE}'s size of layers each
     * @throws IllegalArgumentException if there is nothing to draw or a variant has too many layers
     */
    public static void save(Path file, Map<String, LayerStats> byVariant) {
        if (byVariant.isEmpty()) {
            throw new IllegalArgumentException("no layer statistics to draw into " + file);
        }
        DoubleSummaryStatistics range = byVariant.values().stream().flatMap(s -> s.activationStd().stream())
                .flatMap(List::stream).mapToDouble(Double::doubleValue).filter(Double::isFinite).summaryStatistics();
        List<XYChart> panels = new ArrayList<>();
        for (Map.Entry<String, LayerStats> e : byVariant.entrySet()) {
            LayerStats stats = e.getValue();
            if (stats.layers().size() > Charts.PALETTE.size() || stats.iterations().isEmpty()) {
                throw new IllegalArgumentException(e.getKey() + ": draw 1 to " + Charts.PALETTE.size() + " layers over "
                        + "at least one sampled iteration, got " + stats.layers().size() + " layers and "
                        + stats.iterations().size() + " samples");
            }
            XYChart chart = Charts.lineChart(e.getKey() + ", seed " + stats.seed() + ": activation std per layer",
                    "iteration", "std of layer input");
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(range.getMax() * 1.05);
            double[] x = stats.iterations().stream().mapToDouble(Integer::doubleValue).toArray();
            for (int l = 0; l < stats.layers().size(); l++) {
                int layer = l;
                double[] y = stats.activationStd().stream().mapToDouble(row -> row.get(layer)).toArray();
                XYSeries series = chart.addSeries(stats.layers().get(l), x, y);
                series.setLineColor(Charts.PALETTE.get(l));
                series.setMarker(SeriesMarkers.NONE);
                series.setLineStyle(new BasicStroke(2f));
            }
            panels.add(chart);
        }
        PngPanels.save(file, panels.size(), panels);
    }
}

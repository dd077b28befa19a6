package org.convergence4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.convergence4j.probe.ConfigurationResult;
import org.convergence4j.probe.MeanFieldTheory;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Std versus depth for several configurations of the initialization study: a forward panel (std of
 * each dense layer's input) and a backward panel (std of dL/d(input)), log y axis, one coloured line
 * per configuration (mean over seeds, with markers) and its mean-field expectation as a dashed line
 * of the same colour. Non-positive values (a signal that died completely) cannot sit on a log axis
 * and are left as gaps.
 */
public final class StdDepthChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 760;

    private StdDepthChart() {
    }

    /**
     * Saves the two panels side by side.
     *
     * @param file the PNG to write
     * @param title what the configurations have in common, e.g. the architecture
     * @param results the configurations to draw, at most 8
     * @throws IllegalArgumentException if there are no results or more than the palette's 8
     */
    public static void save(Path file, String title, List<ConfigurationResult> results) {
        if (results.isEmpty() || results.size() > Charts.PALETTE.size()) {
            throw new IllegalArgumentException("draw 1 to " + Charts.PALETTE.size() + " configurations, got " + results.size());
        }
        XYChart forward = panel(title + ": forward, std of each dense layer's input", "std of layer input");
        XYChart backward = panel(title + ": backward, std of dL/d(layer input)", "std of dL/d(input), mean NLL");
        for (int i = 0; i < results.size(); i++) {
            ConfigurationResult r = results.get(i);
            String name = r.configuration().key() + ": " + r.configuration().label();
            line(forward, name, r.forwardStd(), Charts.PALETTE.get(i), false);
            line(backward, name, r.backwardStd(), Charts.PALETTE.get(i), false);
            int colour = i;
            r.theory().ifPresent(t -> {
                line(forward, name + " (theory)", t.forwardStd(), Charts.PALETTE.get(colour), true);
                line(backward, name + " (theory)", t.backwardStd(), Charts.PALETTE.get(colour), true);
            });
        }
        labelTicks(forward, lines(results, ConfigurationResult::forwardStd, MeanFieldTheory.Expectation::forwardStd));
        labelTicks(backward, lines(results, ConfigurationResult::backwardStd, MeanFieldTheory.Expectation::backwardStd));
        PngPanels.save(file, 2, List.of(forward, backward));
    }

    private static XYChart panel(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("dense layer (1 reads the images); dashed: infinite-width mean-field theory").yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setYAxisLogarithmic(true);
        styler.setPlotGridLinesVisible(true);
        styler.setXAxisDecimalPattern("0");
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setMarkerSize(6);
        return chart;
    }

    /** Every measured and theoretical line of one panel. */
    private static List<List<Double>> lines(List<ConfigurationResult> results,
            Function<ConfigurationResult, List<Double>> measured,
            Function<MeanFieldTheory.Expectation, List<Double>> theory) {
        List<List<Double>> lines = new ArrayList<>();
        for (ConfigurationResult r : results) {
            lines.add(measured.apply(r));
            r.theory().map(theory).ifPresent(lines::add);
        }
        return lines;
    }

    /**
     * Labels 1-2-…-9 ticks when the plotted values span at most two decades; beyond that only
     * decades, which would otherwise crowd into an unreadable column.
     */
    private static void labelTicks(XYChart chart, List<List<Double>> lines) {
        DoubleSummaryStatistics positive = lines.stream().flatMap(List::stream).mapToDouble(Double::doubleValue)
                .filter(v -> v > 0).summaryStatistics();
        chart.getStyler().setYAxisLogarithmicDecadeOnly(positive.getMax() > 100 * positive.getMin());
    }

    private static void line(XYChart chart, String name, List<Double> std, Color colour, boolean theory) {
        double[] x = IntStream.rangeClosed(1, std.size()).asDoubleStream().toArray();
        double[] y = std.stream().mapToDouble(v -> v > 0 ? v : Double.NaN).toArray();
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        if (theory) {
            series.setMarker(SeriesMarkers.NONE);
            series.setLineStyle(new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {7f, 5f}, 0f));
            series.setShowInLegend(false);
        } else {
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineStyle(new BasicStroke(2.2f));
        }
    }
}

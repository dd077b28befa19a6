package org.convergence4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convergence4j.statistics.MeanInterval;
import org.convergence4j.statistics.Sweep;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A sweep's figure: one panel per swept kind, the end-point (%) against the swept parameter, each point the mean
 * over seeds with its 95% t interval as an error bar, the seminar's value drawn as a filled diamond, and the
 * reference (Baseline) as a horizontal band: its mean as a line and its 95% interval as a shaded strip.
 */
public final class SweepChart {

    private static final int BAND_ALPHA = 45;
    private static final Color REFERENCE = new Color(90, 90, 90);

    private SweepChart() {
    }

    /**
     * Saves the panels side by side.
     *
     * @throws IllegalArgumentException if no series has a point with an interval
     */
    public static void save(Path file, Sweep sweep) {
        List<XYChart> panels = new ArrayList<>();
        for (int i = 0; i < sweep.series().size(); i++) {
            Sweep.Series s = sweep.series().get(i);
            List<Sweep.Point> drawn = s.points().stream().filter(p -> p.endPoint().isPresent()).toList();
            if (drawn.isEmpty()) {
                continue;
            }
            XYChart chart = Charts.lineChart(s.kind() + ": end-point against " + s.parameter(), s.parameter() + " ("
                    + s.meaning() + ")", "test accuracy, mean of the last epochs (%)");
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            chart.getStyler().setXAxisDecimalPattern("0.0");
            chart.getStyler().setYAxisDecimalPattern("0.00");
            double[] x = drawn.stream().mapToDouble(Sweep.Point::value).toArray();
            sweep.referenceEndPoint().ifPresent(r -> band(chart, sweep.reference(), r, 0, 1));
            Color colour = Charts.PALETTE.get(i % Charts.PALETTE.size());
            double[] y = drawn.stream().mapToDouble(p -> 100 * p.endPoint().get().mean()).toArray();
            double[] error = drawn.stream().mapToDouble(p -> 100 * p.endPoint().get().halfWidth()).toArray();
            XYSeries line = chart.addSeries(s.kind() + ", mean ± 95% interval over " + drawn.get(0).endPoint().get().n()
                    + " seeds", x, y, error);
            line.setLineColor(colour);
            line.setMarkerColor(colour);
            line.setMarker(SeriesMarkers.CIRCLE);
            chart.getStyler().setErrorBarsColor(colour);
            drawn.stream().filter(Sweep.Point::seminar).findFirst().ifPresent(p -> {
                XYSeries seminar = chart.addSeries("the seminar's " + s.parameter() + " = " + p.value(),
                        new double[] {p.value()}, new double[] {100 * p.endPoint().get().mean()});
                seminar.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                seminar.setMarker(SeriesMarkers.DIAMOND);
                seminar.setMarkerColor(Color.BLACK);
            });
            panels.add(chart);
        }
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("no sweep point with two or more seeds to draw into " + file);
        }
        PngPanels.save(file, panels.size(), panels);
    }

    /** The reference's mean as a line across [x0, x1] and its interval as a strip. */
    private static void band(XYChart chart, String name, MeanInterval r, double x0, double x1) {
        Charts.addBand(chart, name + " 95% interval", new double[] {x0, x1, x1, x0},
                new double[] {100 * r.high(), 100 * r.high(), 100 * r.low(), 100 * r.low()}, REFERENCE, BAND_ALPHA);
        XYSeries mean = chart.addSeries(name + " (mean, 95% interval shaded)", new double[] {x0, x1},
                new double[] {100 * r.mean(), 100 * r.mean()});
        mean.setLineColor(REFERENCE);
        mean.setMarker(SeriesMarkers.NONE);
        mean.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
    }
}

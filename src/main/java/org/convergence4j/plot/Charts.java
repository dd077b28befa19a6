package org.convergence4j.plot;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The common look of this project's line charts: white, grid, legend inside, no markers. */
public final class Charts {

    /** Okabe–Ito colours, distinguishable with colour-blindness. */
    static final List<Color> PALETTE = List.of(new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
            new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0),
            new Color(240, 228, 66));

    /** Panel size in pixels. */
    static final int WIDTH = 640;
    static final int HEIGHT = 440;

    private Charts() {
    }

    /**
     * Prepares this JVM to write figures after Ctrl-C: renders one small figure now, while JVM shutdown hooks can
     * still be registered (fonts and image writers register theirs on first use).
     */
    public static void prepareForShutdown() {
        PngPanels.warmUp();
    }

    /** An empty line chart with the house style. */
    static XYChart lineChart(String title, String xTitle, String yTitle) {
        return lineChart(title, xTitle, yTitle, WIDTH, HEIGHT);
    }

    /** An empty line chart with the house style, of the given size in pixels. */
    static XYChart lineChart(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setPlotGridLinesVisible(true);
        styler.setMarkerSize(5);
        return chart;
    }

    /**
     * A translucent polygon through the points (x, y), in {@code colour} at opacity {@code alpha} (0–255), without
     * marker or legend entry: the band behind a mean line.
     */
    static void addBand(XYChart chart, String name, double[] x, double[] y, Color colour, int alpha) {
        XYSeries band = chart.addSeries(name, x, y);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        Color fill = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
        band.setFillColor(fill);
        band.setLineColor(fill);
        band.setMarker(SeriesMarkers.NONE);
        band.setShowInLegend(false);
    }

    /**
     * A translucent band between {@code lower} and {@code upper} over {@code x} ({@link #addBand}): the polygon runs
     * along the upper edge and back along the lower one.
     */
    static void addBandBetween(XYChart chart, String name, double[] x, double[] lower, double[] upper, Color colour,
            int alpha) {
        int n = x.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int e = 0; e < n; e++) {
            px[e] = x[e];
            py[e] = upper[e];
            px[2 * n - 1 - e] = x[e];
            py[2 * n - 1 - e] = lower[e];
        }
        addBand(chart, name, px, py, colour, alpha);
    }

    /** Adds a line with small circle markers, one point per epoch. */
    static void addLine(XYChart chart, String name, double[] x, double[] y) {
        chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
    }
}

package org.convergence4j.plot;

import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The common look of this project's line charts: white, grid, legend inside, no markers. */
final class Charts {

    /** Panel size in pixels. */
    static final int WIDTH = 640;
    static final int HEIGHT = 440;

    private Charts() {
    }

    /** An empty line chart with the house style. */
    static XYChart lineChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setPlotGridLinesVisible(true);
        styler.setMarkerSize(5);
        return chart;
    }

    /** Adds a line with small circle markers, one point per epoch. */
    static void addLine(XYChart chart, String name, double[] x, double[] y) {
        chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
    }
}

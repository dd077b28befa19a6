package org.convergence4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.convergence4j.probe.ActivationHistogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Glorot and Bengio's (2010) figure of activation-value histograms: one panel per initialization,
 * stacked, each with one line per hidden layer (light = shallow, dark = deep) giving the fraction of
 * the batch's activation values in each bin. Saturated tanh units show as spikes at ±1; a vanishing
 * signal as a peak narrowing around 0.
 */
public final class ActivationHistogramChart {

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 520;
    private static final Color SHALLOW = new Color(158, 202, 225);
    private static final Color DEEP = new Color(8, 48, 107);

    /** One panel: a title and the histograms of its hidden layers, shallowest first. */
    public record Panel(String title, List<ActivationHistogram> layers) {

        /** Copies the list. */
        public Panel {
            layers = List.copyOf(layers);
        }
    }

    private ActivationHistogramChart() {
    }

    /**
     * Saves the panels one below the other.
     *
     * @param file the PNG to write
     * @param saturation the |a| threshold the histograms counted as saturated, for the legend
     * @param panels the initializations to compare
     */
    public static void save(Path file, double saturation, List<Panel> panels) {
        PngPanels.save(file, 1, panels.stream().map(p -> panel(p, saturation)).toList());
    }

    private static XYChart panel(Panel panel, double saturation) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(panel.title())
                .xAxisTitle("activation value").yAxisTitle("fraction of values per bin").build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesVisible(true);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setXAxisMin(-1.0);
        styler.setXAxisMax(1.0);
        styler.setYAxisMin(0.0);
        styler.setYAxisDecimalPattern("0.00");
        int n = panel.layers().size();
        for (int i = 0; i < n; i++) {
            ActivationHistogram h = panel.layers().get(i);
            double[] y = h.fractions().stream().mapToDouble(Double::doubleValue).toArray();
            String name = String.format(Locale.ROOT, "layer %d (%.0f%% |a|>%.1f)", h.layer(), 100 * h.saturated(),
                    saturation);
            XYSeries series = chart.addSeries(name, h.binCentres(), y);
            Color colour = blend(n == 1 ? 1 : (double) i / (n - 1));
            series.setLineColor(colour);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineStyle(new BasicStroke(2f));
        }
        return chart;
    }

    private static Color blend(double t) {
        return new Color((int) Math.round(SHALLOW.getRed() + t * (DEEP.getRed() - SHALLOW.getRed())),
                (int) Math.round(SHALLOW.getGreen() + t * (DEEP.getGreen() - SHALLOW.getGreen())),
                (int) Math.round(SHALLOW.getBlue() + t * (DEEP.getBlue() - SHALLOW.getBlue())));
    }
}

package org.convergence4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.convergence4j.claims.Judgement;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.MeanInterval;
import org.convergence4j.statistics.Spread;
import org.convergence4j.statistics.Verdict;
import org.convergence4j.statistics.VariantStatistics;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figure that answers the seminar: per unit (pp, epochs, nats, the log₂ ratios of Part 1), every reading of every
 * claim as its 95% interval with its mean, on a row of its own, over a grey band where the claim holds, coloured by
 * the reading's verdict (green supported, vermillion contradicted, grey not resolved), and, for a study judged beside
 * a reference (the new evidence beside Part 4), the reference's interval of the same reading just beneath, dashed and
 * coloured by its own verdict; then the train − test gap per epoch of each variant relative to the Baseline's, with
 * its interval as a band; then each variant's test accuracy per epoch with a band of ±1 sd over seeds. A variant has
 * one colour in every panel.
 */
public final class VerdictsChart {

    /**
     * The verdicts a study's are drawn beside.
     *
     * @param name how the annotations call it, e.g. "Part 4"
     * @param judgement its verdicts; a reading is matched by {@link Judgement#counterpart}
     */
    public record Reference(String name, Judgement judgement) {
    }

    /** Colours of the verdicts. */
    private static final Map<Verdict, Color> COLOURS = Map.of(Verdict.SUPPORTED, new Color(0, 158, 115),
            Verdict.CONTRADICTED, new Color(213, 94, 0), Verdict.DEPENDS_ON_READING, new Color(204, 121, 167),
            Verdict.NOT_RESOLVED, new Color(120, 120, 120));
    /** Opacity of a band behind a line. */
    private static final int BAND_ALPHA = 45;
    /** The region band's grey. */
    private static final Color REGION = new Color(0, 0, 0, 28);
    /** How far beneath its reading, in rows, a reference's interval is drawn. */
    private static final double REFERENCE_OFFSET = 0.24;
    /** Panel size of the figure, large enough for a row per reading. */
    private static final int WIDTH = 900;
    private static final int HEIGHT = 760;

    private VerdictsChart() {
    }

    /**
     * Saves the figure.
     *
     * @param judgement the study's verdicts; readings without an interval are left out
     * @param gaps per variant other than the Baseline, its relative gap per epoch ({@link
     *     org.convergence4j.statistics.RelativeGap}); may be empty
     * @param variants the variants whose test accuracy curves are drawn; their order gives each its colour
     * @param reference the verdicts to draw beneath each reading, if any
     * @throws IllegalArgumentException if there is nothing to draw
     */
    public static void save(Path file, String title, Judgement judgement, Map<String, List<MeanInterval>> gaps,
            List<VariantStatistics> variants, Optional<Reference> reference) {
        Map<String, List<Finding>> byUnit = new LinkedHashMap<>();
        judgement.readings().stream().filter(f -> f.value().isPresent())
                .forEach(f -> byUnit.computeIfAbsent(f.unit(), u -> new ArrayList<>()).add(f));
        List<XYChart> panels = new ArrayList<>();
        byUnit.forEach((unit, findings) -> panels.add(forest(title, unit, findings, f -> reference.flatMap(r -> judgement
                .counterpart(f, r.judgement()).filter(c -> c.value().isPresent()).map(c -> Map.entry(r.name(), c))))));
        Map<String, Color> colours = new LinkedHashMap<>();
        variants.forEach(v -> colours.put(v.variant(), Charts.PALETTE.get(colours.size() % Charts.PALETTE.size())));
        gaps.keySet().forEach(k -> colours.putIfAbsent(k, Charts.PALETTE.get(colours.size() % Charts.PALETTE.size())));
        if (gaps.values().stream().anyMatch(g -> !g.isEmpty())) {
            panels.add(gapPanel(title, gaps, colours));
        }
        List<VariantStatistics> drawn = variants.stream().filter(v -> !v.testAccuracyByEpoch().isEmpty()).toList();
        if (!drawn.isEmpty()) {
            panels.add(curves(title, drawn, colours));
        }
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("no reading with an interval and no curve to draw into " + file);
        }
        PngPanels.save(file, 2, panels);
    }

    /**
     * @param reference of a reading, the reference's name and its reading of the same, if drawn
     */
    private static XYChart forest(String title, String unit, List<Finding> findings,
            Function<Finding, Optional<Map.Entry<String, Finding>>> reference) {
        String axis = unit.isEmpty() ? "abs(log₂ ratio)" : unit;
        XYChart chart = Charts.lineChart(title + ": readings in " + axis + ", 95% intervals", axis, "", WIDTH, HEIGHT);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setYAxisMax(0.8);
        chart.getStyler().setYAxisMin(-findings.size() + 0.4);
        double low = findings.stream().mapToDouble(f -> f.value().get().low()).min().orElseThrow();
        double high = findings.stream().mapToDouble(f -> f.value().get().high()).max().orElseThrow();
        for (Finding f : findings) {
            low = Math.min(low, finite(f.hypothesis().low(), low));
            high = Math.max(high, finite(f.hypothesis().high(), high));
            Optional<MeanInterval> beside = reference.apply(f).map(r -> r.getValue().value().get());
            low = Math.min(low, beside.map(MeanInterval::low).orElse(low));
            high = Math.max(high, beside.map(MeanInterval::high).orElse(high));
        }
        double pad = 0.08 * Math.max(high - low, 1e-9);
        double xMin = low - pad;
        double xMax = high + pad;
        chart.getStyler().setXAxisMin(xMin);
        chart.getStyler().setXAxisMax(xMax);
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            double y = -i;
            double from = Math.max(f.hypothesis().low(), xMin);
            double to = Math.min(f.hypothesis().high(), xMax);
            XYSeries region = chart.addSeries("region " + i, new double[] {from, to}, new double[] {y, y});
            region.setLineColor(REGION);
            region.setLineStyle(new BasicStroke(16f));
            region.setMarker(SeriesMarkers.NONE);
            drawInterval(chart, "interval " + i, f, y, new BasicStroke(3f), SeriesMarkers.CIRCLE);
            Optional<Map.Entry<String, Finding>> beside = reference.apply(f);
            if (beside.isPresent()) {
                drawInterval(chart, "reference " + i, beside.get().getValue(), y - REFERENCE_OFFSET, new BasicStroke(2f,
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f), SeriesMarkers.DIAMOND);
            }
            chart.addAnnotation(new AnnotationText(f.claim() + ": " + f.reading() + " (" + f.verdict().text(f.seeds())
                    + beside.map(r -> "; " + r.getKey() + ": " + r.getValue().verdict().text(r.getValue().seeds()))
                            .orElse("") + ")", (xMin + xMax) / 2, y + 0.38, false));
        }
        return chart;
    }

    /** The 95% interval and mean of {@code reading} at height {@code y}, coloured by its verdict. */
    private static void drawInterval(XYChart chart, String name, Finding reading, double y, BasicStroke stroke,
            Marker marker) {
        MeanInterval v = reading.value().get();
        Color colour = COLOURS.getOrDefault(reading.verdict(), Color.GRAY);
        XYSeries interval = chart.addSeries(name, new double[] {v.low(), v.mean(), v.high()}, new double[] {y, y, y});
        interval.setLineColor(colour);
        interval.setMarkerColor(colour);
        interval.setLineStyle(stroke);
        interval.setMarker(marker);
    }

    private static double finite(double bound, double otherwise) {
        return Double.isFinite(bound) ? bound : otherwise;
    }

    private static XYChart gapPanel(String title, Map<String, List<MeanInterval>> gaps, Map<String, Color> colours) {
        XYChart chart = Charts.lineChart(title + ": train − test gap relative to the Baseline's, 95% band", "Epochs",
                "(test − training accuracy) − Baseline's (pp)", WIDTH, HEIGHT);
        for (Map.Entry<String, List<MeanInterval>> e : gaps.entrySet()) {
            List<MeanInterval> g = e.getValue();
            if (g.isEmpty()) {
                continue;
            }
            Color colour = colours.get(e.getKey());
            double[] x = IntStream.rangeClosed(1, g.size()).asDoubleStream().toArray();
            Charts.addBandBetween(chart, e.getKey() + " band", x, g.stream().mapToDouble(MeanInterval::low).toArray(),
                    g.stream().mapToDouble(MeanInterval::high).toArray(), colour, BAND_ALPHA);
            XYSeries line = chart.addSeries(e.getKey(), x, g.stream().mapToDouble(MeanInterval::mean).toArray());
            line.setLineColor(colour);
            line.setMarkerColor(colour);
            line.setMarker(SeriesMarkers.CIRCLE);
        }
        chart.getStyler().setXAxisDecimalPattern("0");
        return chart;
    }

    private static XYChart curves(String title, List<VariantStatistics> variants, Map<String, Color> colours) {
        XYChart chart = Charts.lineChart(title + ": test accuracy, mean ± sd over seeds", "Epochs", "accuracy (%)",
                WIDTH, HEIGHT);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        for (VariantStatistics v : variants) {
            Color colour = colours.get(v.variant());
            double[] x = IntStream.rangeClosed(1, v.testAccuracyByEpoch().size()).asDoubleStream().toArray();
            List<Spread> byEpoch = v.testAccuracyByEpoch();
            if (byEpoch.get(0).sd().isPresent()) {
                Charts.addBandBetween(chart, v.variant() + " band", x,
                        byEpoch.stream().mapToDouble(s -> 100 * (s.mean() - s.sdValue())).toArray(),
                        byEpoch.stream().mapToDouble(s -> 100 * (s.mean() + s.sdValue())).toArray(), colour,
                        BAND_ALPHA);
            }
            XYSeries line = chart.addSeries(v.variant(), x, v.testAccuracyByEpoch().stream()
                    .mapToDouble(s -> 100 * s.mean()).toArray());
            line.setLineColor(colour);
            line.setMarkerColor(colour);
            line.setMarker(SeriesMarkers.CIRCLE);
        }
        chart.getStyler().setXAxisDecimalPattern("0");
        return chart;
    }
}

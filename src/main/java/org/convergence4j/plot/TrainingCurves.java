package org.convergence4j.plot;

import java.nio.file.Path;
import java.util.List;
import org.convergence4j.train.EpochMetrics;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * The seminar's live training plot as a PNG: left panel loss (train and test) per epoch, right
 * panel accuracy (train and test, in %) per epoch.
 */
public final class TrainingCurves {

    private TrainingCurves() {
    }

    /** Saves the two panels for {@code epochs} (at least one) into {@code file}. */
    public static void save(Path file, String title, List<EpochMetrics> epochs) {
        double[] x = epochs.stream().mapToDouble(EpochMetrics::epoch).toArray();
        XYChart loss = Charts.lineChart(title + " — loss", "Epochs", "NLL loss (nats)");
        Charts.addLine(loss, "train", x, epochs.stream().mapToDouble(EpochMetrics::trainLoss).toArray());
        Charts.addLine(loss, "test", x, epochs.stream().mapToDouble(EpochMetrics::testLoss).toArray());
        XYChart accuracy = Charts.lineChart(title + " — accuracy", "Epochs", "accuracy (%)");
        accuracy.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        Charts.addLine(accuracy, "train", x, epochs.stream().mapToDouble(m -> 100 * m.trainAccuracy()).toArray());
        Charts.addLine(accuracy, "test", x, epochs.stream().mapToDouble(m -> 100 * m.testAccuracy()).toArray());
        PngPanels.save(file, 2, List.of(loss, accuracy));
    }
}

package org.convergence4j.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.convergence4j.persistence.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/** XChart panels laid out on a grid and saved as one PNG, rendered off-screen and written atomically. */
final class PngPanels {

    static {
        // Rendering into a BufferedImage needs no display; without this, AWT may look for one.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // ImageIO's default disk cache registers a JVM shutdown hook on first use, which fails once Ctrl-C has
        // started the shutdown; figures are small, so they are encoded in memory.
        ImageIO.setUseCache(false);
    }

    private PngPanels() {
    }

    /**
     * Renders and encodes one small figure and throws it away. The first figure of a JVM loads fonts and image
     * writers, which register JVM shutdown hooks; after Ctrl-C has started the shutdown that fails with "Shutdown
     * in progress", so a program that must still write figures after Ctrl-C calls this before it can be stopped.
     */
    static void warmUp() {
        XYChart chart = Charts.lineChart("warm-up", "x", "y", 120, 80);
        Charts.addLine(chart, "y", new double[] {0, 1}, new double[] {0, 1});
        try {
            ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", new ByteArrayOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render a figure in this JVM: " + e.getMessage(), e);
        }
    }

    /**
     * Renders {@code panels} row by row, {@code columns} per row, into {@code file}.
     *
     * @throws IllegalArgumentException if there are no panels or {@code columns < 1}
     */
    static void save(Path file, int columns, List<XYChart> panels) {
        if (panels.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("a figure needs ≥ 1 panel and ≥ 1 column: " + file);
        }
        List<BufferedImage> images = panels.stream().map(BitmapEncoder::getBufferedImage).toList();
        int cellWidth = images.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
        int cellHeight = images.stream().mapToInt(BufferedImage::getHeight).max().orElseThrow();
        int rows = (images.size() + columns - 1) / columns;
        int usedColumns = Math.min(columns, images.size());
        BufferedImage figure = new BufferedImage(usedColumns * cellWidth, rows * cellHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = figure.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, figure.getWidth(), figure.getHeight());
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(images.get(i), (i % columns) * cellWidth, (i / columns) * cellHeight, null);
        }
        g.dispose();
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(figure, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JVM, cannot write " + file);
            }
        });
    }
}

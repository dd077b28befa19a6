package org.convergence4j.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
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
    }

    private PngPanels() {
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

package org.convergence4j.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.convergence4j.report.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A figure of XChart panels side by side, saved as one PNG (like matplotlib's
 * {@code plt.subplot(1, n, i)}). Rendering is headless; the file is written atomically.
 */
public final class PngFigure {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private PngFigure() {
    }

    /** Renders {@code panels} left to right into {@code file}. */
    public static void save(Path file, List<? extends Chart<?, ?>> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel: " + file);
        }
        List<BufferedImage> images = panels.stream().map(BitmapEncoder::getBufferedImage).toList();
        int width = images.stream().mapToInt(BufferedImage::getWidth).sum();
        int height = images.stream().mapToInt(BufferedImage::getHeight).max().orElseThrow();
        BufferedImage figure = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = figure.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int x = 0;
        for (BufferedImage image : images) {
            g.drawImage(image, x, 0, null);
            x += image.getWidth();
        }
        g.dispose();
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(figure, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        });
    }
}

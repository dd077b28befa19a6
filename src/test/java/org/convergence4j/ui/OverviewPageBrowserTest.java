package org.convergence4j.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.impl.DefaultStatsUpdateConfiguration;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UI's overview page in headless Chromium (Debian's {@code chromium}; {@code .ci/run} installs it): after its
 * scripts have fetched the run's data, the page holds the score chart that its plotting library drew. Skipped, with
 * the reason, where Chromium is not installed or cannot start.
 */
class OverviewPageBrowserTest {

    private static final long CHROMIUM_SECONDS = 120;
    private static final Pattern SCORE_CHART = Pattern.compile(
            "<div id=\"scoreiterchart\"[^>]*>(.*?)<p id=\"hoverdata\"", Pattern.DOTALL);

    @TempDir
    Path dir;

    private UiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Chromium's headless run of {@code args}: {exit code, stdout, stderr}; stdout is empty after a time-out. */
    private Object[] chromium(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromiumPath().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(CHROMIUM_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return new Object[] {-1, "", "no answer within " + CHROMIUM_SECONDS + " s\n" + Files.readString(err)};
        }
        return new Object[] {p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err)};
    }

    private static Path chromiumPath() {
        for (String dirOnPath : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dirOnPath, "chromium");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return Path.of("/usr/bin/chromium");
    }

    /** Skips, saying why, unless Chromium is installed and renders a page here. */
    private void assumeChromiumRuns() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(chromiumPath()), "Chromium is not installed (apt-get install chromium)");
        Object[] blank = chromium("--dump-dom", "about:blank");
        String why = ((String) blank[2]).lines().filter(l -> !l.isBlank()).limit(3).reduce("", (a, b) -> a + " " + b);
        assumeTrue((int) blank[0] == 0 && ((String) blank[1]).contains("<body"),
                "Chromium cannot run headless here (exit " + blank[0] + "):" + why);
    }

    @Test
    void theOverviewPageDrawsTheScoreChartOfARun() throws Exception {
        assumeChromiumRuns();
        server = UiServer.start(0);
        InMemoryStatsStorage storage = new InMemoryStatsStorage();
        server.attach(storage);
        FewIterations run = FewIterations.train(List.of(new StatsListener(storage, null,
                new DefaultStatsUpdateConfiguration.Builder().reportingFrequency(1).build(), "Baseline seed 1", "w")));
        Http.awaitSession(server.port(), "Baseline seed 1");
        String page = "http://127.0.0.1:" + server.port() + "/train/overview";

        // The virtual time budget lets the page's scripts fetch the data and draw before the DOM is taken.
        Object[] dom = chromium("--virtual-time-budget=10000", "--dump-dom", page);
        assertEquals(0, dom[0], "Chromium: " + dom[2]);
        String html = (String) dom[1];
        Matcher chart = SCORE_CHART.matcher(html);
        assertTrue(chart.find(), "no score chart in the page: " + html);
        assertTrue(chart.group(1).contains("class=\"flot-base\""), "the chart's canvas was not drawn: " + chart.group(1));
        assertTrue(chart.group(1).contains(">score<"), "the chart has no 'score' series: " + chart.group(1));
        assertTrue(html.contains("id=\"nLayers\">" + run.network.getnLayers() + "<"), "layer count not filled in");

        Path png = dir.resolve("overview.png");
        Object[] shot = chromium("--virtual-time-budget=10000", "--window-size=1280,1000", "--hide-scrollbars",
                "--screenshot=" + png, page);
        assertEquals(0, shot[0], "Chromium: " + shot[2]);
        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 50, "the screenshot is blank: " + colours.size() + " colours");
    }
}

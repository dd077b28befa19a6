package org.convergence4j.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.impl.DefaultStatsUpdateConfiguration;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DL4J's UI on a free port, fed by a {@link StatsListener} over a few iterations, read back through the JSON routes
 * its pages use (DL4J's {@code TrainModule}, single-session mode).
 */
class UiServerTest {

    private UiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theOverviewAndModelRoutesServeTheRunsScoresAndLayers() throws IOException, InterruptedException {
        server = UiServer.start(0);
        InMemoryStatsStorage storage = new InMemoryStatsStorage();
        server.attach(storage);
        String session = "Baseline seed " + FewIterations.SEED;
        StatsListener listener = new StatsListener(storage, null,
                new DefaultStatsUpdateConfiguration.Builder().reportingFrequency(1).build(), session, "worker");
        FewIterations run = FewIterations.train(List.of(listener));
        int port = server.port();
        Http.awaitSession(port, session);

        JsonNode sessions = Http.json(port, "/train/sessions/info");
        assertTrue(sessions.has(session), sessions.toString());
        assertEquals(run.network.getnLayers(), sessions.get(session).get("numLayers").asInt());
        assertEquals(run.network.numParams(), sessions.get(session).get("numParams").asLong());
        Http.get(port, "/train/sessions/set/" + Http.segment(session));
        assertEquals(session, Http.get(port, "/train/sessions/current"));

        JsonNode overview = Http.json(port, "/train/overview/data");
        JsonNode scores = overview.get("scores");
        JsonNode iterations = overview.get("scoresIter");
        assertEquals(scores.size(), iterations.size());
        assertTrue(scores.size() >= FewIterations.BATCHES - 1, "one score per iteration reported: " + scores);
        for (int i = 0; i < scores.size(); i++) {
            double reported = run.scores.get(iterations.get(i).asInt());
            assertEquals(reported, scores.get(i).asDouble(), 1e-12 * reported,
                    "score of iteration " + iterations.get(i));
        }
        assertFalse(overview.get("updateRatios").isEmpty(), "update:parameter ratios: " + overview);

        JsonNode graph = Http.json(port, "/train/model/graph");
        List<String> vertices = new ArrayList<>();
        graph.get("vertexNames").forEach(n -> vertices.add(n.asText()));
        assertEquals(run.layerNames(), vertices.subList(1, vertices.size()), "vertex 0 is the input: " + vertices);

        int firstConv = 1;
        JsonNode layer = Http.json(port, "/train/model/data/" + firstConv);
        assertTrue(layer.get("layerInfo").toString().contains(run.layerNames().get(0)), layer.get("layerInfo").toString());
        JsonNode ratios = layer.get("meanMag").get("ratios");
        assertTrue(ratios.has("W") && ratios.get("W").size() == scores.size(), "W's update:parameter ratios: " + ratios);
        assertEquals(scores.size(), layer.get("activations").get("stdev").size());
    }

    @Test
    void aTakenPortIsABindExceptionNamingItAndTheNextStartWorks() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            BindException e = assertThrows(BindException.class, () -> server = UiServer.start(taken.getLocalPort()));
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort() + " is taken"), e.getMessage());
        }
        server = UiServer.start(0);
        assertTrue(server.port() > 0);
    }

    @Test
    void aSecondServerInOneJvmIsRefused() throws IOException {
        server = UiServer.start(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> UiServer.start(0));
        assertTrue(e.getMessage().contains("already runs"), e.getMessage());
    }

    @Test
    void aClosedServerLeavesNoEmptyUploadFolder() throws IOException {
        long before = System.currentTimeMillis();
        UiServer.start(0).close();

        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            List<Path> ours = left.filter(p -> p.getFileName().toString().matches("DL4JUI_\\d+"))
                    .filter(p -> Long.parseLong(p.getFileName().toString().substring(7)) >= before).toList();
            assertTrue(ours.isEmpty(), "DL4J's upload folders left: " + ours);
        }
    }

    /**
     * On Ctrl-C DL4J's own shutdown hook may stop the server before {@link UiServer#close()} runs, and an open page's
     * requests make the upload folder again until then: close still removes it.
     */
    @Test
    void aServerStoppedByDl4jFirstLeavesNoUploadFolderEither() throws Exception {
        long before = System.currentTimeMillis();
        server = UiServer.start(0);
        long after = System.currentTimeMillis();
        org.deeplearning4j.ui.VertxUIServer.stopInstance(); // what DL4J's shutdown hook does
        assertFalse(uploadFolders(before, after).isEmpty(), "DL4J made its upload folder at the start");
        server.close();
        assertEquals(List.of(), uploadFolders(before, after));
    }

    private static List<Path> uploadFolders(long from, long until) throws IOException {
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return left.filter(p -> p.getFileName().toString().matches("DL4JUI_\\d+")).filter(p -> {
                long stamp = Long.parseLong(p.getFileName().toString().substring(7));
                return stamp >= from && stamp <= until;
            }).toList();
        }
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> UiServer.start(65_536));
        assertThrows(IllegalArgumentException.class, () -> UiServer.start(-1));
    }
}

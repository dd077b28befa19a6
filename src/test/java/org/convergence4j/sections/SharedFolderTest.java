package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.convergence4j.data.DataDirectory;
import org.convergence4j.data.MnistFixture;
import org.convergence4j.persistence.ResultsLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes on one results folder: started at once, with or without shards, they train every run exactly
 * once between them and leave the summary a single process writes (in numbers).
 */
class SharedFolderTest {

    /** Four runs of one epoch on the first 10 000 examples. */
    private static final String[] STUDY = {"--quick", "--epochs", "1", "--seeds", "2", "--variants", "Baseline,Dropout",
        "--jobs", "1"};
    private static final int RUNS = 4;

    @TempDir
    Path dir;

    private static List<String> args(Path out, String... more) {
        MnistFixture.mnist();
        List<String> args = new ArrayList<>(List.of(STUDY));
        args.addAll(List.of("--data-dir", DataDirectory.resolve(null, System.getenv(), "mnist").toString(), "--out",
                out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void twoShardsAndTwoUnshardedProcessesEachTrainEveryRunOnceAndMergeAsOneProcess() throws Exception {
        Path single = dir.resolve("single");
        PrintStream saved = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Cli.run(new Part2Dropout(), args(single).toArray(String[]::new)));
        } finally {
            System.setOut(saved);
        }
        JsonNode expected = numbers(single);

        for (String[][] pair : List.of(new String[][] {{"--shard", "1/2"}, {"--shard", "2/2"}},
                new String[][] {{}, {}})) {
            Path shared = dir.resolve("shared-" + pair[0].length);
            try (ChildJvm a = ChildJvm.start(Part2Dropout.class, dir, Map.of(), args(shared, pair[0]).toArray(String[]::new));
                 ChildJvm b = ChildJvm.start(Part2Dropout.class, dir, Map.of(), args(shared, pair[1]).toArray(String[]::new))) {
                assertEquals(0, a.awaitExit(300), a.output());
                assertEquals(0, b.awaitExit(300), b.output());
                String both = a.output() + "\n" + b.output();
                assertEquals(RUNS, both.lines().filter(l -> l.contains(": trained, stored")).count(),
                        "every run trained exactly once:\n" + both);
                assertEquals(expected, numbers(shared), "the merged summary:\n" + both);
            }
        }
    }

    /** The per-epoch numbers of every variant's runs in {@code summary.json}, without times and the environment. */
    private static JsonNode numbers(Path results) throws IOException {
        JsonNode variants = new ObjectMapper().readTree(ResultsLayout.of(results).summary().toFile()).get("variants");
        for (Iterator<Map.Entry<String, JsonNode>> it = variants.fields(); it.hasNext();) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) it.next().getValue()).remove("seconds");
        }
        return variants;
    }
}

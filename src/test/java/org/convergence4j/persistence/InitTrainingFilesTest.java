package org.convergence4j.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convergence4j.statistics.InitTraining;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import org.convergence4j.train.FakeRuns;
import org.convergence4j.train.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitTrainingFilesTest {

    private static final Study STUDY = Studies.PART1_TRAINING;

    @Test
    void oneRowPerNetAndTheJsonReadsBackAsWritten(@TempDir Path dir) throws IOException {
        List<RunRecord> runs = FakeRuns.initTraining();
        InitTraining training = InitTraining.of(STUDY.variants(), STUDY.seeds(), STUDY.training(), runs);
        ResultsLayout layout = ResultsLayout.of(dir);
        InitTrainingFiles.write(layout, STUDY.folder(), training);

        List<String> csv = Files.readAllLines(layout.initTrainingCsv(STUDY.folder()));
        assertEquals(InitTrainingFiles.HEADER, csv.get(0));
        assertEquals(1 + STUDY.variants().size(), csv.size());
        String first = csv.get(1);
        assertTrue(first.startsWith("InitA,a,784→500×10→10,\"tanh, N(0, 0.1²)\",\"Adam, lr 0.001\",3," + STUDY.seeds().size() + ","), first);
        assertEquals(InitTrainingFiles.HEADER.split(",").length,
                first.replaceAll("\"[^\"]*\"", "q").split(",", -1).length, "one cell per column");

        assertEquals(training, Json.read(layout.initTrainingJson(STUDY.folder()), InitTraining.class));
    }
}

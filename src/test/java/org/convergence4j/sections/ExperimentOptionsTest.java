package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convergence4j.models.Variant;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import org.convergence4j.train.TrainingSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Which studies a command line asks for, and where their results go without {@code --out}. */
class ExperimentOptionsTest {

    /** The studies and default folder of {@code section} with {@code args}. */
    private static Object[] parse(TrainingSection section, String... args) {
        CommandLine cl = new CommandLine(section);
        cl.parseArgs(args);
        List<Study> studies = section.experiment.studies(section.reference(), cl);
        return new Object[] {studies, section.experiment.defaultOut(studies.equals(section.reference()))};
    }

    @SuppressWarnings("unchecked")
    private static List<Study> studies(Object[] parsed) {
        return (List<Study>) parsed[0];
    }

    @Test
    void onlyTheReferenceSettingsWriteTheCommittedResults() {
        assertEquals(ResultsLayout.REFERENCE, parse(new RunAll())[1]);
        assertEquals(ResultsLayout.REFERENCE, parse(new Part2Dropout(), "--variants", "Baseline,Dropout,DropConnect")[1],
                "the section's own variants are the reference");
        assertEquals(ResultsLayout.REFERENCE, parse(new Part3Normalization(), "--seeds", String.valueOf(Studies.SEED_COUNT), "--seed", "1", "--epochs",
                "20", "--jobs", "1", "--force")[1], "options at their defaults, and options that change no number");
        for (String[] custom : List.of(new String[] {"--epochs", "1"}, new String[] {"--seeds", "1"},
                new String[] {"--seed", "4"}, new String[] {"--variants", "Dropout(drop=0.5)"},
                new String[] {"--variants", "Baseline"})) {
            assertEquals(ExperimentOptions.CUSTOM_OUT, parse(new Part2Dropout(), custom)[1], String.join(" ", custom));
        }
        assertEquals(ExperimentOptions.QUICK_OUT, parse(new RunAll(), "--quick")[1]);
    }

    @Test
    void quickHonoursAnExplicitEpochCount() {
        Study s = studies(parse(new Part2Dropout(), "--quick", "--epochs", "3")).get(0);
        assertEquals(3, s.training().epochs());
        assertEquals(ExperimentOptions.QUICK_EXAMPLES, s.training().trainSubset());
        assertEquals(ExperimentOptions.QUICK_EPOCHS, studies(parse(new Part2Dropout(), "--quick")).get(0).training().epochs());
    }

    /** An option changes only what it names; the rest of a study's settings, its epochs included, stay its own. */
    @Test
    void anOptionOverridesOnlyWhatItNames() {
        TrainingSettings own = new TrainingSettings("mnist", 5, 0.01, 64, 0);
        List<Study> reference = List.of(Studies.PART2.withTraining(own), Studies.PART3);
        assertEquals(List.of(own, Studies.PART3.training()), settings(reference));
        assertEquals(List.of(own.withEpochs(3), Studies.PART3.training().withEpochs(3)),
                settings(reference, "--epochs", "3"));
        assertEquals(List.of(own.withDataset("fashion-mnist"), Studies.PART3.training().withDataset("fashion-mnist")),
                settings(reference, "--dataset", "fashion-mnist"));
        TrainingSettings quick = own.withEpochs(ExperimentOptions.QUICK_EPOCHS)
                .withTrainSubset(ExperimentOptions.QUICK_EXAMPLES);
        assertEquals(quick, settings(reference, "--quick").get(0));
        assertEquals(own, settings(reference, "--seeds", "2", "--jobs", "1").get(0));
    }

    /** Part 1's trained nets keep their 5 epochs beside the TestNetwork's 20; --epochs and --seeds reach them too. */
    @Test
    void partOnesTrainedNetsKeepTheirOwnEpochs() {
        Study own = study(studies(parse(new RunAll())), Studies.PART1_TRAINING.name());
        assertEquals(Studies.INIT_TRAINING_EPOCHS, own.training().epochs());
        assertEquals(Studies.PART1_TRAINING, own);
        assertEquals(TrainingSettings.SEMINAR_EPOCHS, study(studies(parse(new RunAll())), Studies.PART2.name())
                .training().epochs());
        Study changed = study(studies(parse(new RunAll(), "--epochs", "3", "--seeds", "2")),
                Studies.PART1_TRAINING.name());
        assertEquals(3, changed.training().epochs());
        assertEquals(List.of(1L, 2L), changed.seeds());
    }

    @Test
    void partOnesNetsAreChosenWithVariantsAndTrainedOnMnistOnly() {
        List<Study> studies = studies(parse(new RunAll(), "--variants", "InitD,InitD(sgd=0.01)"));
        assertEquals(List.of(Studies.PART1.name(), Studies.PART1_TRAINING.name()), studies.stream().map(Study::name)
                .toList());
        assertEquals(List.of("InitD", "InitD(sgd=0.01)"), keys(studies.get(1)));
        assertTrue(studies(parse(new RunAll(), "--dataset", "fashion-mnist")).stream()
                .noneMatch(Study::initialization));
    }

    /**
     * The new evidence runs at its own settings only: without options every study of it keeps its dataset and rate;
     * an option that changes what is trained leaves it out rather than bending it.
     */
    @Test
    void theNewEvidenceRunsOnlyAtItsOwnSettings() {
        List<Study> own = studies(parse(new NewEvidence()));
        assertEquals(1 + Studies.EVIDENCE.size(), own.size());
        assertTrue(own.containsAll(Studies.EVIDENCE), "unchanged: " + own);
        for (String[] option : List.of(new String[] {"--quick"}, new String[] {"--epochs", "3"},
                new String[] {"--learning-rate", "0.01"}, new String[] {"--dataset", "fashion-mnist"},
                new String[] {"--seeds", "2"})) {
            List<Study> changed = studies(parse(new NewEvidence(), option));
            assertTrue(changed.stream().noneMatch(s -> s.outputs().contains(Study.Output.EVIDENCE)),
                    String.join(" ", option));
        }
    }

    @Test
    void variantsGoToTheStudiesThatCompareTheirKind() {
        List<Study> studies = studies(parse(new RunAll(), "--variants", "Dropout(drop=0.5),LayerNorm(width=64)"));
        assertEquals(List.of(Studies.PART1.name(), Studies.PART2.name(), Studies.PART3.name(), Studies.PART4.name()),
                studies.stream().map(Study::name).toList(), "the sweep is its own list of values and is left out");
        assertEquals(List.of("Dropout(drop=0.5)"), keys(studies.get(1)));
        assertEquals(List.of("LayerNorm(width=64)"), keys(studies.get(2)));
        assertEquals(List.of("Dropout(drop=0.5)", "LayerNorm(width=64)"), keys(studies.get(3)));

        List<Study> onlyPart2 = studies(parse(new RunAll(), "--variants", "Dropout"));
        assertTrue(onlyPart2.stream().noneMatch(s -> s.name().equals(Studies.PART3.name())),
                "a study left without variants is dropped");
    }

    @Test
    void partOneRunsOnMnistOnly() {
        assertTrue(studies(parse(new RunAll(), "--dataset", "fashion-mnist")).stream().allMatch(Study::trains));
    }

    @Test
    void seedsAndEpochsReachEveryTrainingStudy() {
        for (Study s : studies(parse(new RunAll(), "--seeds", "2", "--seed", "5", "--epochs", "4"))) {
            if (s.trains()) {
                assertEquals(List.of(5L, 6L), s.seeds());
                assertEquals(4, s.training().epochs());
            } else {
                assertEquals(Studies.INITIALIZATION_SEEDS, s.seeds(), "Part 1's seeds are its own");
            }
        }
    }

    /** The training settings of the studies {@link RunAll} runs for {@code reference} and {@code args}. */
    private static List<TrainingSettings> settings(List<Study> reference, String... args) {
        RunAll section = new RunAll();
        CommandLine cl = new CommandLine(section);
        cl.parseArgs(args);
        return section.experiment.studies(reference, cl).stream().map(Study::training).toList();
    }

    private static Study study(List<Study> studies, String name) {
        return studies.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> keys(Study s) {
        return s.variants().stream().map(Variant::key).toList();
    }
}

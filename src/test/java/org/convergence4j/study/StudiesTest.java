package org.convergence4j.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.convergence4j.models.MlpNet;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantKind;
import org.convergence4j.models.Variants;
import org.convergence4j.train.TrainingSettings;
import org.junit.jupiter.api.Test;

class StudiesTest {

    private static final Study TRAINING = Studies.PART1_TRAINING;

    @Test
    void partOnesNetsAreTrainedWithAdamAndWithPlainSgd() {
        Set<String> expected = Variants.INITIALIZATION_KINDS.stream().map(VariantKind::defaults)
                .flatMap(v -> Stream.of(v, v.with("sgd", Studies.SGD_LEARNING_RATE)))
                .map(Variant::key).collect(Collectors.toSet());
        assertEquals(expected, TRAINING.variants().stream().map(Variant::key).collect(Collectors.toSet()));
        assertEquals(expected.size(), TRAINING.variants().size());
        assertTrue(TRAINING.variants().stream().allMatch(v -> v.network() instanceof MlpNet));
        assertTrue(TRAINING.variants().subList(0, Variants.INITIALIZATION_KINDS.size()).stream()
                .allMatch(v -> ((MlpNet) v.network()).adam()), "Adam first, the seminar's optimizer");
    }

    @Test
    void theyTrainFiveEpochsAtTheSeminarsOtherSettingsOnFiveSeeds() {
        assertEquals(TrainingSettings.seminar("mnist").withEpochs(Studies.INIT_TRAINING_EPOCHS), TRAINING.training());
        assertEquals(5, Studies.INIT_TRAINING_EPOCHS);
        assertEquals(Studies.seeds(1, 5), TRAINING.seeds());
        assertEquals(Studies.INIT_TRAINING_SEEDS, TRAINING.seeds());
    }

    @Test
    void theyAreWrittenUpWithPartOneAndRunByTheMainCommand() {
        assertEquals(Studies.PART1.folder(), TRAINING.folder());
        assertEquals(Studies.PART1.writeup(), TRAINING.writeup());
        assertTrue(TRAINING.initialization() && Studies.PART1.initialization());
        assertTrue(Studies.SEMINAR.stream().filter(s -> s != Studies.PART1 && s != TRAINING)
                .noneMatch(Study::initialization));
        assertEquals(Studies.SEMINAR.indexOf(Studies.PART1) + 1, Studies.SEMINAR.indexOf(TRAINING));
    }
}

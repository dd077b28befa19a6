package org.convergence4j.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.convergence4j.train.EpochMetrics;
import org.junit.jupiter.api.Test;

class StudyClockTest {

    private static EpochMetrics epoch(int e, double seconds) {
        return new EpochMetrics(e, 0.1, 0.1, 0.9, 0.9, seconds);
    }

    /** Two runs of 4 epochs, one at a time, 10 s an epoch: after the first epoch 3 of the run and 7 in all are left. */
    @Test
    void estimatesFromTheMeanEpochTime() {
        StudyClock clock = new StudyClock(List.of(4, 4), 1);
        assertEquals("ETA run 0:30, all runs 1:10", clock.estimate(epoch(1, 10), 4, 10));
        assertEquals("ETA run 0:40, all runs 2:00", clock.estimate(epoch(2, 30), 4, 40),
                "20 s/epoch: 2 and 6 epochs left");
    }

    /** With two jobs the runs left share the cores: 6 epochs left at 10 s over 2 runs at a time. */
    @Test
    void runsAtATimeShareTheRemainingWork() {
        StudyClock clock = new StudyClock(List.of(4, 4), 2);
        clock.estimate(epoch(1, 10), 4, 10);
        assertEquals("ETA run 0:30, all runs 0:30", clock.estimate(epoch(1, 10), 4, 10));
    }

    @Test
    void aRunEndedEarlyTakesItsEpochsOffTheEstimate() {
        StudyClock clock = new StudyClock(List.of(4, 4), 1);
        clock.runEnded(4, 0);
        assertEquals("ETA run 0:30, all runs 0:30", clock.estimate(epoch(1, 10), 4, 10));
    }

    /** A run of 5 epochs and one of 20 (Part 1's nets beside the TestNetwork): each run counts its own epochs. */
    @Test
    void runsOfDifferentLengthsCountTheirOwnEpochs() {
        StudyClock clock = new StudyClock(List.of(5, 20), 1);
        assertEquals("ETA run 0:40, all runs 4:00", clock.estimate(epoch(1, 10), 5, 10), "4 and 24 epochs left");
    }

    @Test
    void hoursAreShownFromAnHourOn() {
        assertEquals("59:59", StudyClock.clock(3599));
        assertEquals("1:00:00", StudyClock.clock(3600));
    }
}

package org.convergence4j.persistence;

import java.util.Optional;
import org.convergence4j.statistics.MeanInterval;
import org.convergence4j.statistics.Sweep;

/**
 * Writes a {@link Sweep} as two files, atomically: {@code sweep.json}, the record itself, from which the write-up
 * prints, and {@code sweep.csv}, one row per point: kind, parameter, value, whether it is the seminar's value,
 * seeds, the mean end-point with its interval, and the paired difference to the reference with its interval
 * (fractions; empty cells where an interval does not exist).
 */
public final class SweepFiles {

    /** Header of {@code sweep.csv}. */
    public static final String HEADER = "kind,parameter,value,seminar,seeds,end_point_mean,end_point_low,end_point_high,"
            + "vs_reference_mean,vs_reference_low,vs_reference_high";

    private SweepFiles() {
    }

    /** Writes both files of the sweep in {@code folder}. */
    public static void write(ResultsLayout layout, String folder, Sweep sweep) {
        AtomicFiles.writeString(layout.sweepCsv(folder), csv(sweep));
        Json.write(layout.sweepJson(folder), sweep);
    }

    /** The text of {@code sweep.csv}. */
    public static String csv(Sweep sweep) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Sweep.Series s : sweep.series()) {
            for (Sweep.Point p : s.points()) {
                csv.append(String.join(",", s.kind(), s.parameter(), String.valueOf(p.value()), String.valueOf(p.seminar()),
                        p.endPoint().map(i -> String.valueOf(i.n())).orElse(""), cells(p.endPoint()),
                        cells(p.versusReference()))).append('\n');
            }
        }
        return csv.toString();
    }

    private static String cells(Optional<MeanInterval> interval) {
        return interval.map(i -> i.mean() + "," + i.low() + "," + i.high()).orElse(",,");
    }
}

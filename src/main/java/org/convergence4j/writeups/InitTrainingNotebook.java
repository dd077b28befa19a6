package org.convergence4j.writeups;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.convergence4j.probe.NetSummary;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.claims.Judgement;
import org.convergence4j.statistics.InitTraining;
import org.convergence4j.statistics.InitTraining.Net;
import org.convergence4j.study.StudyReport;

/**
 * The measured parts of the Part 1 write-up's section on the trained nets, from the trained nets' report ({@link StudyReport}) and Part 1's std through depth ({@link NetSummary}): the
 * configuration, the status, the figure, the table of final training loss and test accuracy, conclusions chosen
 * from the numbers, and the verdict table on the seminar's 1.4 ({@link Verdicts}).
 * <p>
 * The conclusions ask whether Part 1 predicts which nets train: per optimizer, within each group of nets with the
 * same layers and activation, the order of the mean final training loss (lowest first) is set beside Part 1's two
 * orders of the steadiest signal through the hidden layers, forward and backward ({@link InitNotebook}), and each is
 * said to give that order or not; nets still at the loss of a uniform guess ({@link InitTraining#atChance}) are
 * named.
 */
final class InitTrainingNotebook {

    private final ResultsLayout layout;
    private final String folder;
    private final Optional<List<NetSummary>> entries;
    private final Optional<StudyReport> report;

    /**
     * @param layout the results folder
     * @param folder Part 1's folder in it, which holds the trained nets' files too
     * @param entries Part 1's measured std through depth, if Part 1 has been run
     * @param report the trained nets' report, if they have been trained
     */
    InitTrainingNotebook(ResultsLayout layout, String folder, Optional<List<NetSummary>> entries,
            Optional<StudyReport> report) {
        this.layout = layout;
        this.folder = folder;
        this.entries = entries;
        this.report = report;
    }

    /** The template values of the section. */
    Map<String, Supplier<String>> values() {
        Optional<InitTraining> training = report.flatMap(StudyReport::initTraining);
        Optional<Judgement> findings = report.map(StudyReport::judgement).filter(j -> !j.sentences().isEmpty());
        String none = "*No trained nets yet.*";
        Map<String, Supplier<String>> values = new LinkedHashMap<>();
        values.put("training_configuration", () -> training.map(InitTrainingNotebook::configuration).orElse(""));
        values.put("training_status", () -> training.map(InitTrainingNotebook::status)
                .orElse("**Status:** the nets have not been trained yet (the main command trains them)."));
        values.put("training_figure", () -> Markdown.figures(layout.notebooks(), List.of(new Markdown.Figure(
                layout.initTrainingFigure(folder), "Training loss per epoch, mean over seeds, per architecture and "
                        + "optimizer; dashed: ln 10, the loss of a uniform guess"))));
        values.put("training_table", () -> training.map(InitTrainingNotebook::table).orElse(none));
        values.put("training_conclusions", () -> training.map(this::conclusions).orElse(none));
        values.put("training_answer", () -> findings.map(InitTrainingNotebook::answer)
                .orElse("*The nets have not been trained yet.*"));
        values.put("training_verdicts", () -> findings.map(f -> new Verdicts(f).table()).orElse("*No verdicts yet.*"));
        return values;
    }

    /** The verdicts on the seminar's 1.4, grouped by verdict, for the top of the write-up. */
    private static String answer(Judgement judgement) {
        Verdicts verdicts = new Verdicts(judgement);
        return "Beside it, not part of it, the trained nets: " + String.join("\n\n", verdicts.sentences());
    }

    private static String configuration(InitTraining t) {
        List<String> parts = new ArrayList<>();
        parts.add("dataset " + Markdown.code(t.settings().dataset()));
        parts.add(t.settings().epochs() + (t.settings().epochs() == 1 ? " epoch" : " epochs") + " per run");
        parts.add("seeds " + t.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        parts.add("mini-batch " + t.settings().batchSize());
        parts.add("optimizers " + t.nets().stream().sorted(Comparator.comparingDouble(Net::sgd)).map(Net::optimizer)
                .distinct().collect(Collectors.joining(" and ")));
        parts.add(t.settings().trainSubset() == 0 ? "the whole training set"
                : "the first " + t.settings().trainSubset() + " training examples");
        return "**Configuration:** " + String.join("; ", parts) + ".";
    }

    /** What is not finished, and the nets without any run; "all runs finished" otherwise. */
    private static String status(InitTraining t) {
        List<String> open = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Net n : t.nets()) {
            if (n.finishedSeeds().isEmpty() && n.divergence().isEmpty()) {
                missing.add("**" + n.variant() + "**");
            } else if (n.finishedSeeds().size() < n.seedsConfigured() || !n.divergence().isEmpty()) {
                String diverged = n.divergence().isEmpty() ? "" : "; diverged: " + String.join("; ", n.divergence());
                open.add(n.finishedSeeds().size() + " of " + n.seedsConfigured() + " seeds finished for **"
                        + n.variant() + "**" + diverged);
            }
        }
        if (missing.size() == t.nets().size()) {
            return "**Status:** no run of these nets is stored yet (the main command trains them).";
        }
        if (!missing.isEmpty()) {
            open.add("no run yet for " + String.join(", ", missing));
        }
        if (open.isEmpty()) {
            return "**Status:** all runs finished.";
        }
        return "**Status:** the runs are incomplete; the statistics use the finished seeds only.\n\n"
                + Markdown.bullets(open);
    }

    private static String table(InitTraining t) {
        List<List<String>> rows = t.nets().stream().sorted(Comparator.comparingDouble(Net::sgd))
                .map(n -> List.of("**" + n.net() + "**", n.architecture() + " " + n.label(), n.optimizer(),
                        n.finishedSeeds().size() + " of " + n.seedsConfigured(),
                        TrainingNotebook.spread(n.finalTrainLoss(), Numbers::loss),
                        TrainingNotebook.spread(n.finalTestAccuracy(), Numbers::percent)))
                .toList();
        return Markdown.table(List.of("net", "layers, activation, initialization", "optimizer", "finished seeds",
                "final training loss (nats)", "final test accuracy (%)"), rows);
    }

    private String conclusions(InitTraining t) {
        List<Net> finished = t.nets().stream().filter(n -> n.finalTrainLoss().isPresent())
                .sorted(Comparator.comparingDouble(Net::sgd)).toList();
        if (finished.isEmpty()) {
            return "*No finished run yet.*";
        }
        List<String> lines = new ArrayList<>();
        if (entries.isEmpty()) {
            lines.add("Part 1's std through depth is not available (Part 1 has not been run here), "
                    + "so there is no ranking to compare the training with.");
        } else {
            lines.addAll(rankings(finished, entries.get()));
        }
        lines.add(chance(t, finished));
        return Markdown.bullets(lines);
    }

    /** Per optimizer and group of nets, the order of the final training loss beside Part 1's two orders. */
    private static List<String> rankings(List<Net> finished, List<NetSummary> entries) {
        Map<String, NetSummary> byNet = entries.stream().collect(Collectors.toMap(NetSummary::key, e -> e));
        List<String> lines = new ArrayList<>();
        List<String> forwardGives = new ArrayList<>();
        List<String> backwardGives = new ArrayList<>();
        int compared = 0;
        Map<String, List<Net>> byOptimizer = finished.stream().collect(Collectors.groupingBy(Net::optimizer,
                LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Net>> optimizer : byOptimizer.entrySet()) {
            Map<String, List<Net>> groups = optimizer.getValue().stream().filter(n -> byNet.containsKey(n.net()))
                    .collect(Collectors.groupingBy(n -> InitNotebook.group(byNet.get(n.net())), LinkedHashMap::new,
                            Collectors.toList()));
            for (List<Net> group : groups.values()) {
                if (group.size() < 2) {
                    continue;
                }
                compared++;
                List<Net> trained = group.stream()
                        .sorted(Comparator.comparingDouble(n -> n.finalTrainLoss().orElseThrow().mean())).toList();
                List<Net> forward = steadiest(group, byNet, InitNotebook::forwardLogChange);
                List<Net> backward = steadiest(group, byNet, InitNotebook::backwardLogChange);
                String name = InitNotebook.activation(byNet.get(group.get(0).net()));
                String where = name + " nets " + group.get(0).architecture() + " with " + optimizer.getKey();
                lines.add("With **" + optimizer.getKey() + "**, the " + name + " nets " + group.get(0).architecture()
                        + ", lowest final training loss first: " + trained.stream().map(n -> "**" + n.net() + "** ("
                                + Numbers.loss(n.finalTrainLoss().orElseThrow().mean()) + ")")
                        .collect(Collectors.joining(", "))
                        + "; Part 1's steadiest first (the smallest change of the std from the first hidden layer "
                        + "to the last, at initialization): forward " + keys(forward) + ", which " + gives(forward, trained)
                        + "; backward " + keys(backward) + ", which " + gives(backward, trained) + ".");
                if (forward.equals(trained)) {
                    forwardGives.add(where);
                }
                if (backward.equals(trained)) {
                    backwardGives.add(where);
                }
            }
        }
        if (compared > 0) {
            lines.add("In sum, Part 1's forward order gives the order of the final training loss " + where(forwardGives,
                    compared) + "; its backward order " + where(backwardGives, compared) + ".");
        }
        return lines;
    }

    /** The nets of {@code group} from the steadiest signal through the hidden layers to the least steady. */
    private static List<Net> steadiest(List<Net> group, Map<String, NetSummary> byNet, ToDoubleFunction<NetSummary> logChange) {
        return group.stream().sorted(Comparator.comparingDouble(n -> logChange.applyAsDouble(byNet.get(n.net()))))
                .toList();
    }

    private static String keys(List<Net> nets) {
        return nets.stream().map(n -> "**" + n.net() + "**").collect(Collectors.joining(", "));
    }

    private static String gives(List<Net> order, List<Net> trained) {
        return order.equals(trained) ? "gives this order" : "does not";
    }

    /** Where an order gives the training order: everywhere, nowhere, or for the groups listed. */
    private static String where(List<String> groups, int compared) {
        if (groups.size() == compared) {
            return "for every group above";
        }
        return groups.isEmpty() ? "for none" : "only for the " + String.join("; the ", groups);
    }

    /** The nets still at the loss of a uniform guess, or that there are none. */
    private static String chance(InitTraining t, List<Net> finished) {
        String margin = Numbers.wholePercent(t.chanceMargin()) + "% of ln 10 = " + Numbers.loss(t.chanceLoss())
                + " nats, the loss of a uniform guess";
        List<String> stuck = finished.stream().filter(t::atChance).map(n -> "**" + n.net() + "** with "
                + n.optimizer() + " (" + Numbers.loss(n.finalTrainLoss().orElseThrow().mean()) + ")").toList();
        List<String> someSeeds = finished.stream().filter(n -> !t.atChance(n) && !t.seedsAtChance(n).isEmpty())
                .map(n -> "**" + n.net() + "** with " + n.optimizer() + ": seed" + (t.seedsAtChance(n).size() > 1 ? "s "
                        : " ") + t.seedsAtChance(n).stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + " of " + n.finishedSeeds().size() + " still at chance, the others learned").toList();
        String seeds = someSeeds.isEmpty() ? "" : " A mean can hide a seed that never learned: "
                + String.join("; ", someSeeds) + ".";
        return (stuck.isEmpty() ? "No net is still at chance on average: every finished one ended more than " + margin
                + "." : "Still at chance after the last epoch, with a mean final training loss within " + margin + ": "
                        + String.join(", ", stuck) + ".") + seeds;
    }
}

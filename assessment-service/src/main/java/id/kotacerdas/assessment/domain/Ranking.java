package id.kotacerdas.assessment.domain;

import id.kotacerdas.assessment.domain.FrameworkContent.Criterion;
import id.kotacerdas.assessment.domain.ScoreCalculator.CriterionScore;
import id.kotacerdas.assessment.domain.ScoreCalculator.RegionScore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Orders the scored regions of one track. Regions are compared on their published (rounded) score, highest first.
 * <b>Tie rule</b>, for regions with the same rounded score:
 * <ol>
 * <li>the criteria are compared one by one, from the highest weight down (criteria of equal weight in the
 * framework's order), each on its rounded score: the first criterion that differs decides;</li>
 * <li>if all are equal, the lower Kemendagri code comes first (a fixed, reproducible order; it carries no merit).</li>
 * </ol>
 * Every rank is distinct; the entry ahead of a tied neighbour says what decided ({@link Entry#tieBreak()}).
 *
 * <p>Published league tables (the yearly evaluation's national and provincial ranks) rank otherwise:
 * {@link #competition} gives equal scores the same rank and skips the ranks they take (1, 2, 2, 4).
 */
public final class Ranking {

    private Ranking() {
    }

    /** A scored region to rank. */
    public record Candidate(String regionCode, String regionName, String provinceCode, Track track, RegionScore score) {
    }

    /** A ranked region: its place, its score and, when it tied with the region after it, what put it ahead. */
    public record Entry(int rank, Candidate candidate, String tieBreak) {
        public String regionCode() {
            return candidate.regionCode();
        }

        public BigDecimal score() {
            return candidate.score().score();
        }
    }

    /** The criteria in the order the tie rule compares them. */
    public static List<Criterion> tieOrder(FrameworkContent framework) {
        List<Criterion> order = new ArrayList<>(framework.criteria());
        order.sort(Comparator.comparing(Criterion::weight).reversed()); // stable: framework order within equal weights
        return order;
    }

    /** Ranks candidates of one track. */
    public static List<Entry> rank(FrameworkContent framework, List<Candidate> candidates) {
        List<Criterion> order = tieOrder(framework);
        Comparator<Candidate> byScore = Comparator.comparing((Candidate c) -> c.score().score()).reversed();
        Comparator<Candidate> comparator = byScore;
        for (Criterion criterion : order) {
            comparator = comparator.thenComparing(
                    Comparator.comparing((Candidate c) -> criterionScore(c, criterion.code())).reversed());
        }
        comparator = comparator.thenComparing(Candidate::regionCode);
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(comparator);
        List<Entry> entries = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Candidate current = sorted.get(i);
            String tieBreak = null;
            if (i + 1 < sorted.size() && sorted.get(i + 1).score().score().compareTo(current.score().score()) == 0) {
                tieBreak = explain(order, current, sorted.get(i + 1));
            }
            entries.add(new Entry(i + 1, current, tieBreak));
        }
        return entries;
    }

    /** Ranks each track on its own. */
    public static Map<Track, List<Entry>> rankByTrack(FrameworkContent framework, List<Candidate> candidates) {
        Map<Track, List<Candidate>> byTrack = candidates.stream().collect(Collectors.groupingBy(Candidate::track));
        Map<Track, List<Entry>> out = new java.util.EnumMap<>(Track.class);
        for (Track track : Track.values()) {
            out.put(track, rank(framework, byTrack.getOrDefault(track, List.of())));
        }
        return out;
    }

    /** An item with its competition rank. */
    public record Placed<T>(int rank, T item) {
    }

    /**
     * Competition ranking ("1224"): highest score first; items with equal scores share the rank of the first of them
     * and the next score's rank counts every item ahead of it. Items of equal score are listed in {@code order}
     * (a fixed order for display; it does not decide the rank).
     */
    public static <T> List<Placed<T>> competition(List<T> items, Function<T, BigDecimal> score, Comparator<T> order) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(score).reversed().thenComparing(order));
        List<Placed<T>> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            boolean tied = i > 0 && score.apply(sorted.get(i)).compareTo(score.apply(sorted.get(i - 1))) == 0;
            out.add(new Placed<>(tied ? out.get(i - 1).rank() : i + 1, sorted.get(i)));
        }
        return out;
    }

    private static String explain(List<Criterion> order, Candidate ahead, Candidate behind) {
        for (Criterion criterion : order) {
            BigDecimal a = criterionScore(ahead, criterion.code());
            BigDecimal b = criterionScore(behind, criterion.code());
            if (a.compareTo(b) != 0) {
                return "Same score as " + behind.regionCode() + " (" + ahead.score().score().toPlainString()
                        + "); ahead by criterion " + criterion.code() + " " + criterion.name() + ": " + a.toPlainString()
                        + " vs " + b.toPlainString() + ".";
            }
        }
        return "Same score and criterion scores as " + behind.regionCode() + " (" + ahead.score().score().toPlainString()
                + "); ahead by the lower region code.";
    }

    private static BigDecimal criterionScore(Candidate candidate, String code) {
        return candidate.score().criteria().stream().filter(c -> c.code().equals(code)).findFirst()
                .map(CriterionScore::score).orElse(BigDecimal.ZERO);
    }
}

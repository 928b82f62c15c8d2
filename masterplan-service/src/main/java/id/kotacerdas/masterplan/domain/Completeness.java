package id.kotacerdas.masterplan.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a masterplan needs before it can be submitted: its horizon, a vision and a mission, programmes in every one of
 * the six pillars, at least the quick wins the programme asks for (three, Bontang 2019; configurable), and a roadmap
 * entry for every year of its horizon.
 */
public final class Completeness {

    /** One thing missing: where (a document field) and what. */
    public record Missing(String field, String message) {
    }

    private Completeness() {
    }

    /** What is missing; empty when the document may be submitted. */
    public static List<Missing> check(MasterplanDocument doc, int minQuickWins) {
        List<Missing> missing = new ArrayList<>();
        if (doc.period() == null) {
            missing.add(new Missing("period", "the horizon (first and last year) is required"));
        }
        if (doc.vision() == null || doc.vision().isBlank()) {
            missing.add(new Missing("vision", "a smart city vision is required"));
        }
        if (doc.missions().isEmpty()) {
            missing.add(new Missing("missions", "at least one mission is required"));
        }
        Set<Pillar> covered = doc.programmes().stream().map(MasterplanDocument.Programme::pillar)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Pillar.class)));
        for (Pillar pillar : Pillar.values()) {
            if (!covered.contains(pillar)) {
                missing.add(new Missing("programmes", "pillar " + pillar + " has no programme"));
            }
        }
        if (doc.quickWins().size() < minQuickWins) {
            missing.add(new Missing("quickWins", "at least " + minQuickWins + " quick wins are required, "
                    + doc.quickWins().size() + " given"));
        }
        if (doc.period() != null) {
            Set<Integer> years = doc.roadmap().stream().map(MasterplanDocument.RoadmapYear::year)
                    .collect(Collectors.toCollection(TreeSet::new));
            List<Integer> uncovered = new ArrayList<>();
            for (int year = doc.period().startYear(); year <= doc.period().endYear(); year++) {
                if (!years.contains(year)) {
                    uncovered.add(year);
                }
            }
            if (!uncovered.isEmpty()) {
                missing.add(new Missing("roadmap", "the roadmap must cover every year of the horizon "
                        + doc.period().startYear() + "–" + doc.period().endYear() + "; missing " + uncovered));
            }
        }
        return missing;
    }
}

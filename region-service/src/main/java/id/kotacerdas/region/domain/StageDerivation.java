package id.kotacerdas.region.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives a region's {@link ProgrammeStage} and programme years from the set of its timeline facts. A pure function
 * of the set: the order in which the facts arrived plays no part, so a rebuild or events of different topics arriving
 * out of order give the same stage.
 *
 * <ol>
 * <li>The <b>programme years</b> are the years the region took part in: selected, listed in a result letter or a
 * cohort record, an MoU, guided masterplan work or bimtek of that year. A {@code SELF_MADE} masterplan (made before
 * the programme, e.g. Pangkalpinang 2021) is on the timeline but is no programme year.</li>
 * <li>With programme years, the stage is that of the <b>latest</b> one (Y): {@code EVALUATED} when an evaluation of
 * year Y or later is published; else {@code MASTERPLAN_RATIFIED} when a masterplan of Y is ratified; else
 * {@code MOU_ENDED} when an MoU of Y expired or was terminated and none of Y is in force; else the furthest of
 * {@code MASTERPLAN_APPROVED}, {@code MASTERPLAN_SUBMITTED} (also while a revision is requested),
 * {@code BIMTEK_COMPLETED}, {@code BIMTEK}, {@code MOU_SIGNED}; else {@code SELECTED}. A later assessment that has not
 * (yet) selected the region does not hide where its participation got to.</li>
 * <li>Without programme years: {@code EVALUATED} if any evaluation is published (a member whose cohort is not
 * recorded); else the latest assessment cycle's {@code NOT_SELECTED}, {@code ASSESSED} or {@code INVITED} (a
 * submission or score names only its cycle: its year comes from another fact of that cycle); else
 * {@code NOT_IN_PROGRAMME}.</li>
 * </ol>
 */
public final class StageDerivation {

    private StageDerivation() {
    }

    /**
     * One fact as the derivation needs it.
     *
     * @param programmeYear the programme year the fact names, or {@code null}
     * @param cycleId the assessment cycle (assessment facts), or {@code null}
     * @param aggregateId the MoU or masterplan id, or {@code null}
     * @param masterplanKind {@code GUIDED}, {@code SELF_MADE}, {@code REVISION} (only on {@code MASTERPLAN_OPENED})
     * @param evaluationYear the evaluation's year (only on {@code EVALUATED})
     */
    public record Fact(TimelineKind kind, Integer programmeYear, String cycleId, String aggregateId,
            String masterplanKind, Integer evaluationYear) {

        public Fact {
            Objects.requireNonNull(kind, "kind");
        }

        public static Fact of(TimelineKind kind, Integer programmeYear) {
            return new Fact(kind, programmeYear, null, null, null, null);
        }
    }

    /** The derived stage, the programme year it is about (or {@code null}), and every programme year, ascending. */
    public record Result(ProgrammeStage stage, Integer stageYear, List<Integer> programmeYears) {
    }

    private static final Set<TimelineKind> MOU = Set.of(TimelineKind.MOU_DRAFTED, TimelineKind.MOU_SCHEDULED,
            TimelineKind.MOU_SIGNED, TimelineKind.MOU_AMENDED, TimelineKind.MOU_EXPIRED, TimelineKind.MOU_TERMINATED,
            TimelineKind.MOU_WITHDRAWN);
    private static final Set<TimelineKind> MASTERPLAN = Set.of(TimelineKind.MASTERPLAN_OPENED,
            TimelineKind.BIMTEK_STAGE_1_HELD, TimelineKind.BIMTEK_STAGE_2_HELD, TimelineKind.BIMTEK_STAGE_3_HELD,
            TimelineKind.BIMTEK_STAGE_4_HELD, TimelineKind.BIMTEK_COMPLETED, TimelineKind.MASTERPLAN_SUBMITTED,
            TimelineKind.MASTERPLAN_REVISION_REQUESTED, TimelineKind.MASTERPLAN_APPROVED,
            TimelineKind.MASTERPLAN_RATIFIED);
    private static final Set<TimelineKind> SELECTION = Set.of(TimelineKind.SELECTED, TimelineKind.RESULT_LETTER,
            TimelineKind.COHORT_RECORDED);
    private static final Set<TimelineKind> ASSESSMENT = Set.of(TimelineKind.INVITED,
            TimelineKind.SELF_ASSESSMENT_SUBMITTED, TimelineKind.SCORED, TimelineKind.NOT_SELECTED);

    public static Result derive(Collection<Fact> facts) {
        Map<String, Integer> cycleYears = new HashMap<>();
        Set<String> selfMade = new HashSet<>();
        for (Fact f : facts) {
            if (f.cycleId() != null && f.programmeYear() != null) {
                cycleYears.merge(f.cycleId(), f.programmeYear(), Math::max);
            }
            if (f.kind() == TimelineKind.MASTERPLAN_OPENED && "SELF_MADE".equals(f.masterplanKind())
                    && f.aggregateId() != null) {
                selfMade.add(f.aggregateId());
            }
        }
        TreeSet<Integer> years = new TreeSet<>();
        for (Fact f : facts) {
            if (f.programmeYear() != null && counts(f, selfMade)
                    && (SELECTION.contains(f.kind()) || MOU.contains(f.kind()) || MASTERPLAN.contains(f.kind()))) {
                years.add(f.programmeYear());
            }
        }
        List<Integer> programmeYears = List.copyOf(years);
        if (!years.isEmpty()) {
            int y = years.last();
            return new Result(stageOf(facts, y, selfMade), y, programmeYears);
        }
        if (facts.stream().anyMatch(f -> f.kind() == TimelineKind.EVALUATED)) {
            return new Result(ProgrammeStage.EVALUATED, null, programmeYears);
        }
        return assessmentStage(facts, cycleYears, programmeYears);
    }

    private static boolean counts(Fact f, Set<String> selfMade) {
        return !(MASTERPLAN.contains(f.kind()) && f.aggregateId() != null && selfMade.contains(f.aggregateId()));
    }

    private static ProgrammeStage stageOf(Collection<Fact> facts, int y, Set<String> selfMade) {
        boolean evaluated = facts.stream().anyMatch(f -> f.kind() == TimelineKind.EVALUATED
                && f.evaluationYear() != null && f.evaluationYear() >= y);
        if (evaluated) {
            return ProgrammeStage.EVALUATED;
        }
        List<Fact> ofYear = facts.stream().filter(f -> Objects.equals(f.programmeYear(), y) && counts(f, selfMade))
                .toList();
        Set<TimelineKind> kinds = new HashSet<>();
        ofYear.forEach(f -> kinds.add(f.kind()));
        if (kinds.contains(TimelineKind.MASTERPLAN_RATIFIED)) {
            return ProgrammeStage.MASTERPLAN_RATIFIED;
        }
        if (mouEnded(ofYear)) {
            return ProgrammeStage.MOU_ENDED;
        }
        if (kinds.contains(TimelineKind.MASTERPLAN_APPROVED)) {
            return ProgrammeStage.MASTERPLAN_APPROVED;
        }
        if (kinds.contains(TimelineKind.MASTERPLAN_SUBMITTED) || kinds.contains(TimelineKind.MASTERPLAN_REVISION_REQUESTED)) {
            return ProgrammeStage.MASTERPLAN_SUBMITTED;
        }
        boolean allStages = kinds.contains(TimelineKind.BIMTEK_STAGE_1_HELD) && kinds.contains(TimelineKind.BIMTEK_STAGE_2_HELD)
                && kinds.contains(TimelineKind.BIMTEK_STAGE_3_HELD) && kinds.contains(TimelineKind.BIMTEK_STAGE_4_HELD);
        if (kinds.contains(TimelineKind.BIMTEK_COMPLETED) || allStages) {
            return ProgrammeStage.BIMTEK_COMPLETED;
        }
        if (kinds.stream().anyMatch(TimelineKind::isBimtekStage)) {
            return ProgrammeStage.BIMTEK;
        }
        if (kinds.contains(TimelineKind.MOU_SIGNED) || kinds.contains(TimelineKind.MOU_AMENDED)) {
            return ProgrammeStage.MOU_SIGNED;
        }
        return ProgrammeStage.SELECTED;
    }

    /** Some MoU of the year expired or was terminated, and no MoU of the year is signed and still in force. */
    private static boolean mouEnded(List<Fact> ofYear) {
        Map<String, Set<TimelineKind>> byMou = new HashMap<>();
        for (Fact f : ofYear) {
            if (MOU.contains(f.kind())) {
                byMou.computeIfAbsent(f.aggregateId() == null ? "?" : f.aggregateId(), k -> new HashSet<>()).add(f.kind());
            }
        }
        boolean ended = false;
        boolean inForce = false;
        for (Set<TimelineKind> k : byMou.values()) {
            boolean over = k.contains(TimelineKind.MOU_EXPIRED) || k.contains(TimelineKind.MOU_TERMINATED);
            ended |= over;
            inForce |= !over && (k.contains(TimelineKind.MOU_SIGNED) || k.contains(TimelineKind.MOU_AMENDED));
        }
        return ended && !inForce;
    }

    private static Result assessmentStage(Collection<Fact> facts, Map<String, Integer> cycleYears,
            List<Integer> programmeYears) {
        Integer latest = null;
        boolean any = false;
        for (Fact f : facts) {
            if (ASSESSMENT.contains(f.kind())) {
                any = true;
                Integer year = yearOf(f, cycleYears);
                if (year != null && (latest == null || year > latest)) {
                    latest = year;
                }
            }
        }
        if (!any) {
            return new Result(ProgrammeStage.NOT_IN_PROGRAMME, null, programmeYears);
        }
        Set<TimelineKind> kinds = new HashSet<>();
        for (Fact f : facts) {
            if (ASSESSMENT.contains(f.kind()) && Objects.equals(yearOf(f, cycleYears), latest)) {
                kinds.add(f.kind());
            }
        }
        ProgrammeStage stage = kinds.contains(TimelineKind.NOT_SELECTED) ? ProgrammeStage.NOT_SELECTED
                : kinds.contains(TimelineKind.SELF_ASSESSMENT_SUBMITTED) || kinds.contains(TimelineKind.SCORED)
                        ? ProgrammeStage.ASSESSED
                        : ProgrammeStage.INVITED;
        return new Result(stage, latest, programmeYears);
    }

    private static Integer yearOf(Fact f, Map<String, Integer> cycleYears) {
        return f.programmeYear() != null ? f.programmeYear() : f.cycleId() == null ? null : cycleYears.get(f.cycleId());
    }
}

package id.kotacerdas.masterplan.domain;

import id.kotacerdas.masterplan.domain.Pillar.SubDimension;
import java.util.List;

/**
 * A masterplan's content as stored: the JSON document in {@code masterplan.document} (the working copy) and in
 * {@code masterplan_version.document} (each frozen version). Pillars are stored as their canonical codes, whatever
 * name the region used. Its property names are the stored data's: renaming one needs a migration of the existing rows.
 * The API ({@code rest.MasterplanRequests.DocumentData}) has types of its own, mapped explicitly. Every list may be
 * empty while the region writes; {@link Completeness} says what a submission needs.
 */
public record MasterplanDocument(
        Period period,
        StrategicAnalysis strategicAnalysis,
        String vision,
        List<String> missions,
        List<String> objectives,
        List<Programme> programmes,
        List<QuickWin> quickWins,
        List<Action> actionPlan,
        List<RoadmapYear> roadmap) {

    /** An empty document: what a masterplan starts with. */
    public static MasterplanDocument empty() {
        return new MasterplanDocument(null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public List<String> missions() {
        return missions == null ? List.of() : missions;
    }

    public List<String> objectives() {
        return objectives == null ? List.of() : objectives;
    }

    public List<Programme> programmes() {
        return programmes == null ? List.of() : programmes;
    }

    public List<QuickWin> quickWins() {
        return quickWins == null ? List.of() : quickWins;
    }

    public List<Action> actionPlan() {
        return actionPlan == null ? List.of() : actionPlan;
    }

    public List<RoadmapYear> roadmap() {
        return roadmap == null ? List.of() : roadmap;
    }

    /** The years the masterplan covers (its horizon), first and last inclusive. */
    public record Period(int startYear, int endYear) {

        public boolean contains(int year) {
            return year >= startYear && year <= endYear;
        }
    }

    /** Analisis strategis (Buku 1): readiness, SWOT, gaps. */
    public record StrategicAnalysis(Readiness readiness, Swot swot, List<Gap> gapAnalysis) {
    }

    /** Readiness of the region's struktur (institutions), infrastruktur and suprastruktur (policy, regulation). */
    public record Readiness(String struktur, String infrastruktur, String suprastruktur) {
    }

    public record Swot(List<String> strengths, List<String> weaknesses, List<String> opportunities, List<String> threats) {
    }

    /** Where a pillar stands and where it should be. */
    public record Gap(Pillar pillar, String currentState, String targetState, String gap) {
    }

    /** A programme of one pillar over a horizon. */
    public record Programme(String code, String title, String description, Pillar pillar, SubDimension subDimension,
            Horizon horizon, String responsibleOpd, List<BudgetSource> budgetSources, List<Indicator> indicators,
            String rpjmdReference) {
    }

    public record Indicator(String name, String baseline, String target, String unit) {
    }

    /** A short programme (6–12 months) that sharpens an existing service and shows its impact. */
    public record QuickWin(String title, Pillar pillar, String existingService, String improvement, int durationMonths,
            String responsibleOpd, Impact impact) {
    }

    /** How a quick win's impact is measured. */
    public record Impact(String indicator, String baseline, String target, String measured) {
    }

    /** A step of the action plan (rencana aksi). */
    public record Action(String programmeCode, String action, Integer year, String responsibleOpd) {
    }

    /** One year of the roadmap (peta jalan). */
    public record RoadmapYear(int year, List<String> milestones, List<String> programmeCodes) {
    }
}

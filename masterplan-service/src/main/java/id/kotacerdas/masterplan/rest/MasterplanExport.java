package id.kotacerdas.masterplan.rest;

import id.kotacerdas.masterplan.domain.Alignment;
import id.kotacerdas.masterplan.domain.BimtekStage;
import id.kotacerdas.masterplan.domain.BudgetSource;
import id.kotacerdas.masterplan.domain.Masterplan;
import id.kotacerdas.masterplan.domain.MasterplanDocument;
import id.kotacerdas.masterplan.domain.Pillar;
import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the readable export shows (template {@code templates/masterplan.html}): flat, already formatted values, so the
 * template only lays them out. Pillars come in the programme's order with their programmes and quick wins.
 */
final class MasterplanExport {

    private MasterplanExport() {
    }

    @TemplateData
    record Model(String title, String regionName, String regionCode, Integer programmeYear, String kind, String state,
            int versionCount, String period, String vision, List<String> missions, List<String> objectives,
            String readinessStruktur, String readinessInfrastruktur, String readinessSuprastruktur,
            List<PillarSection> pillars, List<QuickWinRow> quickWins, List<RoadmapRow> roadmap,
            List<ActionRow> actionPlan, List<StageRow> stages, List<String> findings, String ratification) {
    }

    @TemplateData
    record PillarSection(String code, String name, List<ProgrammeRow> programmes, List<QuickWinRow> quickWins) {
    }

    @TemplateData
    record ProgrammeRow(String code, String title, String subDimension, String horizon, String responsibleOpd,
            String budgetSources, String indicators, String rpjmdReference) {
    }

    @TemplateData
    record QuickWinRow(String title, String pillar, String existingService, String improvement, int durationMonths,
            String responsibleOpd, String impact) {
    }

    @TemplateData
    record RoadmapRow(int year, List<String> milestones, String programmeCodes) {
    }

    @TemplateData
    record ActionRow(String programmeCode, String action, String year, String responsibleOpd) {
    }

    @TemplateData
    record StageRow(int stage, String state, String dates, String mode, String venue, String guides) {
    }

    static Model of(Masterplan m, List<BimtekStage> stages, List<Alignment.Finding> findings) {
        MasterplanDocument d = m.document == null ? MasterplanDocument.empty() : m.document;
        var readiness = d.strategicAnalysis() == null ? null : d.strategicAnalysis().readiness();
        List<PillarSection> pillars = java.util.Arrays.stream(Pillar.values()).map(p -> new PillarSection(p.name(),
                p.displayName(),
                d.programmes().stream().filter(x -> x.pillar() == p).map(MasterplanExport::programme).toList(),
                d.quickWins().stream().filter(q -> q.pillar() == p).map(MasterplanExport::quickWin).toList())).toList();
        Masterplan.Ratification r = m.ratification;
        return new Model(m.title, m.regionName == null ? m.regionCode : m.regionName, m.regionCode, m.programmeYear,
                m.kind.name(), m.state.name(), m.versionCount,
                d.period() == null ? "—" : d.period().startYear() + "–" + d.period().endYear(),
                d.vision() == null ? "—" : d.vision(), d.missions(), d.objectives(),
                readiness == null ? null : readiness.struktur(), readiness == null ? null : readiness.infrastruktur(),
                readiness == null ? null : readiness.suprastruktur(), pillars,
                d.quickWins().stream().map(MasterplanExport::quickWin).toList(),
                d.roadmap().stream().sorted(java.util.Comparator.comparingInt(MasterplanDocument.RoadmapYear::year))
                        .map(y -> new RoadmapRow(y.year(), y.milestones() == null ? List.of() : y.milestones(),
                                y.programmeCodes() == null ? "" : String.join(", ", y.programmeCodes())))
                        .toList(),
                d.actionPlan().stream().map(a -> new ActionRow(nz(a.programmeCode()), a.action(),
                        a.year() == null ? "" : a.year().toString(), nz(a.responsibleOpd()))).toList(),
                stages.stream().map(s -> new StageRow(s.stage, s.state.name(), s.startDate + " – " + s.endDate,
                        s.mode.name(), nz(s.venue), String.join(", ", s.guides.names()))).toList(),
                findings.stream().map(Alignment.Finding::message).toList(),
                r == null ? null : r.instrument() + (r.number() == null ? " (number not known)" : " No. " + r.number()) + "/"
                        + r.year() + (r.date() == null ? " (date not known)" : " (" + r.date() + ")")
                        + (r.title() == null ? "" : ": " + r.title()));
    }

    private static ProgrammeRow programme(MasterplanDocument.Programme p) {
        return new ProgrammeRow(nz(p.code()), p.title(), p.subDimension() == null ? "" : p.subDimension().indonesianName(),
                p.horizon() + " (" + p.horizon().years() + (p.horizon().years() == 1 ? " year)" : " years)"),
                p.responsibleOpd(),
                p.budgetSources() == null ? "" : p.budgetSources().stream().map(BudgetSource::name)
                        .collect(Collectors.joining(", ")),
                p.indicators() == null ? "" : p.indicators().stream()
                        .map(i -> i.name() + (i.target() == null ? "" : " → " + i.target() + (i.unit() == null ? "" : " " + i.unit())))
                        .collect(Collectors.joining("; ")),
                p.rpjmdReference() == null ? "—" : p.rpjmdReference());
    }

    private static QuickWinRow quickWin(MasterplanDocument.QuickWin q) {
        var i = q.impact();
        return new QuickWinRow(q.title(), q.pillar().displayName(), q.existingService(), nz(q.improvement()),
                q.durationMonths(), q.responsibleOpd(), i == null ? "" : i.indicator() + ": " + nz(i.baseline()) + " → "
                        + i.target() + (i.measured() == null ? "" : " (measured " + i.measured() + ")"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

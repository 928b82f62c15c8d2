package id.kotacerdas.masterplan.domain;

import java.util.ArrayList;
import java.util.List;

/** Stored documents for the domain's unit tests. */
final class DocumentFixtures {

    private DocumentFixtures() {
    }

    /** A document that may be submitted: a programme per pillar, {@code quickWins} quick wins, a roadmap year per year. */
    static MasterplanDocument complete(int start, int end, int quickWins) {
        List<MasterplanDocument.Programme> programmes = new ArrayList<>();
        for (Pillar p : Pillar.values()) {
            programmes.add(programme("P-" + p.ordinal(), p, "RPJMD Misi " + p.ordinal()));
        }
        List<MasterplanDocument.QuickWin> wins = new ArrayList<>();
        for (int i = 0; i < quickWins; i++) {
            wins.add(new MasterplanDocument.QuickWin("Quick win " + i, Pillar.values()[i % 6], "Layanan", null, 6, "OPD",
                    new MasterplanDocument.Impact("Waktu", "90", "30", null)));
        }
        List<MasterplanDocument.RoadmapYear> roadmap = new ArrayList<>();
        for (int y = start; y <= end; y++) {
            roadmap.add(new MasterplanDocument.RoadmapYear(y, List.of("Tonggak " + y), List.of()));
        }
        return new MasterplanDocument(new MasterplanDocument.Period(start, end), null, "Visi", List.of("Misi"), List.of(),
                programmes, wins, List.of(), roadmap);
    }

    static MasterplanDocument.Programme programme(String code, Pillar pillar, String rpjmdReference) {
        return new MasterplanDocument.Programme(code, "Programme " + code, null, pillar, null, Horizon.MEDIUM, "OPD",
                List.of(BudgetSource.APBD), List.of(), rpjmdReference);
    }

    static MasterplanDocument with(MasterplanDocument d, List<MasterplanDocument.Programme> programmes,
            List<MasterplanDocument.QuickWin> quickWins, List<MasterplanDocument.RoadmapYear> roadmap) {
        return new MasterplanDocument(d.period(), d.strategicAnalysis(), d.vision(), d.missions(), d.objectives(),
                programmes, quickWins, d.actionPlan(), roadmap);
    }
}

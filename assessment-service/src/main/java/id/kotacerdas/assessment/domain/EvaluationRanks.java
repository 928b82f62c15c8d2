package id.kotacerdas.assessment.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranks of a year's published evaluation, by {@link Ranking#competition competition ranking} on the rounded index
 * (ties share a rank: 1, 2, 2, 4): the <b>national rank</b> among the year's kabupaten/kota (provinces, evaluated on
 * their own track, among the provinces), and the <b>provincial rank</b> among the kabupaten/kota of the same province
 * (none for a province). With each rank goes how many regions it is among.
 */
public final class EvaluationRanks {

    private EvaluationRanks() {
    }

    public static void assign(List<Evaluation> results) {
        Comparator<Evaluation> byCode = Comparator.comparing(e -> e.regionCode);
        List<Evaluation> provinces = new ArrayList<>();
        List<Evaluation> kabKota = new ArrayList<>();
        results.forEach(e -> (isProvince(e) ? provinces : kabKota).add(e));
        for (List<Evaluation> track : List.of(provinces, kabKota)) {
            for (Ranking.Placed<Evaluation> placed : Ranking.competition(track, e -> e.index, byCode)) {
                placed.item().nationalRank = placed.rank();
                placed.item().rankedNationally = track.size();
            }
        }
        Map<String, List<Evaluation>> byProvince = new LinkedHashMap<>();
        kabKota.forEach(e -> byProvince.computeIfAbsent(e.provinceCode, k -> new ArrayList<>()).add(e));
        provinces.forEach(e -> {
            e.provincialRank = null;
            e.rankedInProvince = null;
        });
        for (List<Evaluation> province : byProvince.values()) {
            for (Ranking.Placed<Evaluation> placed : Ranking.competition(province, e -> e.index, byCode)) {
                placed.item().provincialRank = placed.rank();
                placed.item().rankedInProvince = province.size();
            }
        }
    }

    static boolean isProvince(Evaluation e) {
        return "PROVINCE".equals(e.regionLevel);
    }
}

package id.kotacerdas.assessment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The programme's history in numbers, per programme year and track, twice: as the ministry <b>declared</b> it (sizes
 * and repeats: distinct participants = Σ sizes − Σ repeats, so 25 + 50 + 25 + 48 − 7 = 141 by 2021 and 191 by 2022)
 * and as <b>computed</b> from the identified members (a repeat is a code that was a member of an earlier year of the
 * track), with the gap (declared − computed) per year. Coverage per province is the share of its kabupaten/kota that
 * were ever identified as members. Pure arithmetic: no I/O.
 */
public final class ProgrammeStatistics {

    private ProgrammeStatistics() {
    }

    /** A cohort as declared by the ministry. */
    public record Declared(int year, Track track, int size, int repeats, String sourceUrl) {
    }

    /** An identified member: a region in the cohort of a year (imported, or selected by this service). */
    public record Member(int year, Track track, String regionCode) {
    }

    /** A province of the registry and how many autonomous kabupaten/kota it has. */
    public record Province(String code, String name, int kabKota) {
    }

    public record Figures(int size, int repeats, int newParticipants, int cumulativeDistinct) {
    }

    /**
     * One programme year of a track. {@code declared} and {@code gap} are null where the ministry declared nothing
     * for that year; {@code complete} says whether every declared member is identified.
     */
    public record Year(int year, Track track, Figures declared, Figures computed, Figures gap, boolean complete,
            String declaredSource) {
    }

    public record Coverage(String provinceCode, String provinceName, int kabKota, int joined, BigDecimal sharePercent) {
    }

    public record Result(List<Year> years, List<Coverage> coverage) {

        public Year year(int year, Track track) {
            return years.stream().filter(y -> y.year() == year && y.track() == track).findFirst().orElse(null);
        }
    }

    public static Result compute(Collection<Declared> declared, Collection<Member> members,
            Collection<Province> provinces) {
        List<Year> years = new ArrayList<>();
        for (Track track : Track.values()) {
            years.addAll(track(track, declared.stream().filter(d -> d.track() == track).toList(),
                    members.stream().filter(m -> m.track() == track).toList()));
        }
        return new Result(years, coverage(members, provinces));
    }

    private static List<Year> track(Track track, List<Declared> declared, List<Member> members) {
        Map<Integer, Declared> declaredByYear = declared.stream()
                .collect(Collectors.toMap(Declared::year, d -> d, (a, b) -> a, TreeMap::new));
        Map<Integer, Set<String>> membersByYear = new TreeMap<>();
        members.forEach(m -> membersByYear.computeIfAbsent(m.year(), y -> new TreeSet<>()).add(m.regionCode()));
        Set<Integer> allYears = new TreeSet<>(declaredByYear.keySet());
        allYears.addAll(membersByYear.keySet());

        List<Year> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int declaredCumulative = 0;
        for (int year : allYears) {
            Set<String> codes = membersByYear.getOrDefault(year, Set.of());
            int repeats = (int) codes.stream().filter(seen::contains).count();
            seen.addAll(codes);
            Figures computed = new Figures(codes.size(), repeats, codes.size() - repeats, seen.size());
            Declared d = declaredByYear.get(year);
            Figures declaredFigures = null;
            Figures gap = null;
            if (d != null) {
                declaredCumulative += d.size() - d.repeats();
                declaredFigures = new Figures(d.size(), d.repeats(), d.size() - d.repeats(), declaredCumulative);
                gap = new Figures(d.size() - computed.size(), d.repeats() - computed.repeats(),
                        declaredFigures.newParticipants() - computed.newParticipants(),
                        declaredCumulative - computed.cumulativeDistinct());
            }
            result.add(new Year(year, track, declaredFigures, computed, gap,
                    d == null || computed.size() >= d.size(), d == null ? null : d.sourceUrl()));
        }
        return result;
    }

    private static List<Coverage> coverage(Collection<Member> members, Collection<Province> provinces) {
        Map<String, Set<String>> joined = new TreeMap<>();
        members.stream().filter(m -> m.track() == Track.KAB_KOTA)
                .forEach(m -> joined.computeIfAbsent(m.regionCode().substring(0, 2), p -> new TreeSet<>()).add(m.regionCode()));
        return provinces.stream().sorted(Comparator.comparing(Province::code)).map(p -> {
            int n = joined.getOrDefault(p.code(), Set.of()).size();
            BigDecimal share = p.kabKota() == 0 ? BigDecimal.ZERO.setScale(2)
                    : BigDecimal.valueOf(n * 100L).divide(BigDecimal.valueOf(p.kabKota()), 2, RoundingMode.HALF_UP);
            return new Coverage(p.code(), p.name(), p.kabKota(), n, share);
        }).toList();
    }
}

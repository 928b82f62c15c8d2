package id.kotacerdas.assessment.domain;

import id.kotacerdas.assessment.domain.Ranking.Entry;
import id.kotacerdas.platform.web.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The selection of a cycle. The system proposes, per track, the top of the ranking within the seats: it walks the
 * ranking from rank 1 and takes each region while seats remain, skipping a kabupaten/kota whose province already
 * has {@link Quotas#maxPerProvince()} regions taken (the next one moves up). The ministry confirms the proposal,
 * or adjusts it region by region with a reason; the confirmed selection must still fit the seats and the maximum
 * per province.
 */
public final class SelectionPlanner {

    private SelectionPlanner() {
    }

    /** The decision for one ranked region. */
    public record Decision(Entry entry, Track track, SelectionOutcome outcome, String reason) {
        public boolean selected() {
            return outcome.selected();
        }
    }

    /** A change to the proposal: select or leave out one region, with the reason. */
    public record Adjustment(String regionCode, boolean selected, String reason) {
    }

    public static List<Decision> propose(Map<Track, List<Entry>> ranking, Quotas quotas) {
        List<Decision> out = new ArrayList<>();
        for (Track track : Track.values()) {
            int seats = quotas.seats(track);
            int taken = 0;
            Map<String, Integer> perProvince = new HashMap<>();
            for (Entry entry : ranking.getOrDefault(track, List.of())) {
                String province = entry.candidate().provinceCode();
                int inProvince = perProvince.getOrDefault(province, 0);
                if (taken >= seats) {
                    out.add(new Decision(entry, track, SelectionOutcome.BELOW_QUOTA, "Rank " + entry.rank()
                            + " is below the " + seats + " seat(s) of track " + track + "."));
                } else if (track == Track.KAB_KOTA && quotas.maxPerProvince() != null
                        && inProvince >= quotas.maxPerProvince()) {
                    out.add(new Decision(entry, track, SelectionOutcome.PROVINCE_LIMIT, "Province " + province
                            + " already has " + inProvince + " region(s) ranked higher; at most "
                            + quotas.maxPerProvince() + " per province."));
                } else {
                    taken++;
                    perProvince.put(province, inProvince + 1);
                    out.add(new Decision(entry, track, SelectionOutcome.SELECTED, "Rank " + entry.rank()
                            + " of track " + track + ", within its " + seats + " seat(s)."));
                }
            }
        }
        return out;
    }

    /** The proposal with the ministry's adjustments applied; a {@link RuleViolationException} if it does not fit. */
    public static List<Decision> confirm(Map<Track, List<Entry>> ranking, Quotas quotas, List<Adjustment> adjustments) {
        Map<String, Decision> decisions = new LinkedHashMap<>();
        propose(ranking, quotas).forEach(d -> decisions.put(d.entry().regionCode(), d));
        List<Violation> violations = new ArrayList<>();
        Set<String> adjusted = new HashSet<>();
        for (int i = 0; i < adjustments.size(); i++) {
            Adjustment adjustment = adjustments.get(i);
            String field = "adjustments[" + i + "]";
            Decision proposed = decisions.get(adjustment.regionCode());
            if (!adjusted.add(adjustment.regionCode())) {
                violations.add(new Violation(field + ".regionCode", adjustment.regionCode() + " is adjusted twice"));
            } else if (proposed == null) {
                violations.add(new Violation(field + ".regionCode", adjustment.regionCode()
                        + " is not ranked in this cycle (not invited, declined, cancelled, or not scored)"));
            } else if (proposed.selected() == adjustment.selected()) {
                violations.add(new Violation(field + ".selected", adjustment.regionCode() + " is already proposed as "
                        + (proposed.selected() ? "selected" : "not selected") + "; this is no adjustment"));
            } else {
                decisions.put(adjustment.regionCode(), new Decision(proposed.entry(), proposed.track(),
                        adjustment.selected() ? SelectionOutcome.SELECTED_BY_ADJUSTMENT
                                : SelectionOutcome.REMOVED_BY_ADJUSTMENT,
                        "Adjusted by the ministry: " + adjustment.reason()));
            }
        }
        if (violations.isEmpty()) {
            for (Track track : Track.values()) {
                long selected = decisions.values().stream().filter(d -> d.track() == track && d.selected()).count();
                if (selected > quotas.seats(track)) {
                    violations.add(new Violation("adjustments", "the selection would take " + selected
                            + " region(s) on track " + track + "; the cycle has " + quotas.seats(track) + " seat(s)"));
                }
            }
            if (quotas.maxPerProvince() != null) {
                Map<String, Integer> perProvince = new HashMap<>();
                decisions.values().stream().filter(d -> d.track() == Track.KAB_KOTA && d.selected())
                        .forEach(d -> perProvince.merge(d.entry().candidate().provinceCode(), 1, Integer::sum));
                perProvince.forEach((province, n) -> {
                    if (n > quotas.maxPerProvince()) {
                        violations.add(new Violation("adjustments", "the selection would take " + n
                                + " kabupaten/kota of province " + province + "; at most " + quotas.maxPerProvince()));
                    }
                });
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return List.copyOf(decisions.values());
    }
}

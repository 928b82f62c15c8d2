package id.kotacerdas.assessment.repository;

import id.kotacerdas.assessment.domain.Evaluation;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Published evaluation results (computed and recorded), and the facts that make regions due. */
@ApplicationScoped
public class EvaluationRepository implements PanacheRepositoryBase<Evaluation, UUID> {

    /** A year's results, optionally of one province and one level, best index first. */
    public Uni<List<Evaluation>> ofYear(int year, String provinceCode, String level) {
        return ofYear(year, provinceCode, level, false);
    }

    /** A year's results (standing ones; {@code includeWithdrawn}: withdrawn ones too), best index first. */
    public Uni<List<Evaluation>> ofYear(int year, String provinceCode, String level, boolean includeWithdrawn) {
        List<String> where = new ArrayList<>(List.of("year = :year"));
        if (!includeWithdrawn) {
            where.add("withdrawnAt is null");
        }
        Parameters params = Parameters.with("year", year);
        if (provinceCode != null) {
            where.add("provinceCode = :province");
            params.and("province", provinceCode);
        }
        if (level != null) {
            where.add("regionLevel = :level");
            params.and("level", level);
        }
        return list(String.join(" and ", where), Sort.descending("index").and("regionCode"), params);
    }

    /** A region's standing results, oldest year first. */
    public Uni<List<Evaluation>> ofRegion(String regionCode) {
        return ofRegion(regionCode, false);
    }

    /** A region's results (standing ones; {@code includeWithdrawn}: withdrawn ones too), oldest year first. */
    public Uni<List<Evaluation>> ofRegion(String regionCode, boolean includeWithdrawn) {
        return includeWithdrawn ? list("regionCode", Sort.by("year").and("publishedAt"), regionCode)
                : list("regionCode = ?1 and withdrawnAt is null", Sort.by("year"), regionCode);
    }

    /** Every result of the region and year, withdrawn ones too, oldest first. */
    public Uni<List<Evaluation>> allOf(String regionCode, int year) {
        return list("regionCode = ?1 and year = ?2", Sort.by("publishedAt"), regionCode, year);
    }

    public Uni<Evaluation> find(String regionCode, int year) {
        return find("regionCode = ?1 and year = ?2 and withdrawnAt is null", regionCode, year).firstResult();
    }

    /** The latest standing result before {@code year} of each of the codes (absent for a region's first evaluation). */
    public Uni<Map<String, Evaluation>> previous(Collection<String> codes, int year) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("regionCode in ?1 and year < ?2 and withdrawnAt is null", Sort.by("year"), codes, year).map(found -> {
            Map<String, Evaluation> out = new HashMap<>();
            found.forEach(e -> out.put(e.regionCode, e)); // oldest first: the latest wins
            return out;
        });
    }

    /** The codes among {@code codes} that already have a result for {@code year}. */
    public Uni<List<String>> taken(Collection<String> codes, int year) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(s -> s.createSelectionQuery(
                "select regionCode from Evaluation where year = :year and regionCode in :codes and withdrawnAt is null order by regionCode",
                String.class).setParameter("year", year).setParameter("codes", codes).getResultList());
    }

    /** Whether a letter of any classification already has this year's number (evaluation letters). */
    public Uni<Boolean> letterNumberTaken(int year, int sequence) {
        return count("letterYear = ?1 and letterSeq = ?2", year, sequence).map(n -> n > 0);
    }
}

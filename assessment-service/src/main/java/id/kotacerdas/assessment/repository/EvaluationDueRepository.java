package id.kotacerdas.assessment.repository;

import id.kotacerdas.assessment.domain.DueBasis;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The facts that make regions due for evaluation: one row per fact ({@code evaluation_due_fact}: an MoU, a
 * masterplan's ratification, by its id), and derived from those that stand one row per region and basis
 * ({@code evaluation_due}) with the earliest due year. A fact's row depends only on which of its events arrived, not
 * on their order: a higher revision wins (0: the creation event; n: the correction that made revision n), equal
 * revisions keep the earliest year, a withdrawal is final; a redelivered event changes nothing.
 */
@ApplicationScoped
public class EvaluationDueRepository {

    /** A region due in an evaluation year: its earliest basis and from when. */
    public record Due(String regionCode, DueBasis basis, int dueFromYear, String reference) {
    }

    /** The creation ({@code revision} 0) or a correction (its revision) of a fact: it makes the region due from a year. */
    public Uni<Void> fact(DueBasis basis, String factId, String regionCode, int dueFromYear, String reference,
            int revision, String eventId, OffsetDateTime occurredAt) {
        return regionOf(basis, factId).chain(before -> Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO evaluation_due_fact AS f (basis, fact_id, region_code, due_from_year, reference,
                    fact_revision, withdrawn, event_id, occurred_at)
                VALUES (:basis, :fact, :code, :from, :reference, :revision, FALSE, :event, :at)
                ON CONFLICT (basis, fact_id) DO UPDATE SET
                    due_from_year = CASE
                        WHEN f.due_from_year IS NULL OR excluded.fact_revision > f.fact_revision THEN excluded.due_from_year
                        WHEN excluded.fact_revision = f.fact_revision THEN LEAST(f.due_from_year, excluded.due_from_year)
                        ELSE f.due_from_year END,
                    reference = CASE
                        WHEN f.due_from_year IS NULL OR excluded.fact_revision > f.fact_revision
                            OR (excluded.fact_revision = f.fact_revision AND excluded.due_from_year < f.due_from_year)
                        THEN excluded.reference ELSE f.reference END,
                    region_code = CASE WHEN f.due_from_year IS NULL OR excluded.fact_revision > f.fact_revision
                        THEN excluded.region_code ELSE f.region_code END,
                    event_id = CASE WHEN f.due_from_year IS NULL OR excluded.fact_revision > f.fact_revision
                            OR (excluded.fact_revision = f.fact_revision AND excluded.due_from_year < f.due_from_year)
                        THEN excluded.event_id ELSE f.event_id END,
                    occurred_at = CASE WHEN f.due_from_year IS NULL OR excluded.fact_revision > f.fact_revision
                            OR (excluded.fact_revision = f.fact_revision AND excluded.due_from_year < f.due_from_year)
                        THEN excluded.occurred_at ELSE f.occurred_at END,
                    fact_revision = GREATEST(f.fact_revision, excluded.fact_revision)""")
                .setParameter("basis", basis.name()).setParameter("fact", factId).setParameter("code", regionCode)
                .setParameter("from", dueFromYear).setParameter("reference", reference).setParameter("revision", revision)
                .setParameter("event", eventId).setParameter("at", occurredAt).executeUpdate())
                .chain(() -> derive(regionCode, basis))
                .chain(() -> before != null && !before.equals(regionCode) ? derive(before, basis) : Uni.createFrom().voidItem()));
    }

    /** The withdrawal of a fact: it no longer makes its region due (the region may still be due by other facts). */
    public Uni<Void> withdrawn(DueBasis basis, String factId, String regionCode, int revision, String eventId,
            OffsetDateTime occurredAt) {
        return regionOf(basis, factId).chain(before -> Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO evaluation_due_fact AS f (basis, fact_id, region_code, due_from_year, reference,
                    fact_revision, withdrawn, event_id, occurred_at)
                VALUES (:basis, :fact, :code, NULL, NULL, :revision, TRUE, :event, :at)
                ON CONFLICT (basis, fact_id) DO UPDATE SET withdrawn = TRUE,
                    fact_revision = GREATEST(f.fact_revision, excluded.fact_revision)""")
                .setParameter("basis", basis.name()).setParameter("fact", factId).setParameter("code", regionCode)
                .setParameter("revision", revision).setParameter("event", eventId).setParameter("at", occurredAt)
                .executeUpdate())
                .chain(() -> derive(before != null ? before : regionCode, basis))
                .chain(() -> before != null && !before.equals(regionCode) ? derive(regionCode, basis) : Uni.createFrom().voidItem()));
    }

    private Uni<String> regionOf(DueBasis basis, String factId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT region_code FROM evaluation_due_fact WHERE basis = :basis AND fact_id = :fact", String.class)
                .setParameter("basis", basis.name()).setParameter("fact", factId).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** The region's row of the basis: its earliest standing fact, or none. */
    private Uni<Void> derive(String regionCode, DueBasis basis) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "DELETE FROM evaluation_due WHERE region_code = :code AND basis = :basis")
                .setParameter("code", regionCode).setParameter("basis", basis.name()).executeUpdate()
                .chain(() -> s.createNativeQuery("""
                        INSERT INTO evaluation_due (region_code, basis, due_from_year, reference, event_id, occurred_at)
                        SELECT region_code, basis, due_from_year, reference, event_id, occurred_at
                        FROM evaluation_due_fact
                        WHERE region_code = :code AND basis = :basis AND NOT withdrawn AND due_from_year IS NOT NULL
                        ORDER BY due_from_year, fact_id LIMIT 1""")
                        .setParameter("code", regionCode).setParameter("basis", basis.name()).executeUpdate()))
                .replaceWithVoid();
    }

    /** Every region due in {@code year} (a fact due from that year or earlier), by code; its earliest fact first. */
    public Uni<List<Due>> dueIn(int year) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT DISTINCT ON (region_code) region_code, basis, due_from_year, reference
                FROM evaluation_due WHERE due_from_year <= :year
                ORDER BY region_code, due_from_year, basis""", Object[].class)
                .setParameter("year", year).getResultList())
                .map(rows -> rows.stream().map(r -> new Due((String) r[0], DueBasis.valueOf((String) r[1]),
                        ((Number) r[2]).intValue(), (String) r[3])).toList());
    }

    /** Forgets the facts of one basis (a rebuild of the consumer that derived them). */
    public Uni<Void> clear(DueBasis basis) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM evaluation_due_fact WHERE basis = :basis")
                .setParameter("basis", basis.name()).executeUpdate()
                .chain(() -> s.createNativeQuery("DELETE FROM evaluation_due WHERE basis = :basis")
                        .setParameter("basis", basis.name()).executeUpdate())).replaceWithVoid();
    }
}

package id.kotacerdas.assessment.repository;

import id.kotacerdas.assessment.domain.DueBasis;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The facts that make regions due for evaluation ({@code evaluation_due}), one row per region and basis. An upsert
 * keeps the earliest due year any event gave, so the row depends only on which events arrived (not on their order)
 * and a redelivered event changes nothing.
 */
@ApplicationScoped
public class EvaluationDueRepository {

    /** A region due in an evaluation year: its earliest basis and from when. */
    public record Due(String regionCode, DueBasis basis, int dueFromYear, String reference) {
    }

    public Uni<Void> record(String regionCode, DueBasis basis, int dueFromYear, String reference, String eventId,
            OffsetDateTime occurredAt) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO evaluation_due (region_code, basis, due_from_year, reference, event_id, occurred_at)
                VALUES (:code, :basis, :from, :reference, :event, :at)
                ON CONFLICT (region_code, basis) DO UPDATE SET due_from_year = excluded.due_from_year,
                    reference = excluded.reference, event_id = excluded.event_id, occurred_at = excluded.occurred_at
                WHERE excluded.due_from_year < evaluation_due.due_from_year""")
                .setParameter("code", regionCode).setParameter("basis", basis.name()).setParameter("from", dueFromYear)
                .setParameter("reference", reference).setParameter("event", eventId).setParameter("at", occurredAt)
                .executeUpdate()).replaceWithVoid();
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
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM evaluation_due WHERE basis = :basis")
                .setParameter("basis", basis.name()).executeUpdate()).replaceWithVoid();
    }
}

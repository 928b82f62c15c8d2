package id.kotacerdas.masterplan.repository;

import id.kotacerdas.masterplan.domain.RegionRpjmd;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

@ApplicationScoped
public class RegionRpjmdRepository implements PanacheRepositoryBase<RegionRpjmd, String> {

    /**
     * Keeps the periods of a profile version unless a newer version of the region's profile is already kept: the
     * upsert itself decides, so events arriving in any order (a replay, a late redelivery) leave the newest.
     *
     * (The periods are bound as text and cast by PostgreSQL: bound to a JSONB parameter directly, the reactive client
     * would store the text as a JSON string.)
     *
     * @param periodsJson the periods as stored ({@code {"items": [...]}})
     * @return whether the row changed
     */
    public Uni<Boolean> upsertIfNewer(String regionCode, long profileVersion, String periodsJson, OffsetDateTime changedAt,
            String eventId) {
        return getSession().flatMap(s -> s.createNativeQuery("""
                INSERT INTO region_rpjmd (region_code, profile_version, periods, changed_at, event_id)
                VALUES (:code, :version, CAST(CAST(:periods AS TEXT) AS JSONB), :changedAt, :eventId)
                ON CONFLICT (region_code) DO UPDATE
                    SET profile_version = excluded.profile_version, periods = excluded.periods,
                        changed_at = excluded.changed_at, event_id = excluded.event_id
                    WHERE region_rpjmd.profile_version < excluded.profile_version""")
                .setParameter("code", regionCode)
                .setParameter("version", profileVersion)
                .setParameter("periods", periodsJson)
                .setParameter("changedAt", changedAt)
                .setParameter("eventId", eventId)
                .executeUpdate()).map(n -> n > 0);
    }
}

package id.kotacerdas.region.repository;

import id.kotacerdas.platform.security.Visibility;
import id.kotacerdas.region.domain.ProgrammeProjection;
import id.kotacerdas.region.domain.RegionProgramme;
import id.kotacerdas.region.domain.TimelineEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Storage of the programme timeline, the derived stages and the dossier's projections, in the caller's session (the
 * inbox's transaction for writes, a {@code @WithSession} read otherwise).
 */
@ApplicationScoped
public class ProgrammeRepository {

    /** The timeline's order; {@link TimelineEntry#ORDER} is the same in Java. */
    static final String ORDER = " order by e.occurredOn, e.kindOrder, e.occurredAt nulls first, e.sourceTime nulls first,"
            + " e.sourceEventId nulls first, e.factKey";

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }

    /**
     * Serialises every change of one region's programme across the service's consumers (a transaction-scoped advisory
     * lock): the stage is derived from what is committed, so two consumers changing the same region must not derive
     * it side by side. Take the locks of several regions in code order.
     */
    public Uni<Void> lockRegion(String code) {
        return session().flatMap(s -> s.createNativeQuery(
                "select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked", Long.class)
                .setParameter("key", "region-programme:" + code).getSingleResult()).replaceWithVoid();
    }

    public Uni<TimelineEntry> entry(String entryKey) {
        return session().flatMap(s -> s.find(TimelineEntry.class, entryKey));
    }

    /**
     * The entries a correction, withdrawal or cancellation concerns (native SQL on the unqualified table, so that it
     * reads the rebuild tables while the topic is being rebuilt), in entry key order.
     */
    public Uni<List<TimelineEntry>> entries(id.kotacerdas.region.service.EntryTarget target) {
        StringBuilder sql = new StringBuilder("select * from timeline_entry where source_topic = :topic");
        if (target.regionCode() != null) {
            sql.append(" and region_code = :region");
        }
        if (target.factKey() != null) {
            sql.append(" and fact_key = :key");
        }
        List<Map.Entry<String, Object>> probe = target.probe() == null ? List.of() : List.copyOf(target.probe().entrySet());
        for (int i = 0; i < probe.size(); i++) {
            String fact = probe.get(i).getKey();
            if (!fact.matches("[A-Za-z]+")) {
                throw new IllegalArgumentException("not a fact name: " + fact);
            }
            sql.append(" and facts ->> '").append(fact).append("' = :v").append(i);
        }
        if (target.kinds() != null) {
            sql.append(" and kind in (:kinds)");
        }
        sql.append(" order by entry_key");
        return session().flatMap(s -> {
            var q = s.createNativeQuery(sql.toString(), TimelineEntry.class).setParameter("topic", target.topic());
            if (target.regionCode() != null) {
                q.setParameter("region", target.regionCode());
            }
            if (target.factKey() != null) {
                q.setParameter("key", target.factKey());
            }
            for (int i = 0; i < probe.size(); i++) {
                q.setParameter("v" + i, String.valueOf(probe.get(i).getValue()));
            }
            if (target.kinds() != null) {
                q.setParameter("kinds", target.kinds().stream().map(Enum::name).toList());
            }
            return q.getResultList();
        });
    }

    /** Keeps a cycle's (region '' = every region's) cancellation on {@code topic}; the first one stays. */
    public Uni<Void> keepCancellation(String topic, String cycleId, String regionCode, String cancelledJson) {
        return session().flatMap(s -> s.createNativeQuery("insert into programme_cancellation (topic, cycle_id, region_code,"
                + " cancelled) values (:topic, :cycle, :region, cast(:value as jsonb)) on conflict do nothing")
                .setParameter("topic", topic).setParameter("cycle", cycleId)
                .setParameter("region", regionCode == null ? "" : regionCode).setParameter("value", cancelledJson)
                .executeUpdate()).replaceWithVoid();
    }

    /** The cancellation of the cycle on {@code topic} that concerns this region (its own, or every region's), or null. */
    public Uni<String> cancellation(String topic, String cycleId, String regionCode) {
        return session().flatMap(s -> s.createNativeQuery("select cast(cancelled as text) from programme_cancellation"
                + " where topic = :topic and cycle_id = :cycle and region_code in ('', :region) order by region_code limit 1",
                String.class).setParameter("topic", topic).setParameter("cycle", cycleId).setParameter("region", regionCode)
                .getResultList()).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    public Uni<Void> persist(Object entity) {
        return session().flatMap(s -> s.persist(entity)).replaceWithVoid();
    }

    public Uni<Void> remove(Object entity) {
        return session().flatMap(s -> s.remove(entity)).replaceWithVoid();
    }

    public Uni<Void> flush() {
        return session().flatMap(Mutiny.Session::flush);
    }

    public Uni<List<TimelineEntry>> timeline(String code) {
        return session().flatMap(s -> s.createSelectionQuery("from TimelineEntry e where e.regionCode = :code" + ORDER,
                TimelineEntry.class).setParameter("code", code).getResultList());
    }

    public Uni<RegionProgramme> programme(String code) {
        return session().flatMap(s -> s.find(RegionProgramme.class, code));
    }

    /** The programme years of the region that readers of this audience rank (or wider) see. */
    public Uni<List<Integer>> programmeYears(String code, int audienceRank) {
        return session().flatMap(s -> s.createSelectionQuery(
                "select y.id.programmeYear from RegionProgrammeYear y where y.id.regionCode = :code"
                        + " and y.audienceRank <= :rank order by y.id.programmeYear",
                Integer.class).setParameter("code", code).setParameter("rank", audienceRank).getResultList());
    }

    /** Each programme year of the region with its audience rank (scalars: the rows are replaced by a bulk delete). */
    public Uni<java.util.Map<Integer, Integer>> programmeYearRanks(String code) {
        return session().flatMap(s -> s.createSelectionQuery(
                "select y.id.programmeYear, y.audienceRank from RegionProgrammeYear y where y.id.regionCode = :code",
                Object[].class).setParameter("code", code).getResultList())
                .map(rows -> {
                    java.util.Map<Integer, Integer> ranks = new java.util.TreeMap<>();
                    rows.forEach(r -> ranks.put(((Number) r[0]).intValue(), ((Number) r[1]).intValue()));
                    return ranks;
                });
    }

    /** The region's timeline entries of these visibilities, in timeline order, without withdrawn or cancelled ones. */
    public Uni<List<TimelineEntry>> timeline(String code, java.util.Set<Visibility> visible) {
        return timeline(code, visible, false);
    }

    /** As {@link #timeline(String, java.util.Set)}; with {@code includeWithdrawn} also the withdrawn and cancelled ones. */
    public Uni<List<TimelineEntry>> timeline(String code, java.util.Set<Visibility> visible, boolean includeWithdrawn) {
        return session().flatMap(s -> s.createSelectionQuery("from TimelineEntry e where e.regionCode = :code"
                + " and e.visibility in (:visible)" + counting(includeWithdrawn) + ORDER, TimelineEntry.class)
                .setParameter("code", code).setParameter("visible", visible).getResultList());
    }

    public Uni<List<TimelineEntry>> timelinePage(String code, java.util.Set<Visibility> visible, boolean includeWithdrawn,
            int page, int size) {
        return session().flatMap(s -> s.createSelectionQuery("from TimelineEntry e where e.regionCode = :code"
                + " and e.visibility in (:visible)" + counting(includeWithdrawn) + ORDER, TimelineEntry.class)
                .setParameter("code", code).setParameter("visible", visible)
                .setFirstResult(page * size).setMaxResults(size).getResultList());
    }

    public Uni<Long> timelineSize(String code, java.util.Set<Visibility> visible, boolean includeWithdrawn) {
        return session().flatMap(s -> s.createSelectionQuery(
                "select count(e) from TimelineEntry e where e.regionCode = :code and e.visibility in (:visible)"
                        + counting(includeWithdrawn), Long.class)
                .setParameter("code", code).setParameter("visible", visible).getSingleResult());
    }

    private static String counting(boolean includeWithdrawn) {
        return includeWithdrawn ? "" : " and e.withdrawn is null and e.cancelled is null";
    }

    public Uni<Integer> deleteProgrammeYears(String code) {
        return session().flatMap(s -> s.createMutationQuery("delete from RegionProgrammeYear y where y.id.regionCode = :code")
                .setParameter("code", code).executeUpdate());
    }

    public Uni<ProgrammeProjection.Mou> mou(UUID id) {
        return session().flatMap(s -> s.find(ProgrammeProjection.Mou.class, id));
    }

    public Uni<ProgrammeProjection.Masterplan> masterplan(UUID id) {
        return session().flatMap(s -> s.find(ProgrammeProjection.Masterplan.class, id));
    }

    public Uni<ProgrammeProjection.Evaluation> evaluation(UUID id) {
        return session().flatMap(s -> s.find(ProgrammeProjection.Evaluation.class, id));
    }

    public Uni<List<ProgrammeProjection.Mou>> mous(String code) {
        return session().flatMap(s -> s.createSelectionQuery(
                "from ProgrammeMou m where m.regionCode = :code order by m.programmeYear nulls first, m.mouId",
                ProgrammeProjection.Mou.class).setParameter("code", code).getResultList());
    }

    public Uni<List<ProgrammeProjection.Masterplan>> masterplans(String code) {
        return session().flatMap(s -> s.createSelectionQuery(
                "from ProgrammeMasterplan m where m.regionCode = :code order by m.programmeYear nulls first, m.masterplanId",
                ProgrammeProjection.Masterplan.class).setParameter("code", code).getResultList());
    }

    public Uni<List<ProgrammeProjection.Evaluation>> evaluations(String code) {
        return session().flatMap(s -> s.createSelectionQuery(
                "from ProgrammeEvaluation e where e.regionCode = :code order by e.evaluationYear, e.evaluationId",
                ProgrammeProjection.Evaluation.class).setParameter("code", code).getResultList());
    }
}

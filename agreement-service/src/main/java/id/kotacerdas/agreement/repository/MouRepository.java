package id.kotacerdas.agreement.repository;

import id.kotacerdas.agreement.domain.Mou;
import id.kotacerdas.agreement.domain.MouState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class MouRepository implements PanacheRepositoryBase<Mou, UUID> {

    /**
     * Filters of an MoU list; {@code null} means "any". {@code states} limits what a caller may see at all (an
     * integrator sees only signed MoUs), {@code state} is the caller's own filter.
     */
    public record Filter(Integer programmeYear, UUID ceremonyId, MouState state, String regionCode,
            String provinceCode, Collection<MouState> states, boolean includeWithdrawn) {
    }

    public record Page(List<Mou> items, long total) {
    }

    /** The sortable fields, by their API names. */
    public enum SortField {
        regionCode("m.regionCode"), programmeYear("m.programmeYear"), signedOn("m.signedOn"), createdAt("m.createdAt");

        final String column;

        SortField(String column) {
            this.column = column;
        }
    }

    public Uni<Page> search(Filter filter, SortField sort, boolean descending, int page, int size) {
        Parameters params = new Parameters();
        String where = where(filter, params);
        String order = (sort == null ? SortField.regionCode : sort).column + (descending ? " desc" : " asc")
                + ", m.programmeYear desc, m.id";
        // chained, never in parallel: one reactive session runs one query at a time
        return find("from Mou m" + where + " order by " + order, params).page(page, size).list()
                .flatMap(items -> getSession().flatMap(session -> {
                    var query = session.createSelectionQuery("select count(m) from Mou m" + where, Long.class);
                    params.map().forEach(query::setParameter);
                    return query.getSingleResult();
                }).map(total -> new Page(items, total)));
    }

    /** How many MoUs match, per state (every state present, zero where none). */
    public Uni<Map<MouState, Long>> countByState(Filter filter) {
        Parameters params = new Parameters();
        String where = where(filter, params);
        return getSession().flatMap(session -> {
            var query = session.createSelectionQuery("select m.state, count(m) from Mou m" + where + " group by m.state",
                    Object[].class);
            params.map().forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> {
            Map<MouState, Long> counts = new EnumMap<>(MouState.class);
            for (MouState s : MouState.values()) {
                counts.put(s, 0L);
            }
            rows.forEach(row -> counts.put((MouState) row[0], (Long) row[1]));
            return counts;
        });
    }

    private static String where(Filter filter, Parameters params) {
        List<String> where = new ArrayList<>();
        if (filter.programmeYear() != null) {
            where.add("m.programmeYear = :programmeYear");
            params.and("programmeYear", filter.programmeYear());
        }
        if (filter.ceremonyId() != null) {
            where.add("m.ceremonyId = :ceremonyId");
            params.and("ceremonyId", filter.ceremonyId());
        }
        if (filter.state() != null) {
            where.add("m.state = :state");
            params.and("state", filter.state());
        }
        if (filter.regionCode() != null) {
            where.add("m.regionCode = :regionCode");
            params.and("regionCode", filter.regionCode());
        }
        if (filter.provinceCode() != null) {
            where.add("m.provinceCode = :provinceCode");
            params.and("provinceCode", filter.provinceCode());
        }
        if (filter.states() != null) {
            where.add("m.state in :states");
            params.and("states", filter.states());
        }
        if (!filter.includeWithdrawn()) {
            where.add("m.withdrawnAt is null");
        }
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    /** The region's MoU of the year that counts (a withdrawn one does not), or {@code null}. */
    public Uni<Mou> findCurrent(String regionCode, int programmeYear) {
        return find("regionCode = ?1 and programmeYear = ?2 and state <> ?3 and withdrawnAt is null", regionCode, programmeYear,
                MouState.WITHDRAWN).firstResult();
    }

    /** Another MoU (not {@code self}) that already has this pihak pertama number, or {@code null}. */
    public Uni<Mou> findByFirstPartyNumber(String number, UUID self) {
        return find("firstPartyNumber = ?1 and id <> ?2", number, self).firstResult();
    }

    /** Another MoU of the region (not {@code self}) that already has this pihak kedua number, or {@code null}. */
    public Uni<Mou> findBySecondPartyNumber(String regionCode, String number, UUID self) {
        return find("regionCode = ?1 and secondPartyNumber = ?2 and id <> ?3", regionCode, number, self).firstResult();
    }

    /** The MoUs of a ceremony in a state, by region code. */
    public Uni<List<Mou>> ofCeremony(UUID ceremonyId, MouState state) {
        return list("ceremonyId = ?1 and state = ?2 order by regionCode", ceremonyId, state);
    }

    /** The drafts of a programme year, by region code. */
    public Uni<List<Mou>> draftsOf(int programmeYear) {
        return list("programmeYear = ?1 and state = ?2 order by regionCode", programmeYear, MouState.DRAFT);
    }

    /** Signed MoUs whose last day in force is before {@code day}, oldest first, at most {@code limit}. */
    public Uni<List<Mou>> dueToExpire(LocalDate day, int limit) {
        return find("state = ?1 and validUntil < ?2 order by validUntil, id", MouState.SIGNED, day).page(0, limit).list();
    }
}

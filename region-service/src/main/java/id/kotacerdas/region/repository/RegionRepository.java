package id.kotacerdas.region.repository;

import id.kotacerdas.platform.security.Visibility;
import id.kotacerdas.region.domain.RegionProgramme;
import id.kotacerdas.region.domain.ProgrammeStage;
import id.kotacerdas.region.domain.Region;
import id.kotacerdas.region.domain.RegionLevel;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<Region, String> {

    /**
     * Filters of a region list; {@code null} (or an empty set of stages) means "any". {@code stages}: the derived
     * programme stage is one of them ({@code NOT_IN_PROGRAMME} also matches regions without any programme fact);
     * {@code programmeYear}: the region took part in that programme year. Both as {@code audience} sees the
     * programme (platform-web {@code Visibility.Audience}); {@code ownRegion}, a region officer's own region, as staff.
     */
    public record Filter(RegionLevel level, String parentCode, Boolean administrative, String q,
            Set<ProgrammeStage> stages, Integer programmeYear, Visibility.Audience audience, String ownRegion) {

        public Filter(RegionLevel level, String parentCode, Boolean administrative, String q) {
            this(level, parentCode, administrative, q, null, null);
        }

        public Filter(RegionLevel level, String parentCode, Boolean administrative, String q,
                Set<ProgrammeStage> stages, Integer programmeYear) {
            this(level, parentCode, administrative, q, stages, programmeYear, Visibility.Audience.STAFF, null);
        }

        /** The same filter, applied to the programme as this audience (and a region officer's own region) sees it. */
        public Filter seenBy(Visibility.Audience seenBy, String own) {
            return new Filter(level, parentCode, administrative, q, stages, programmeYear, seenBy, own);
        }

        /** Whether the list depends on the programme (events), not only on the reference data. */
        public boolean byProgramme() {
            return (stages != null && !stages.isEmpty()) || programmeYear != null;
        }
    }

    /** One page of regions and the total number that match. */
    public record Page(List<Region> items, long total) {
    }

    /** The sortable fields, by their API names. */
    public enum SortField {
        code("r.code"), name("r.name"), population("r.population"), areaKm2("r.areaKm2");

        final String column;

        SortField(String column) {
            this.column = column;
        }
    }

    public Uni<Page> search(Filter filter, SortField sort, boolean descending, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.level() != null) {
            where.add("r.level = :level");
            params.and("level", filter.level());
        }
        if (filter.parentCode() != null) {
            where.add("r.parentCode = :parentCode");
            params.and("parentCode", filter.parentCode());
        }
        if (filter.administrative() != null) {
            where.add("r.administrative = :administrative");
            params.and("administrative", filter.administrative());
        }
        if (filter.stages() != null && !filter.stages().isEmpty()) {
            List<String> names = new ArrayList<>();
            int i = 0;
            for (ProgrammeStage stage : new TreeSet<>(filter.stages())) {
                names.add(":stage" + i);
                params.and("stage" + i++, stage);
            }
            String in = " in (" + String.join(", ", names) + ")";
            String column = switch (filter.audience()) {
                case STAFF -> "p.stage";
                case INTEGRATORS -> "p.integratorStage";
                case PUBLIC -> "p.publicStage";
            };
            String seen = filter.ownRegion() == null ? column + in
                    : "((p.regionCode = :ownRegion and p.stage" + in + ") or (p.regionCode <> :ownRegion and " + column + in + "))";
            String matches = "exists (select 1 from RegionProgramme p where p.regionCode = r.code and " + seen + ")";
            where.add(filter.stages().contains(ProgrammeStage.NOT_IN_PROGRAMME)
                    ? "(" + matches + " or not exists (select 1 from RegionProgramme p0 where p0.regionCode = r.code))"
                    : matches);
        }
        if (filter.programmeYear() != null) {
            String seen = filter.ownRegion() == null ? "y.audienceRank <= :audienceRank"
                    : "(y.id.regionCode = :ownRegion or y.audienceRank <= :audienceRank)";
            where.add("exists (select 1 from RegionProgrammeYear y where y.id.regionCode = r.code"
                    + " and y.id.programmeYear = :programmeYear and " + seen + ")");
            params.and("programmeYear", filter.programmeYear());
            params.and("audienceRank", RegionProgramme.rank(filter.audience()));
        }
        if (filter.ownRegion() != null && filter.byProgramme()) {
            params.and("ownRegion", filter.ownRegion());
        }
        String order;
        if (filter.q() != null) {
            // match anywhere in the normalised names; rank whole-name matches, then prefixes, then the rest
            where.add("r.searchText like concat('%', cast(function('kc_normalize', :q) as String), '%')");
            params.and("q", filter.q());
            order = sort == null
                    ? "case when r.searchText like concat('%|', cast(function('kc_normalize', :q) as String), '|%') then 0"
                            + " when r.searchText like concat('%|', cast(function('kc_normalize', :q) as String), '%') then 1"
                            + " else 2 end, r.code"
                    : orderBy(sort, descending);
        } else {
            order = orderBy(sort == null ? SortField.code : sort, descending);
        }
        String whereClause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        String select = "from Region r" + whereClause + " order by " + order;
        String count = "select count(r) from Region r" + whereClause;
        // chained, never in parallel: one reactive session runs one query at a time
        return find(select, params).page(page, size).list()
                .flatMap(items -> getSession().flatMap(session -> {
                    var query = session.createSelectionQuery(count, Long.class);
                    params.map().forEach(query::setParameter);
                    return query.getSingleResult();
                }).map(total -> new Page(items, total)));
    }

    private static String orderBy(SortField sort, boolean descending) {
        String direction = descending ? " desc" : " asc";
        return sort == SortField.code ? "r.code" + direction : sort.column + direction + ", r.code";
    }

    /** Number of regions per level. */
    public Uni<List<Object[]>> countByLevel() {
        return getSession().flatMap(s -> s.createSelectionQuery(
                "select r.level, count(r) from Region r group by r.level order by r.level", Object[].class)
                .getResultList());
    }

    /** Number of kabupaten and kota per province code. */
    public Uni<List<Object[]>> countByProvinceAndLevel() {
        return getSession().flatMap(s -> s.createSelectionQuery(
                "select r.parentCode, r.level, count(r) from Region r where r.parentCode is not null"
                        + " group by r.parentCode, r.level order by r.parentCode", Object[].class)
                .getResultList());
    }

    public Uni<List<Region>> provinces() {
        return list("level", RegionLevel.PROVINCE);
    }
}

package id.kotacerdas.region.service;

import id.kotacerdas.region.domain.Region;
import id.kotacerdas.region.domain.RegionCodeChange;
import id.kotacerdas.region.domain.RegionLevel;
import id.kotacerdas.region.repository.RegionCodeChangeRepository;
import id.kotacerdas.region.repository.RegionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The region registry in memory. The regions and replaced codes change only with a reference-data migration (a new
 * {@link ReferenceDataVersion}), so one immutable {@link Snapshot} per version answers lookups, the list filters,
 * search, sorting, paging and counts without a query: the database stays the source of truth (the snapshot is read
 * from it at start, and again when the version differs from the snapshot's). It answers exactly as the queries of
 * {@link RegionRepository} and {@link RegionService} do: the orders by code and by name are taken from the database
 * (its collation), search normalises like the database's {@code kc_normalize} for ASCII text; a search text with other
 * characters is left to the database ({@link #handles(String)}).
 */
@ApplicationScoped
public class RegionIndex {

    private static final Logger LOG = Logger.getLogger(RegionIndex.class);

    /** kc_normalize (V1__region_schema.sql): the administrative prefix, then everything but a-z and 0-9, go. */
    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(kabupaten administrasi|kota administrasi|kabupaten|kota|provinsi|kab|prov)(\\.\\s*|\\s+)");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]");

    @Inject
    RegionRepository regions;

    @Inject
    RegionCodeChangeRepository codeChanges;

    @Inject
    ReferenceDataVersion referenceData;

    private volatile Snapshot snapshot;

    void onStart(@Observes @Priority(20) StartupEvent event) throws Throwable {
        Snapshot loaded = VertxContextSupport.subscribeAndAwait(() -> load(referenceData.current()));
        snapshot = loaded;
        LOG.infof("Region index of reference-data version %d: %d regions, %d replaced codes", loaded.version(),
                loaded.byCode.size(), loaded.replaced.size());
    }

    /** The snapshot of the current reference-data version (read from the database when it is not in memory). */
    public Uni<Snapshot> current() {
        Snapshot s = snapshot;
        long version = referenceData.current();
        if (s != null && s.version == version) {
            return Uni.createFrom().item(s);
        }
        return load(version).invoke(loaded -> snapshot = loaded);
    }

    /** Whether the index answers a search for this text as the database would (ASCII only; null: no search). */
    public static boolean handles(String q) {
        if (q == null) {
            return true;
        }
        for (int i = 0; i < q.length(); i++) {
            if (q.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** The database's kc_normalize of ASCII text. */
    public static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return NOT_ALNUM.matcher(PREFIX.matcher(lower).replaceFirst("")).replaceAll("");
    }

    private Uni<Snapshot> load(long version) {
        return Panache.withSession(() -> regions.find("from Region r order by r.code").list()
                .flatMap(byCode -> regions.find("from Region r order by r.name, r.code").list()
                        .flatMap(byName -> codeChanges.listAll()
                                .map(changes -> new Snapshot(version, byCode, byName, changes)))));
    }

    /** The registry of one reference-data version; immutable. */
    public static final class Snapshot {

        private final long version;
        private final List<Region> all;
        private final Map<String, Region> byCode;
        private final Map<String, RegionCodeChange> replaced;
        private final Map<String, Integer> codeRank;
        private final Map<String, Integer> nameRank;
        private final Map<String, String> provinceNames;
        private final RegionService.Counts counts;

        Snapshot(long version, List<Region> inCodeOrder, List<Region> inNameOrder, List<RegionCodeChange> changes) {
            this.version = version;
            this.all = List.copyOf(inCodeOrder);
            Map<String, Region> codes = new HashMap<>();
            Map<String, Integer> codeRanks = new HashMap<>();
            Map<String, String> provinces = new TreeMap<>();
            for (Region r : all) {
                codes.put(r.code, r);
                codeRanks.put(r.code, codeRanks.size());
                if (r.level == RegionLevel.PROVINCE) {
                    provinces.put(r.code, r.name);
                }
            }
            Map<String, Integer> nameRanks = new HashMap<>();
            for (Region r : inNameOrder) {
                nameRanks.put(r.code, nameRanks.size());
            }
            Map<String, RegionCodeChange> old = new HashMap<>();
            for (RegionCodeChange change : changes) {
                old.put(change.oldCode, change);
            }
            this.byCode = Map.copyOf(codes);
            this.codeRank = Map.copyOf(codeRanks);
            this.nameRank = Map.copyOf(nameRanks);
            this.replaced = Map.copyOf(old);
            this.provinceNames = Collections.unmodifiableMap(provinces);
            this.counts = count(all);
        }

        public long version() {
            return version;
        }

        /** Every region, in the database's order of codes. */
        public List<Region> regions() {
            return all;
        }

        /** The replaced codes, by old code. */
        public Map<String, RegionCodeChange> replacedCodes() {
            return replaced;
        }

        /** As {@link RegionService#lookup(String)}: the region, or the region that replaced the code; null: none. */
        public RegionService.Lookup lookup(String code) {
            Region region = byCode.get(code);
            if (region != null) {
                return new RegionService.Lookup(region, null);
            }
            RegionCodeChange change = replaced.get(code);
            if (change == null || byCode.get(change.newCode) == null) {
                return null;
            }
            return new RegionService.Lookup(byCode.get(change.newCode), change);
        }

        /** Province names by code, as {@link RegionService#provinceNames()}. */
        public Map<String, String> provinceNames() {
            return provinceNames;
        }

        /** As {@link RegionService#counts()}. */
        public RegionService.Counts counts() {
            return counts;
        }

        /**
         * As {@link RegionService#search}: the same filters, order and page. A search text must be one that
         * {@link RegionIndex#handles(String)}.
         */
        public RegionRepository.Page search(RegionRepository.Filter filter, RegionRepository.SortField sort,
                boolean descending, int page, int size) {
            String q = filter.q() == null ? null : normalize(filter.q());
            List<Region> matching = new ArrayList<>();
            for (Region r : all) {
                if ((filter.level() == null || r.level == filter.level())
                        && (filter.parentCode() == null || filter.parentCode().equals(r.parentCode))
                        && (filter.administrative() == null || r.administrative == filter.administrative())
                        && (q == null || r.searchText.contains(q))) {
                    matching.add(r);
                }
            }
            Comparator<Region> byCodeAsc = Comparator.comparingInt(r -> codeRank.get(r.code));
            Comparator<Region> order;
            if (q != null && sort == null) {
                String whole = "|" + q + "|", prefix = "|" + q;
                order = Comparator.<Region>comparingInt(r -> r.searchText.contains(whole) ? 0
                        : r.searchText.contains(prefix) ? 1 : 2).thenComparing(byCodeAsc);
            } else {
                RegionRepository.SortField field = sort == null ? RegionRepository.SortField.code : sort;
                Comparator<Region> primary = switch (field) {
                    case code -> byCodeAsc;
                    case name -> Comparator.comparingInt(r -> nameRank.get(r.code));
                    case population -> Comparator.comparingLong(r -> r.population);
                    case areaKm2 -> Comparator.comparing(r -> r.areaKm2);
                };
                if (descending) {
                    primary = primary.reversed();
                }
                order = field == RegionRepository.SortField.code ? primary : primary.thenComparing(byCodeAsc);
            }
            matching.sort(order);
            long from = (long) page * size;
            List<Region> items = from >= matching.size() ? List.of()
                    : List.copyOf(matching.subList((int) from, (int) Math.min(matching.size(), from + size)));
            return new RegionRepository.Page(items, matching.size());
        }

        private static RegionService.Counts count(List<Region> all) {
            Map<RegionLevel, Long> byLevel = new LinkedHashMap<>();
            for (RegionLevel level : RegionLevel.values()) {
                byLevel.put(level, 0L);
            }
            Map<String, Map<RegionLevel, Long>> byProvince = new TreeMap<>();
            for (Region r : all) {
                byLevel.merge(r.level, 1L, Long::sum);
                if (r.parentCode != null) {
                    byProvince.computeIfAbsent(r.parentCode, k -> new LinkedHashMap<>()).merge(r.level, 1L, Long::sum);
                }
            }
            return new RegionService.Counts(byLevel, byProvince);
        }
    }
}

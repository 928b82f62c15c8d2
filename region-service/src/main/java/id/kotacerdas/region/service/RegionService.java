package id.kotacerdas.region.service;

import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.region.domain.Region;
import id.kotacerdas.region.domain.RegionCodeChange;
import id.kotacerdas.region.domain.RegionLevel;
import id.kotacerdas.region.repository.RegionCodeChangeRepository;
import id.kotacerdas.region.repository.RegionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads of the region reference data. */
@ApplicationScoped
public class RegionService {

    @Inject
    RegionRepository regions;

    @Inject
    RegionCodeChangeRepository codeChanges;

    private volatile Map<String, String> provinceNames;

    /** A region found by code, and the replaced code it was asked for by, if any. */
    public record Lookup(Region region, RegionCodeChange replacedCode) {
    }

    /** Per-level and per-province counts. */
    public record Counts(Map<RegionLevel, Long> byLevel, Map<String, Map<RegionLevel, Long>> byProvince) {
    }

    @WithSession
    public Uni<Lookup> lookup(String code) {
        return regions.findById(code).flatMap(region -> {
            if (region != null) {
                return Uni.createFrom().item(new Lookup(region, null));
            }
            return codeChanges.findById(code).flatMap(change -> change == null
                    ? Uni.createFrom().failure(ProblemException.notFound("No region has the code " + code + "."))
                    : regions.findById(change.newCode).map(current -> new Lookup(current, change)));
        });
    }

    /** The region with exactly this current code; a replaced code is a 404 that names the new one. */
    @WithSession
    public Uni<Region> current(String code) {
        return lookup(code).map(found -> {
            if (found.replacedCode() != null) {
                throw ProblemException.notFound("The code " + code + " was replaced by " + found.region().code
                        + " (" + found.replacedCode().legalBasis + "); use " + found.region().code + ".");
            }
            return found.region();
        });
    }

    @WithSession
    public Uni<RegionRepository.Page> search(RegionRepository.Filter filter, RegionRepository.SortField sort,
            boolean descending, int page, int size) {
        return regions.search(filter, sort, descending, page, size);
    }

    @WithSession
    public Uni<Counts> counts() {
        return regions.countByLevel().flatMap(levels -> regions.countByProvinceAndLevel().map(provinces -> {
            Map<RegionLevel, Long> byLevel = new LinkedHashMap<>();
            for (RegionLevel level : RegionLevel.values()) {
                byLevel.put(level, 0L);
            }
            levels.forEach(row -> byLevel.put((RegionLevel) row[0], (Long) row[1]));
            Map<String, Map<RegionLevel, Long>> byProvince = new TreeMap<>();
            provinces.forEach(row -> byProvince.computeIfAbsent((String) row[0], k -> new LinkedHashMap<>())
                    .put((RegionLevel) row[1], (Long) row[2]));
            return new Counts(byLevel, byProvince);
        }));
    }

    /** Province names by code; reference data, read once. */
    @WithSession
    public Uni<Map<String, String>> provinceNames() {
        Map<String, String> cached = provinceNames;
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return regions.provinces().map(List::stream).map(stream -> {
            Map<String, String> names = new TreeMap<>();
            stream.forEach(p -> names.put(p.code, p.name));
            provinceNames = Map.copyOf(names);
            return provinceNames;
        });
    }
}

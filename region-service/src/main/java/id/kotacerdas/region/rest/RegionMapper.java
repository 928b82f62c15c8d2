package id.kotacerdas.region.rest;

import id.kotacerdas.region.domain.Region;
import id.kotacerdas.region.domain.RegionCodeChange;
import id.kotacerdas.region.domain.RegionProfile;
import java.util.Map;

/** Entities to API representations. */
final class RegionMapper {

    private RegionMapper() {
    }

    static RegionView toView(Region r, Map<String, String> provinceNames, RegionCodeChange replaced) {
        return new RegionView(r.code, r.level, r.name, r.parentCode,
                r.parentCode == null ? null : provinceNames.get(r.parentCode), r.regionGroup, r.administrative,
                r.altNameList(), r.areaKm2,
                new RegionView.Population(r.population, r.populationMale, r.populationFemale),
                r.districtCount, r.kelurahanCount, r.desaCount, r.islandCount, new RegionView.Centroid(r.lat, r.lng),
                replaced == null ? null
                        : new RegionView.CodeReplacement(replaced.oldCode, replaced.newCode, replaced.legalBasis));
    }

    static RegionProfileView toView(Region region, RegionProfile p) {
        return new RegionProfileView(region.code, region.name, p.version, p.data, p.createdAt, p.createdBy,
                p.updatedAt, p.updatedBy);
    }
}

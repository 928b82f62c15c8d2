package id.kotacerdas.region.rest;

import id.kotacerdas.region.domain.ProfileDocument;
import id.kotacerdas.region.domain.Region;
import id.kotacerdas.region.domain.RegionCodeChange;
import id.kotacerdas.region.domain.RegionProfile;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Entities to API representations, and the API's profile to the stored one and back, field by field: the API's
 * types and the stored document are separate, so a change to one cannot silently change the other.
 */
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
                        : new RegionView.CodeReplacement(replaced.oldCode, replaced.newCode, replaced.legalBasis),
                null);
    }

    static RegionProfileView toView(Region region, RegionProfile p) {
        return new RegionProfileView(region.code, region.name, p.version, toApi(p.data), p.createdAt, p.createdBy,
                p.updatedAt, p.updatedBy);
    }

    /** The API's profile (already validated) as it is stored. */
    static ProfileDocument toDocument(RegionProfileData d) {
        return new ProfileDocument(
                d.regionalHead() == null ? null : document(d.regionalHead()),
                d.sekda() == null ? null : document(d.sekda()),
                d.kominfoContact() == null ? null : new ProfileDocument.KominfoContact(d.kominfoContact().officeName(),
                        d.kominfoContact().headName(), d.kominfoContact().email(), d.kominfoContact().phone(),
                        d.kominfoContact().address()),
                list(d.rpjmdPeriods(), p -> new ProfileDocument.RpjmdPeriod(p.startYear(), p.endYear(), p.regulation())),
                d.dewanSmartCity() == null ? null : new ProfileDocument.DewanSmartCity(d.dewanSmartCity().skNumber(),
                        d.dewanSmartCity().skDate(),
                        list(d.dewanSmartCity().members(), m -> new ProfileDocument.Member(m.name(), m.role())),
                        list(d.dewanSmartCity().sources(), s -> new ProfileDocument.Source(s.title(), s.url()))),
                d.website());
    }

    /** The stored profile as the API shows it. */
    static RegionProfileData toApi(ProfileDocument d) {
        if (d == null) {
            return null;
        }
        return new RegionProfileData(
                d.regionalHead() == null ? null : api(d.regionalHead()),
                d.sekda() == null ? null : api(d.sekda()),
                d.kominfoContact() == null ? null : new RegionProfileData.KominfoContact(d.kominfoContact().officeName(),
                        d.kominfoContact().headName(), d.kominfoContact().email(), d.kominfoContact().phone(),
                        d.kominfoContact().address()),
                list(d.rpjmdPeriods(), p -> new RegionProfileData.RpjmdPeriod(p.startYear(), p.endYear(), p.regulation())),
                d.dewanSmartCity() == null ? null : new RegionProfileData.DewanSmartCity(d.dewanSmartCity().skNumber(),
                        d.dewanSmartCity().skDate(),
                        list(d.dewanSmartCity().members(), m -> new RegionProfileData.Member(m.name(), m.role())),
                        list(d.dewanSmartCity().sources(), s -> new RegionProfileData.Source(s.title(), s.url()))),
                d.website());
    }

    private static ProfileDocument.Official document(RegionProfileData.Official o) {
        return new ProfileDocument.Official(o.name(), o.position(), o.termStart(), o.termEnd());
    }

    private static RegionProfileData.Official api(ProfileDocument.Official o) {
        return new RegionProfileData.Official(o.name(), o.position(), o.termStart(), o.termEnd());
    }

    private static <A, B> List<B> list(List<A> items, Function<A, B> map) {
        return items == null ? null : items.stream().map(map).toList();
    }
}

package id.kotacerdas.region.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.kotacerdas.region.domain.RegionLevel;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Region", description = "A province or kabupaten/kota with its official Kemendagri code.")
public record RegionView(
        @Schema(description = "Kemendagri code: `PP` for a province, `PP.KK` for a kabupaten/kota (KK 01–69 kabupaten, 71–99 kota).", examples = "18.72")
        String code,
        @Schema(description = "PROVINCE, KABUPATEN or KOTA.", examples = "KOTA")
        RegionLevel level,
        @Schema(description = "Official name as in the Kemendagri data, with its `Kabupaten `/`Kota ` prefix.", examples = "Kota Metro")
        String name,
        @Schema(description = "Code of the province a kabupaten/kota belongs to; absent for provinces.", examples = "18")
        String parentCode,
        @Schema(description = "Name of that province; absent for provinces.", examples = "Lampung")
        String provinceName,
        @Schema(description = "Island group, from the first digit of the code.", examples = "Sumatera")
        String regionGroup,
        @Schema(description = "True for the 6 non-autonomous administrative units of DKI Jakarta (no DPRD, no RPJMD of their own).", examples = "false")
        boolean administrative,
        @Schema(description = "Alternative spellings in common use (not authoritative).", examples = "[\"Kota Pangkalpinang\", \"Pangkalpinang\"]")
        List<String> altNames,
        @Schema(description = "Area in km² (Badan Informasi Geospasial, 2024).", examples = "68.74")
        BigDecimal areaKm2,
        @Schema(description = "Population (Dukcapil, December 2024).")
        Population population,
        @Schema(description = "Number of kecamatan (districts).", examples = "5")
        int districtCount,
        @Schema(description = "Number of kelurahan (urban villages).", examples = "22")
        int kelurahanCount,
        @Schema(description = "Number of desa (rural villages), including desa adat.", examples = "0")
        int desaCount,
        @Schema(description = "Number of islands.", examples = "0")
        int islandCount,
        @Schema(description = "Approximate centroid (WGS84), a map anchor.")
        Centroid centroid,
        @Schema(description = "Present when the region was asked for by a code that was replaced (the 2022 Papua recoding): the code asked for and the legal basis.")
        CodeReplacement codeReplaced,
        @Schema(description = "Present in lists filtered by `stage` or `programmeYear`: where the region stands in the programme.")
        ProgrammeViews.Status programme) {

    RegionView withProgramme(ProgrammeViews.Status status) {
        return new RegionView(code, level, name, parentCode, provinceName, regionGroup, administrative, altNames, areaKm2,
                population, districtCount, kelurahanCount, desaCount, islandCount, centroid, codeReplaced, status);
    }

    @Schema(name = "Population", description = "Population by sex (Dukcapil, December 2024).")
    public record Population(
            @Schema(examples = "175427") long total,
            @Schema(examples = "87994") long male,
            @Schema(examples = "87433") long female) {
    }

    @Schema(name = "Centroid", description = "A point in WGS84 degrees.")
    public record Centroid(
            @Schema(examples = "-5.117754") BigDecimal lat,
            @Schema(examples = "105.307584") BigDecimal lng) {
    }

    @Schema(name = "CodeReplacement", description = "The code asked for was replaced by this region's current code.")
    public record CodeReplacement(
            @Schema(description = "The old code that was asked for.", examples = "91.01") String requestedCode,
            @Schema(description = "The current code.", examples = "93.01") String currentCode,
            @Schema(description = "The law and decree behind the change.", examples = "UU 14/2022 (Provinsi Papua Selatan); code per Kepmendagri 100.1.1-6117/2022") String legalBasis) {
    }
}

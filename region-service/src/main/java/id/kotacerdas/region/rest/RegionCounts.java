package id.kotacerdas.region.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegionCounts", description = "How many regions there are per level and per province.")
public record RegionCounts(
        @Schema(description = "All provinces and kabupaten/kota.", examples = "552") long total,
        @Schema(description = "Count per level.", examples = "{\"PROVINCE\": 38, \"KABUPATEN\": 416, \"KOTA\": 98}")
        Map<String, Long> byLevel,
        @Schema(description = "Kabupaten and kota per province, by province code.")
        List<ProvinceCount> byProvince) {

    @Schema(name = "ProvinceCount", description = "Kabupaten and kota of one province.")
    public record ProvinceCount(
            @Schema(examples = "18") String provinceCode,
            @Schema(examples = "Lampung") String provinceName,
            @Schema(examples = "13") long kabupaten,
            @Schema(examples = "2") long kota) {
    }
}

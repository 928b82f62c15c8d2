package id.kotacerdas.platform.registry;

import java.util.List;

/**
 * One entry of the service's replica of the region registry: a province, a kabupaten/kota, or a replaced Kemendagri
 * code ({@link #replacedBy()} names its successor).
 *
 * @param code Kemendagri code, {@code PP} or {@code PP.KK}
 * @param parentCode the province of a kabupaten/kota; {@code null} for a province
 * @param provinceCode the region's province (its own code for a province)
 * @param administrative one of DKI Jakarta's six administrative units (no DPRD, no RPJMD)
 * @param replacedBy the code that replaced this one, or {@code null} for a current code
 * @param replaces the codes this region had before
 * @param registryVersion the registry version this entry is from
 */
public record RegisteredRegion(String code, String name, RegionLevel level, String parentCode, String provinceCode,
        String provinceName, boolean administrative, String replacedBy, List<String> replaces, long registryVersion) {

    /** Whether the code is no longer in use. */
    public boolean replaced() {
        return replacedBy != null;
    }

    public boolean province() {
        return level == RegionLevel.PROVINCE;
    }

    /** Autonomous regions (daerah otonom) have a DPRD and an RPJMD. */
    public boolean autonomous() {
        return !administrative;
    }
}

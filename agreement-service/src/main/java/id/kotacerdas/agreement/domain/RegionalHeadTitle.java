package id.kotacerdas.agreement.domain;

import id.kotacerdas.platform.registry.RegionLevel;

/**
 * Who is pihak kedua of a region's MoU: the regional head, Bupati of a kabupaten, Wali Kota of a kota, Gubernur of a
 * province (DOMAIN.md §3: provinces sign with the Governor, as DIY and Jawa Barat did on 2023-02-28).
 */
public enum RegionalHeadTitle {
    BUPATI("Bupati", "Kabupaten "),
    WALI_KOTA("Wali Kota", "Kota "),
    GUBERNUR("Gubernur", "Provinsi ");

    private final String label;
    private final String regionPrefix;

    RegionalHeadTitle(String label, String regionPrefix) {
        this.label = label;
        this.regionPrefix = regionPrefix;
    }

    public static RegionalHeadTitle of(RegionLevel level) {
        return switch (level) {
            case KABUPATEN -> BUPATI;
            case KOTA -> WALI_KOTA;
            case PROVINCE -> GUBERNUR;
        };
    }

    public String label() {
        return label;
    }

    /** The office in full: "Kota Pangkal Pinang" → "Wali Kota Pangkal Pinang", "Kabupaten Tabanan" → "Bupati Tabanan". */
    public String positionIn(String regionName) {
        String place = regionName.startsWith(regionPrefix) ? regionName.substring(regionPrefix.length()) : regionName;
        return label + " " + place;
    }
}

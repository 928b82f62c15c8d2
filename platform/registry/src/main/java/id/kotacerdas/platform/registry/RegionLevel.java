package id.kotacerdas.platform.registry;

/** The level of a region in Indonesia's administration, as region-service names it. */
public enum RegionLevel {
    /** Provinsi. */
    PROVINCE,
    /** Kabupaten (regency): codes PP.01 to PP.69. */
    KABUPATEN,
    /** Kota (city): codes PP.71 to PP.99. */
    KOTA
}

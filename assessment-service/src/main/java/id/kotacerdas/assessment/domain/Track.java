package id.kotacerdas.assessment.domain;

/** The two tracks of the programme: kabupaten/kota (from 2017) and provinces (Smart Province, from 2023). */
public enum Track {
    KAB_KOTA,
    PROVINCE;

    /** The track of a region of a level as region-service names it ({@code PROVINCE}, {@code KABUPATEN}, {@code KOTA}). */
    public static Track ofLevel(String level) {
        return "PROVINCE".equals(level) ? PROVINCE : KAB_KOTA;
    }
}

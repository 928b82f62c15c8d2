package id.kotacerdas.masterplan.domain;

/** The regional instrument that enacts a masterplan (Perwa 25/2019 Pontianak, Pergub DIY 46/2019, Perda Depok 2/2019). */
public enum RatificationInstrument {
    /** Peraturan Wali Kota. */
    PERWALI,
    /** Peraturan Bupati. */
    PERBUP,
    /** Peraturan Gubernur. */
    PERGUB,
    /** Peraturan Daerah. */
    PERDA,
    /** Surat Keputusan of the regional head. */
    SK
}

package id.kotacerdas.masterplan.domain;

/** Where a programme's money comes from (fiscal capacity beyond the APBD, Metro report 2023). */
public enum BudgetSource {
    /** Anggaran Pendapatan dan Belanja Daerah: the region's own budget. */
    APBD,
    /** Anggaran Pendapatan dan Belanja Negara: the national budget. */
    APBN,
    FOREIGN_GRANT,
    /** Kerja sama Pemerintah dan Badan Usaha: public-private partnership. */
    KPBU,
    /** Corporate social responsibility and other private funding. */
    CSR_PRIVATE
}

package id.kotacerdas.agreement.domain;

/**
 * The four standard items of the MoU's scope (ruang lingkup), as codes with their Indonesian text. Listed in the
 * Tabanan report 2022, the same list for 2024 per infopublik (DOMAIN.md §3). The Indonesian wording here is the
 * programme's short form, not a quotation of a signed document.
 */
public enum ScopeItem {
    BIMTEK_MASTERPLAN("Bimbingan teknis penyusunan Rencana Induk (Masterplan) Smart City"),
    DATA_EXCHANGE_AND_FOSS("Pertukaran data serta pemanfaatan perangkat lunak legal dan Free Open Source Software (FOSS) antar Organisasi Perangkat Daerah"),
    SOSIALISASI_AND_FGD("Sosialisasi dan Focus Group Discussion (FGD)"),
    NATIONAL_SERVICES_INTEGRATION("Integrasi antar Organisasi Perangkat Daerah melalui layanan nasional");

    private final String text;

    ScopeItem(String text) {
        this.text = text;
    }

    /** The item in Indonesian. */
    public String text() {
        return text;
    }
}

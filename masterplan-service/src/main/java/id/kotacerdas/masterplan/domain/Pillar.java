package id.kotacerdas.masterplan.domain;

import java.util.List;

/**
 * The six dimensions (pillars) of a Gerakan Menuju Smart City masterplan, each with its three sub-dimensions
 * (elements). The pillar list is the programme's own (Sumbawa Barat report 2022, ICOSAG 2022); the sub-dimensions
 * follow the published evaluation material (arikamedia.id 2024, ICOSAG 2022, BINUS 2022). Two third elements, of
 * ECONOMY and ENVIRONMENT, are not confirmed by a primary source; they are kept so that every pillar has three.
 */
public enum Pillar {

    GOVERNANCE("Smart Governance", SubDimension.PUBLIC_SERVICE, SubDimension.BUREAUCRACY, SubDimension.PUBLIC_POLICY),
    BRANDING("Smart Branding", SubDimension.TOURISM_BRANDING, SubDimension.BUSINESS_BRANDING,
            SubDimension.CITY_APPEARANCE_BRANDING),
    ECONOMY("Smart Economy", SubDimension.INDUSTRY_ECOSYSTEM, SubDimension.WELFARE,
            SubDimension.FINANCIAL_TRANSACTION_ECOSYSTEM),
    LIVING("Smart Living", SubDimension.HARMONISED_LIVING_ENVIRONMENT, SubDimension.HEALTH,
            SubDimension.TRANSPORTATION),
    SOCIETY("Smart Society", SubDimension.COMMUNITY, SubDimension.LEARNING_ECOSYSTEM, SubDimension.SECURITY),
    ENVIRONMENT("Smart Environment", SubDimension.ENVIRONMENTAL_PROTECTION, SubDimension.WASTE_MANAGEMENT,
            SubDimension.ENERGY_MANAGEMENT);

    private final String displayName;
    private final List<SubDimension> subDimensions;

    Pillar(String displayName, SubDimension... subDimensions) {
        this.displayName = displayName;
        this.subDimensions = List.of(subDimensions);
    }

    /** The name the programme's documents use, e.g. "Smart Governance". */
    public String displayName() {
        return displayName;
    }

    /** The pillar's three sub-dimensions. */
    public List<SubDimension> subDimensions() {
        return subDimensions;
    }

    public boolean has(SubDimension subDimension) {
        return subDimensions.contains(subDimension);
    }

    /** The three elements of each pillar. */
    public enum SubDimension {
        /** Pelayanan publik. */
        PUBLIC_SERVICE("Pelayanan publik"),
        /** Birokrasi, tata kelola birokrasi. */
        BUREAUCRACY("Birokrasi"),
        /** Kebijakan publik. */
        PUBLIC_POLICY("Kebijakan publik"),
        TOURISM_BRANDING("Branding pariwisata"),
        BUSINESS_BRANDING("Branding bisnis"),
        /** Wajah kota. */
        CITY_APPEARANCE_BRANDING("Wajah kota"),
        INDUSTRY_ECOSYSTEM("Ekosistem industri"),
        /** Kesejahteraan rakyat. */
        WELFARE("Kesejahteraan rakyat"),
        /** Not confirmed by a primary source. */
        FINANCIAL_TRANSACTION_ECOSYSTEM("Ekosistem transaksi keuangan"),
        /** Harmonised living environment, spatial planning. */
        HARMONISED_LIVING_ENVIRONMENT("Harmonisasi lingkungan tempat tinggal"),
        HEALTH("Kesehatan"),
        /** Transportation and logistics (mobility). */
        TRANSPORTATION("Transportasi"),
        COMMUNITY("Komunitas"),
        LEARNING_ECOSYSTEM("Ekosistem belajar"),
        /** Security and safety. */
        SECURITY("Keamanan"),
        ENVIRONMENTAL_PROTECTION("Proteksi lingkungan"),
        WASTE_MANAGEMENT("Tata kelola sampah"),
        /** Not confirmed by a primary source. */
        ENERGY_MANAGEMENT("Tata kelola energi");

        private final String indonesianName;

        SubDimension(String indonesianName) {
            this.indonesianName = indonesianName;
        }

        public String indonesianName() {
            return indonesianName;
        }

        /** The pillar this element belongs to. */
        public Pillar pillar() {
            for (Pillar p : Pillar.values()) {
                if (p.has(this)) {
                    return p;
                }
            }
            throw new IllegalStateException(name() + " belongs to no pillar");
        }
    }
}

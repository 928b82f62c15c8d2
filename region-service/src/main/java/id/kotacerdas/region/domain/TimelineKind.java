package id.kotacerdas.region.domain;

/**
 * What a timeline entry says happened, in the programme's own order: assessment → selection → MoU → Dewan Smart
 * City → masterplan work and bimtek → review and ratification → evaluation, and the MoU's end. The order breaks ties
 * between facts of the same day (a region is scored before it is selected, bimtek stage 1 comes before stage 2), so a
 * timeline reads the same however its events arrived. The numbers are stored ({@code timeline_entry.kind_order}):
 * change them only with a migration.
 */
public enum TimelineKind {
    /** A historical cohort lists the region (imported record; dated by its programme year). */
    COHORT_RECORDED(10),
    INVITED(20),
    SELF_ASSESSMENT_SUBMITTED(30),
    /** The region's score in a cycle (one entry per cycle: the latest sheet's overall score). */
    SCORED(40),
    SELECTED(50),
    NOT_SELECTED(51),
    /** A "Penyampaian Hasil Asesmen" letter lists the region. */
    RESULT_LETTER(60),
    MOU_DRAFTED(70),
    MOU_SCHEDULED(80),
    MOU_SIGNED(90),
    MOU_AMENDED(95),
    /** From region-service's own profile: the SK forming the region's Dewan Smart City. */
    DEWAN_SMART_CITY_FORMED(100),
    MASTERPLAN_OPENED(110),
    BIMTEK_STAGE_1_HELD(121),
    BIMTEK_STAGE_2_HELD(122),
    BIMTEK_STAGE_3_HELD(123),
    BIMTEK_STAGE_4_HELD(124),
    /** The komitmen bersama of the regional head, Sekda and OPDs (signed at the bimtek closing). */
    LOCAL_COMMITMENT_SIGNED(128),
    BIMTEK_COMPLETED(130),
    MASTERPLAN_SUBMITTED(140),
    MASTERPLAN_REVISION_REQUESTED(150),
    MASTERPLAN_APPROVED(160),
    MASTERPLAN_RATIFIED(170),
    /** A published evaluation (monev) result: index, dimensions, ranks. */
    EVALUATED(180),
    MOU_EXPIRED(190),
    MOU_TERMINATED(191),
    MOU_WITHDRAWN(192);

    private final int order;

    TimelineKind(int order) {
        this.order = order;
    }

    /** The kind's place in the programme; the first tie-breaker after the date. */
    public int order() {
        return order;
    }

    /** The bimtek stage's kind (1–4). */
    public static TimelineKind bimtekStageHeld(int stage) {
        return switch (stage) {
            case 1 -> BIMTEK_STAGE_1_HELD;
            case 2 -> BIMTEK_STAGE_2_HELD;
            case 3 -> BIMTEK_STAGE_3_HELD;
            case 4 -> BIMTEK_STAGE_4_HELD;
            default -> throw new IllegalArgumentException("bimtek stage " + stage);
        };
    }

    public boolean isBimtekStage() {
        return this == BIMTEK_STAGE_1_HELD || this == BIMTEK_STAGE_2_HELD || this == BIMTEK_STAGE_3_HELD
                || this == BIMTEK_STAGE_4_HELD;
    }
}

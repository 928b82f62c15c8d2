package id.kotacerdas.masterplan.domain;

/** The sections of a masterplan a reviewer comments on. */
public enum ReviewSection {
    STRATEGIC_ANALYSIS, VISION_MISSION, PROGRAMMES, QUICK_WINS, ACTION_PLAN, ROADMAP, GENERAL
}

package id.kotacerdas.assessment.domain;

/**
 * The six pillars (dimensi smart city) of the programme's masterplans and evaluations: smart governance, branding,
 * economy, living, society and environment. An evaluation framework crosses them with its five dimensions.
 */
public enum Pillar {
    GOVERNANCE,
    BRANDING,
    ECONOMY,
    LIVING,
    SOCIETY,
    ENVIRONMENT
}

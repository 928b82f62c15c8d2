package id.kotacerdas.assessment.domain;

/**
 * A cohort a region belonged to before: its programme year, its track and where that is known from (a selection of
 * this service, or an imported historical record).
 */
public record EarlierCohort(int programmeYear, Track track, String source) {
}

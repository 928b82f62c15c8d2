package id.kotacerdas.assessment.domain;

/** An invited region takes part unless it declines. */
public enum InvitationStatus {
    INVITED,
    DECLINED
}

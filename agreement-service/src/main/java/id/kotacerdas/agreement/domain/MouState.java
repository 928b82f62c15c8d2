package id.kotacerdas.agreement.domain;

/**
 * Where an MoU is in its life: {@code DRAFT → SCHEDULED → SIGNED → EXPIRED | TERMINATED}, and {@code WITHDRAWN}
 * before signing. The allowed moves are {@link MouLifecycle}'s.
 */
public enum MouState {
    /** Drafted (automatically when the region was selected, or by the ministry by hand); not yet given a date. */
    DRAFT,
    /** Given a signing: a national ceremony, or a date of its own. */
    SCHEDULED,
    /** Signed and in force until its validity ends. */
    SIGNED,
    /** Its validity ended (found by the daily expiry check). */
    EXPIRED,
    /** Ended early, with a reason. */
    TERMINATED,
    /** Dropped before it was signed, with a reason. */
    WITHDRAWN;

    /** Whether an MoU in this state was signed once (signed, expired or terminated). */
    public boolean wasSigned() {
        return this == SIGNED || this == EXPIRED || this == TERMINATED;
    }

    /** Whether nothing can happen to it any more. */
    public boolean isFinal() {
        return this == EXPIRED || this == TERMINATED || this == WITHDRAWN;
    }
}

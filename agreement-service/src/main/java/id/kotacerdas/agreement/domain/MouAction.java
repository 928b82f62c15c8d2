package id.kotacerdas.agreement.domain;

/** What can be done to an MoU; {@link MouLifecycle} says in which states. */
public enum MouAction {
    /** Change the ministry's terms (title, numbers, parties, witnesses, scope, validity, sources). */
    EDIT_TERMS("change the terms of"),
    /** Fill in the region's side (local venue and mode, the regional head, who signs, attendees). */
    EDIT_LOCAL_SIDE("change the region's side of"),
    /** Attach to a national ceremony or give a date of its own (again, to move it). */
    SCHEDULE("schedule"),
    SIGN("sign"),
    /** Record an amendment (adendum): a new revision, the old one kept. */
    AMEND("amend"),
    EXPIRE("expire"),
    TERMINATE("terminate"),
    WITHDRAW("withdraw");

    private final String verb;

    MouAction(String verb) {
        this.verb = verb;
    }

    /** How the action reads in a sentence: "cannot {verb} an MoU that is DRAFT". */
    public String verb() {
        return verb;
    }
}

package id.kotacerdas.assessment.domain;

/**
 * A rule of the process forbids this change in the current state of a record (a published framework, a cycle that
 * has moved on, a self-assessment already submitted). The REST layer answers it with {@code 409}; the message names
 * the state.
 */
public class StateConflictException extends RuntimeException {

    private final String state;

    public StateConflictException(String state, String detail) {
        super(detail, null, false, false);
        this.state = state;
    }

    /** The record's current state, e.g. {@code PUBLISHED} or {@code SCORING}. */
    public String state() {
        return state;
    }
}

package id.kotacerdas.masterplan.domain;

import java.util.Set;

/** An action the current state does not allow: a {@code 409} that names the state (and, for stages, which stage). */
public class IllegalTransitionException extends RuntimeException {

    private final String subject;
    private final String state;

    public IllegalTransitionException(String subject, String state, String message) {
        super(message, null, false, false);
        this.subject = subject;
        this.state = state;
    }

    static IllegalTransitionException of(String subject, Enum<?> state, Enum<?> action, Set<? extends Enum<?>> allowed) {
        return new IllegalTransitionException(subject, state.name(), "The " + subject + " is " + state + ": "
                + action.name().toLowerCase().replace('_', ' ') + " is allowed only when it is "
                + allowed.stream().map(Enum::name).sorted().reduce((a, b) -> a + " or " + b).orElse("never") + ".");
    }

    /** What is in the wrong state: {@code masterplan} or {@code bimtek stage 2}. */
    public String subject() {
        return subject;
    }

    public String state() {
        return state;
    }
}

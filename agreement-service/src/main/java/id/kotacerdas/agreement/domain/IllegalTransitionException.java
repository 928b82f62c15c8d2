package id.kotacerdas.agreement.domain;

import java.util.Set;

/**
 * An action the MoU's state does not allow (signing a draft that was never scheduled, amending a withdrawn one).
 * The REST layer answers it with {@code 409} naming the state.
 */
public class IllegalTransitionException extends RuntimeException {

    private final MouState state;
    private final MouAction action;
    private final Set<MouState> allowedFrom;

    public IllegalTransitionException(MouState state, MouAction action, Set<MouState> allowedFrom) {
        super(message(state, action, allowedFrom), null, false, false);
        this.state = state;
        this.action = action;
        this.allowedFrom = Set.copyOf(allowedFrom);
    }

    private static String message(MouState state, MouAction action, Set<MouState> allowedFrom) {
        String hint = switch (action) {
            case SIGN -> state == MouState.DRAFT ? "; schedule it first (a ceremony or a date of its own)" : "";
            default -> "";
        };
        return "Cannot " + action.verb() + " an MoU that is " + state + " (only when "
                + String.join(" or ", allowedFrom.stream().sorted().map(Enum::name).toList()) + ")" + hint + ".";
    }

    public MouState state() {
        return state;
    }

    public MouAction action() {
        return action;
    }

    public Set<MouState> allowedFrom() {
        return allowedFrom;
    }
}

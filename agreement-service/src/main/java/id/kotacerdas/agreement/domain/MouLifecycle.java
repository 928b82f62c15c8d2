package id.kotacerdas.agreement.domain;

import static id.kotacerdas.agreement.domain.MouState.DRAFT;
import static id.kotacerdas.agreement.domain.MouState.EXPIRED;
import static id.kotacerdas.agreement.domain.MouState.SCHEDULED;
import static id.kotacerdas.agreement.domain.MouState.SIGNED;
import static id.kotacerdas.agreement.domain.MouState.TERMINATED;
import static id.kotacerdas.agreement.domain.MouState.WITHDRAWN;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The MoU's state machine, the one place that says which action is allowed in which state and where it leads:
 *
 * <pre>
 * DRAFT --schedule--> SCHEDULED --sign--> SIGNED --expire--> EXPIRED
 *   |                   |  ^ schedule          |--terminate--> TERMINATED
 *   |                   |  | (move)            `--amend--> SIGNED (a new revision)
 *   `--withdraw--> WITHDRAWN <--withdraw--'
 * </pre>
 *
 * Terms and the region's side can be changed until the MoU is signed; after that only an amendment changes it.
 */
public final class MouLifecycle {

    private record Move(Set<MouState> from, MouState to) {
    }

    private static final Map<MouAction, Move> MOVES = new EnumMap<>(MouAction.class);

    static {
        MOVES.put(MouAction.EDIT_TERMS, new Move(Set.of(DRAFT, SCHEDULED), null));
        MOVES.put(MouAction.EDIT_LOCAL_SIDE, new Move(Set.of(DRAFT, SCHEDULED), null));
        MOVES.put(MouAction.SCHEDULE, new Move(Set.of(DRAFT, SCHEDULED), SCHEDULED));
        MOVES.put(MouAction.SIGN, new Move(Set.of(SCHEDULED), SIGNED));
        MOVES.put(MouAction.AMEND, new Move(Set.of(SIGNED), SIGNED));
        MOVES.put(MouAction.EXPIRE, new Move(Set.of(SIGNED), EXPIRED));
        MOVES.put(MouAction.TERMINATE, new Move(Set.of(SIGNED), TERMINATED));
        MOVES.put(MouAction.WITHDRAW, new Move(Set.of(DRAFT, SCHEDULED), WITHDRAWN));
    }

    private MouLifecycle() {
    }

    /** Whether the action is allowed in this state. */
    public static boolean allows(MouState state, MouAction action) {
        return MOVES.get(action).from().contains(state);
    }

    /**
     * The state after the action.
     *
     * @throws IllegalTransitionException when the state does not allow it
     */
    public static MouState apply(MouState state, MouAction action) {
        Move move = MOVES.get(action);
        if (!move.from().contains(state)) {
            throw new IllegalTransitionException(state, action, move.from());
        }
        return move.to() == null ? state : move.to();
    }

    /** The states in which the action is allowed. */
    public static Set<MouState> allowedFrom(MouAction action) {
        return MOVES.get(action).from();
    }
}

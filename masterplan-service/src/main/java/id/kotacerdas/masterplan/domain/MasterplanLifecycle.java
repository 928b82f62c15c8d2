package id.kotacerdas.masterplan.domain;

import static id.kotacerdas.masterplan.domain.MasterplanState.APPROVED;
import static id.kotacerdas.masterplan.domain.MasterplanState.DRAFT;
import static id.kotacerdas.masterplan.domain.MasterplanState.IN_REVIEW;
import static id.kotacerdas.masterplan.domain.MasterplanState.RATIFIED;
import static id.kotacerdas.masterplan.domain.MasterplanState.REVISION_REQUESTED;
import static id.kotacerdas.masterplan.domain.MasterplanState.SUBMITTED;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The masterplan's state machine, the one place that says which action is allowed in which state and where it leads:
 *
 * <pre>
 * DRAFT --submit--> SUBMITTED --start review--> IN_REVIEW --approve--> APPROVED --ratify--> RATIFIED
 *   ^ edit                                         |
 *   |                                              `--request revision--> REVISION_REQUESTED --submit--> SUBMITTED
 *                                                                           ^ edit
 * </pre>
 *
 * The document can be edited only in DRAFT and REVISION_REQUESTED: a submitted version is frozen. A ratification
 * that is withdrawn (it should never have been recorded) takes the plan back from RATIFIED to APPROVED.
 */
public final class MasterplanLifecycle {

    private record Move(Set<MasterplanState> from, MasterplanState to) {
    }

    private static final Map<MasterplanAction, Move> MOVES = new EnumMap<>(MasterplanAction.class);

    static {
        MOVES.put(MasterplanAction.EDIT, new Move(Set.of(DRAFT, REVISION_REQUESTED), null));
        MOVES.put(MasterplanAction.SUBMIT, new Move(Set.of(DRAFT, REVISION_REQUESTED), SUBMITTED));
        MOVES.put(MasterplanAction.START_REVIEW, new Move(Set.of(SUBMITTED), IN_REVIEW));
        MOVES.put(MasterplanAction.REQUEST_REVISION, new Move(Set.of(IN_REVIEW), REVISION_REQUESTED));
        MOVES.put(MasterplanAction.APPROVE, new Move(Set.of(IN_REVIEW), APPROVED));
        MOVES.put(MasterplanAction.RATIFY, new Move(Set.of(APPROVED), RATIFIED));
        MOVES.put(MasterplanAction.WITHDRAW_RATIFICATION, new Move(Set.of(RATIFIED), APPROVED));
    }

    private MasterplanLifecycle() {
    }

    public static boolean allows(MasterplanState state, MasterplanAction action) {
        return MOVES.get(action).from().contains(state);
    }

    /**
     * The state after the action.
     *
     * @throws IllegalTransitionException when the state does not allow it
     */
    public static MasterplanState apply(MasterplanState state, MasterplanAction action) {
        Move move = MOVES.get(action);
        if (!move.from().contains(state)) {
            throw IllegalTransitionException.of("masterplan", state, action, move.from());
        }
        return move.to() == null ? state : move.to();
    }

    public static Set<MasterplanState> allowedFrom(MasterplanAction action) {
        return MOVES.get(action).from();
    }
}

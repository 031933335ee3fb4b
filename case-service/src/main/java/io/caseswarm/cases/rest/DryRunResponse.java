package io.caseswarm.cases.rest;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import io.caseswarm.cases.automation.Condition;
import io.caseswarm.cases.domain.CaseEvent.ActionTaken;
import io.caseswarm.cases.service.AutomationCommands;

/**
 * What a rule would do to a case: each condition with the case's value ({@code actual}) and whether it
 * holds; whether the rule would act ({@code wouldFire}: every condition holds and the case is under its
 * firing limit); and what each action would do, as a firing would record it. Nothing was changed.
 */
public record DryRunResponse(String ruleId, List<ConditionResult> conditions, boolean conditionsHold,
        boolean limitReached, boolean wouldFire, List<ActionTaken> actions) {

    static DryRunResponse of(String ruleId, AutomationCommands.Firing firing) {
        return new DryRunResponse(ruleId, firing.conditions().stream().map(ConditionResult::of).toList(),
                firing.conditionsHold(), firing.limited(), firing.conditionsHold() && !firing.limited(),
                firing.actions());
    }

    /** One condition as the rule states it, the case's value, and whether it held. */
    public record ConditionResult(String field, String op, Object value, String zone, Object actual, boolean holds) {

        static ConditionResult of(Condition.Outcome outcome) {
            Condition condition = outcome.condition();
            return new ConditionResult(condition.field(), condition.op().label(), shown(condition.value()),
                    condition.zone() == null ? null : condition.zone().getId(), shown(outcome.actual()),
                    outcome.holds());
        }

        private static Object shown(Object value) {
            return switch (value) {
                case null -> null;
                case LocalTime time -> time.toString();
                case DayOfWeek day -> day.name().toLowerCase(Locale.ROOT);
                case List<?> values -> values.stream().map(ConditionResult::shown).toList();
                default -> value;
            };
        }
    }
}

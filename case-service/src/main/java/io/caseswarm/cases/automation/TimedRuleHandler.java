package io.caseswarm.cases.automation;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.cases.service.AutomationCommands;
import io.caseswarm.platform.deadline.Deadline;
import io.caseswarm.platform.deadline.DeadlineHandler;

/** Fires the rules that wait a time after an event, when their deadline is due, in the deadline's transaction. */
@ApplicationScoped
public class TimedRuleHandler implements DeadlineHandler {

    private final AutomationCommands automation;
    private final ObjectMapper json;

    TimedRuleHandler(AutomationCommands automation, ObjectMapper json) {
        this.automation = automation;
        this.json = json;
    }

    @Override
    public String kind() {
        return AutomationCommands.DEADLINE_KIND;
    }

    @Override
    public void fire(Deadline deadline) {
        automation.onTimeUp(UUID.fromString(deadline.aggregateId()),
                json.convertValue(deadline.payload(), AutomationCommands.TimedFiring.class));
    }
}

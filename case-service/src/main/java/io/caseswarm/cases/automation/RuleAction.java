package io.caseswarm.cases.automation;

import java.util.List;
import java.util.Map;

import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.Priority;

/**
 * What a rule does to a case, in order. Texts are {@link Templates}: {@code {{case.number}}} and the like
 * are filled in from the case when the rule acts.
 */
public sealed interface RuleAction {

    /** The name rules and the history use: {@code set-priority}. */
    String type();

    record SetPriority(Priority priority) implements RuleAction {
        public String type() {
            return "set-priority";
        }
    }

    /** To {@code open}, {@code pending}, {@code on-hold} or {@code closed}; resolving takes a person's fix. */
    record SetStatus(CaseStatus status, String reason) implements RuleAction {
        public String type() {
            return "set-status";
        }
    }

    /** Adds tags to the case's own. */
    record AddTags(List<String> tags) implements RuleAction {
        public String type() {
            return "add-tags";
        }
    }

    /**
     * Gives the case to an agent ({@code agentId}), or to the member of a group who owns the fewest active
     * cases: the group {@code groupId}, or with {@code coveringGroup} the group that covers the case's
     * product (else its tags, by the group's skills).
     */
    record Assign(String agentId, String groupId, boolean coveringGroup) implements RuleAction {
        public String type() {
            return "assign";
        }
    }

    /**
     * Asks for a swarm on behalf of the case's owner: with {@code skills}, or when none are given the skills
     * of the groups covering the case's product; of {@code swarmType} (standard, urgent, backlog), or when
     * none is given of the type swarm-service decides.
     */
    record RequestSwarm(List<String> skills, int teamSize, String question, String swarmType) implements RuleAction {
        public String type() {
            return "request-swarm";
        }
    }

    /** Tells people about the case: named ones, its owner, its group's leads, the members of groups. */
    record Notify(boolean owner, boolean leads, List<String> personIds, List<String> groupIds, String subject,
            String text) implements RuleAction {
        public String type() {
            return "notify";
        }
    }

    /** Posts in the case's open swarm. */
    record PostToSwarm(String text) implements RuleAction {
        public String type() {
            return "post-to-swarm";
        }
    }

    /** Answers the customer: a public message on the case, which notification-service mails. */
    record Reply(String template) implements RuleAction {
        public String type() {
            return "reply";
        }
    }

    /**
     * Holds {@code actions} until {@code approverId} approves them; {@code definitions} are those actions as
     * the rule gives them, which the approval request carries.
     */
    record RequireApproval(String approverId, String reason, List<RuleAction> actions,
            List<Map<String, Object>> definitions) implements RuleAction {
        public String type() {
            return "require-approval";
        }
    }
}

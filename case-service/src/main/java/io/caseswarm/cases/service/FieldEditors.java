package io.caseswarm.cases.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.caseswarm.cases.domain.Case;
import io.caseswarm.cases.domain.CaseFields;
import io.caseswarm.platform.rest.ForbiddenFieldsException;
import io.caseswarm.platform.rest.Problem;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;

/**
 * Who may change which field of a case. Its owner changes all of them, since they work it; beyond the
 * owner, each field (custom fields as one group) names the roles that change it on any case: leads and
 * the routing systems that triage. A field that needs a rule of its own later gets its own entry here.
 * The caller learns every field they may not change at once, with a 403 naming each.
 */
final class FieldEditors {

    private static final Set<String> TRIAGE = Set.of(Roles.LEAD, Roles.INTEGRATION);
    private static final Map<String, Set<String>> BEYOND_THE_OWNER = Map.of(
            CaseFields.PRIORITY, TRIAGE,
            CaseFields.PRODUCT, TRIAGE,
            CaseFields.CATEGORY, TRIAGE,
            CaseFields.TAGS, TRIAGE,
            CaseFields.CUSTOM, TRIAGE);

    private FieldEditors() {
    }

    static void require(Collection<String> fields, Case aggregate, Caller caller) {
        if (aggregate.ownerId() != null && caller.isSelf(aggregate.ownerId())) {
            return;
        }
        List<Problem.FieldError> refused = fields.stream()
                .filter(field -> !caller.isAny(rolesFor(field).toArray(String[]::new)))
                .map(field -> new Problem.FieldError(field, "only the case's owner"
                        + (aggregate.ownerId() == null ? "" : ", " + aggregate.ownerId() + ",")
                        + " or a caller with the role " + String.join(" or ", rolesFor(field).stream().sorted().toList())
                        + " changes it"))
                .toList();
        if (!refused.isEmpty()) {
            throw new ForbiddenFieldsException(refused);
        }
    }

    private static Set<String> rolesFor(String field) {
        Set<String> roles = BEYOND_THE_OWNER.get(CaseFields.groupOf(field));
        if (roles == null) {
            throw new IllegalArgumentException("No rule says who changes " + field);
        }
        return roles;
    }
}

package io.caseswarm.cases.projection;

import java.util.UUID;

import io.caseswarm.cases.domain.CaseRelation;

/** A case's link to another, as the view keeps it: "this case {@code relation} case {@code number}". */
public record LinkedCase(CaseRelation relation, UUID caseId, String number) {
}

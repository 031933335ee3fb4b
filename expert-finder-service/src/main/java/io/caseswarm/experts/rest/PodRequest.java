package io.caseswarm.experts.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.caseswarm.experts.domain.PodDefinition;
import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.rest.PersonId;

/**
 * The whole definition of a pod on {@code PUT /pods/{id}}; the path names the pod. Products are matched
 * to cases' products ignoring case, skills are stored as the directory stores them (lower-case), and
 * each list names each value once. {@code slackChannel} is a Slack channel id such as {@code C0123ABCD}.
 */
public record PodRequest(
        @NotBlank @Size(max = 200)
        @Pattern(regexp = "^[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} .,'’()&/-]*$",
                message = "must be a name: letters, digits, spaces and . , ' ( ) & / -") String name,
        @NotNull @Size(max = 50) List<@NotBlank @Size(max = 100) String> products,
        @NotNull @Size(max = 50) List<@NotBlank @Size(max = 50) @SkillName String> skills,
        @NotNull @Size(max = 200) List<@NotNull @PersonId String> members,
        @NotNull @Size(max = 20) List<@NotNull @PersonId String> leads,
        @Pattern(regexp = SLACK_CHANNEL, message = "must be a Slack channel id such as C0123ABCD") String slackChannel) {

    /** Slack's public (C…) and private (G…) channel ids: upper-case letters and digits. */
    public static final String SLACK_CHANNEL = "^[CG][A-Z0-9]{6,20}$";

    PodDefinition definition() {
        List<String> productNames = products.stream().map(String::strip).toList();
        List<String> skillNames = skills.stream().map(skill -> skill.strip().toLowerCase(Locale.ROOT)).toList();
        requireDistinct("products", productNames.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList());
        requireDistinct("skills", skillNames);
        requireDistinct("members", members);
        requireDistinct("leads", leads);
        return new PodDefinition(name.strip(), productNames, skillNames, members, leads, slackChannel);
    }

    private static void requireDistinct(String field, List<String> values) {
        Set<String> seen = new HashSet<>();
        List<String> twice = values.stream().filter(value -> !seen.add(value)).distinct().toList();
        if (!twice.isEmpty()) {
            throw new InvalidFieldException(field, "must name each value once, not twice: " + String.join(", ", twice));
        }
    }
}

package io.caseswarm.swarms.slack;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.swarms.domain.RequestSwarm;
import io.caseswarm.swarms.projection.KnownCase;
import io.caseswarm.swarms.service.SwarmCommands;
import io.quarkus.security.ForbiddenException;

/**
 * {@code /swarm CS-001234 billing,sync [question]}: asks for a swarm on the case as the person linked to the
 * Slack user, under the same rules as {@code POST /swarms} (an agent owning the case, or a lead). The
 * answer is Slack's slash-command response, seen by the user alone; the swarm's own message follows in the
 * swarm channel.
 */
@ApplicationScoped
public class SlackSlashCommand {

    static final String USAGE = "Usage: /swarm CS-001234 skill,other-skill [your question]";
    private static final Pattern COMMAND = Pattern.compile(
            "^\\s*(CS-\\d{1,12})\\s+([\\p{L}\\p{N}._+#/-]{1,50}(?:,[\\p{L}\\p{N}._+#/-]{1,50}){0,9})(?:\\s+(.+))?$",
            Pattern.DOTALL);
    private static final int MAX_QUESTION = 2_000;

    private final SlackUsers users;
    private final SwarmCommands swarms;

    SlackSlashCommand(SlackUsers users, SwarmCommands swarms) {
        this.users = users;
        this.swarms = swarms;
    }

    public SlashCommandResponse handle(Map<String, String> form) {
        Optional<SlackPersonLink> link = users.linked(form.get("user_id"));
        if (link.isEmpty()) {
            return SlashCommandResponse.ephemeral(SlackUsers.NOT_LINKED);
        }
        String text = form.getOrDefault("text", "");
        Matcher parsed = text.length() > 3 * MAX_QUESTION ? null : COMMAND.matcher(text);
        if (parsed == null || !parsed.matches()) {
            return SlashCommandResponse.ephemeral(USAGE);
        }
        Caller caller = link.get().caller();
        if (!caller.isAny(Roles.AGENT, Roles.LEAD)) {
            return SlashCommandResponse.ephemeral("Only agents and leads ask for swarms.");
        }
        String number = parsed.group(1);
        List<KnownCase> cases = KnownCase.list("number", number);
        if (cases.size() != 1) {
            return SlashCommandResponse.ephemeral(cases.isEmpty() ? "Caseswarm knows no case " + number + "."
                    : "More than one case is numbered " + number + "; ask for the swarm in Caseswarm.");
        }
        KnownCase knownCase = cases.getFirst();
        List<String> skills = Arrays.stream(parsed.group(2).split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).distinct().toList();
        String question = parsed.group(3) == null ? "Help wanted on " + number
                + (knownCase.subject == null ? "" : ": " + knownCase.subject) : parsed.group(3).strip();
        if (skills.isEmpty() || question.length() > MAX_QUESTION) {
            return SlashCommandResponse.ephemeral(USAGE + " (at most " + MAX_QUESTION + " characters of question)");
        }
        try {
            swarms.request(new RequestSwarm(UUID.randomUUID(), knownCase.caseId, question, null, skills,
                    null, null), caller);
        } catch (NotFoundException | CommandRejectedException | ForbiddenException e) {
            return SlashCommandResponse.ephemeral("No swarm was asked for: " + e.getMessage());
        }
        return SlashCommandResponse.ephemeral("Swarm asked for on " + number + " (skills: " + String.join(", ", skills)
                + "). Its message follows in the swarm channel.");
    }

    /** Slack's answer to a slash command: {@code ephemeral} shows it to the user who typed the command only. */
    public record SlashCommandResponse(@JsonProperty("response_type") String responseType, String text) {

        static SlashCommandResponse ephemeral(String text) {
            return new SlashCommandResponse("ephemeral", text);
        }
    }
}

package io.caseswarm.swarms.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What a swarm's room shows of its case besides {@link KnownCase}'s number, subject and priority: who the
 * customer is, where each SLA milestone stands, and what was said in public lately. Kept current from
 * case-service's events; a case opened before this was kept has none until its next case event.
 */
@Entity
@Table(name = "case_room")
public class CaseRoom extends PanacheEntityBase {

    /** How many of the latest public messages the room shows. */
    public static final int LATEST = 5;
    /** A message longer than this is shown cut, with an ellipsis: the whole is on the case. */
    public static final int MAX_BODY = 1_000;

    @Id
    public UUID caseId;
    public String customerName;
    public String customerOrganisation;
    /** By milestone ({@code first-response}, {@code next-response}, {@code resolution}). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Milestone> sla = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<PublicMessage> latestMessages = new ArrayList<>();

    /**
     * @param state {@code running} (the SLA applies, nothing happened yet), {@code warning}, {@code breached},
     *        {@code met} or {@code met-late}
     * @param dueAt when it is (was) due; null while only known as running
     */
    public record Milestone(String state, Instant dueAt, Instant since) {
    }

    public record PublicMessage(UUID messageId, String authorRole, String body, Instant addedAt) {
    }

    /**
     * Changes the case's room, made when the case has none yet. A new room is persisted after the change, so it is
     * inserted once with it: persisted before, it was inserted as it was then and updated at the same flush.
     */
    public static void change(UUID caseId, Consumer<CaseRoom> change) {
        Optional<CaseRoom> kept = CaseRoom.findByIdOptional(caseId);
        CaseRoom room = kept.orElseGet(CaseRoom::new);
        room.caseId = caseId;
        change.accept(room);
        if (kept.isEmpty()) {
            room.persist();
        }
    }

    public void milestone(String milestone, String state, Instant dueAt, Instant since) {
        Map<String, Milestone> changed = new LinkedHashMap<>(sla);
        changed.put(milestone, new Milestone(state, dueAt, since));
        sla = changed;
    }

    /** Keeps the latest {@link #LATEST}, oldest first; a message seen before (a redelivery) is not added twice. */
    public void said(PublicMessage message) {
        if (latestMessages.stream().anyMatch(m -> m.messageId().equals(message.messageId()))) {
            return;
        }
        String body = message.body().length() <= MAX_BODY ? message.body()
                : message.body().substring(0, MAX_BODY) + "…";
        List<PublicMessage> latest = new ArrayList<>(latestMessages);
        latest.add(new PublicMessage(message.messageId(), message.authorRole(), body, message.addedAt()));
        latestMessages = latest.size() <= LATEST ? latest
                : new ArrayList<>(latest.subList(latest.size() - LATEST, latest.size()));
    }
}

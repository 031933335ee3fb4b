package io.caseswarm.experts.projection;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A swarm a person is invited to ({@code pending}), works in ({@code joined}), or was added to by name by its
 * owner or a lead ({@code added}): one unit of their load each. Only the first two hold one of the places the
 * expert finder fills.
 */
@Entity
@Table(name = "expert_assignment")
@IdClass(ExpertAssignment.Key.class)
public class ExpertAssignment extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String JOINED = "joined";
    public static final String ADDED = "added";

    @Id
    public UUID swarmId;
    @Id
    public String personId;
    public String status;

    /**
     * The person no longer holds a place in the swarm: they declined, left, or did not answer in time.
     * False when they held none (their invitation had lapsed already).
     */
    public static boolean release(UUID swarmId, String personId) {
        return delete("swarmId = ?1 and personId = ?2", swarmId, personId) > 0;
    }

    /** Invited or joined, for as long as the swarm holds a place for them. */
    public static Optional<ExpertAssignment> of(UUID swarmId, String personId) {
        return findByIdOptional(new Key(swarmId, personId));
    }

    /** How many places of the swarm are taken: invitations waiting and people who joined. */
    public static long taken(UUID swarmId) {
        return count("swarmId = ?1 and status <> ?2", swarmId, ADDED);
    }

    /** Everyone the swarm holds now, whatever brought them in: nobody to invite again. */
    public static Set<String> peopleIn(UUID swarmId) {
        return ExpertAssignment.<ExpertAssignment>list("swarmId", swarmId).stream().map(a -> a.personId)
                .collect(Collectors.toSet());
    }

    public static long loadOf(String personId) {
        return count("personId", personId);
    }

    /** Every person's load at once, for ranking the whole directory in one go. */
    public static Map<String, Integer> loads() {
        return ExpertAssignment.<ExpertAssignment>listAll().stream()
                .collect(Collectors.groupingBy(a -> a.personId, Collectors.summingInt(a -> 1)));
    }

    public record Key(UUID swarmId, String personId) implements Serializable {
    }
}

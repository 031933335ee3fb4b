package io.caseswarm.experts.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.caseswarm.experts.domain.InvitationSpread;
import io.caseswarm.experts.projection.ExpertAssignment;
import io.caseswarm.experts.projection.ExpertProfile;

/**
 * Who the finder asked over a window, read from its own event store ({@code expert-invited} and
 * {@code expert-invitation-expired} are its own events): how many invitations and lapses, how evenly they fell
 * on the directory, and the people asked most with their load now.
 */
@ApplicationScoped
public class InvitationStats {

    private final EntityManager entities;

    InvitationStats(EntityManager entities) {
        this.entities = entities;
    }

    public record PersonStats(String personId, String name, long invitations, long lapsed, long load, int capacity) {
    }

    public record Stats(Instant from, Instant to, long people, long invitations, long lapsed, long invitedPeople,
            double gini, List<PersonStats> mostInvited) {
    }

    @Transactional
    public Stats between(Instant from, Instant to, int top) {
        Map<String, long[]> byPerson = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select payload->>'personId',
                       count(*) filter (where event_type = 'expert-invited'),
                       count(*) filter (where event_type = 'expert-invitation-expired')
                from events
                where event_type in ('expert-invited', 'expert-invitation-expired')
                  and occurred_at >= ?1 and occurred_at < ?2
                group by 1""").setParameter(1, from).setParameter(2, to).getResultList();
        for (Object[] row : rows) {
            byPerson.put((String) row[0], new long[] { ((Number) row[1]).longValue(), ((Number) row[2]).longValue() });
        }
        long people = ExpertProfile.count();
        // Everyone in the directory counts, the never-asked as zeros; someone asked and since removed counts too.
        long[] counts = new long[(int) Math.max(people, byPerson.size())];
        int i = 0;
        for (long[] invited : byPerson.values()) {
            counts[i++] = invited[0];
        }
        List<PersonStats> most = new ArrayList<>();
        byPerson.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(top)
                .forEach(e -> {
                    ExpertProfile profile = ExpertProfile.findById(e.getKey());
                    most.add(new PersonStats(e.getKey(), profile == null ? null : profile.name, e.getValue()[0],
                            e.getValue()[1], ExpertAssignment.loadOf(e.getKey()), profile == null ? 0 : profile.capacity));
                });
        return new Stats(from, to, people, byPerson.values().stream().mapToLong(c -> c[0]).sum(),
                byPerson.values().stream().mapToLong(c -> c[1]).sum(),
                byPerson.values().stream().filter(c -> c[0] > 0).count(), InvitationSpread.gini(counts), most);
    }
}

package io.caseswarm.swarms.slack;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * What came in from Slack already: Events API deliveries handled (Slack retries a delivery it thinks we
 * missed, with the same {@code event_id}) and the feed posts made from thread replies, which the mirror
 * must not post into the thread a second time. Both are written in the transaction of their effect.
 */
final class SlackDeliveries {

    private SlackDeliveries() {
    }

    /** True the first time {@code eventId} is seen; false for a retry of a delivery already handled. */
    static boolean firstDelivery(String eventId, Instant at) {
        return Panache.getEntityManager()
                .createNativeQuery("insert into slack_seen_event (event_id, seen_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, eventId).setParameter(2, at).executeUpdate() == 1;
    }

    static void postCameFromSlack(UUID postId, String eventId, Instant at) {
        Panache.getEntityManager()
                .createNativeQuery("insert into slack_post_from_slack (post_id, event_id, at) values (?1, ?2, ?3)")
                .setParameter(1, postId).setParameter(2, eventId).setParameter(3, at).executeUpdate();
    }

    static boolean cameFromSlack(UUID postId) {
        return !Panache.getEntityManager().createNativeQuery("select 1 from slack_post_from_slack where post_id = ?1")
                .setParameter(1, postId).getResultList().isEmpty();
    }
}

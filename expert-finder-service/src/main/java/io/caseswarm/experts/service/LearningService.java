package io.caseswarm.experts.service;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.experts.domain.Learning;
import io.caseswarm.experts.projection.Expertise;
import io.caseswarm.experts.projection.SwarmStaffing;

/**
 * Learns who knows what from what other services tell: credits on swarms, resolved cases, published articles and
 * articles that helped on cases.
 */
@ApplicationScoped
public class LearningService {

    private final Expertise expertise;

    LearningService(Expertise expertise) {
        this.expertise = expertise;
    }

    /** A member of a resolved case's swarm was credited: evidence on the swarm's skills and the case's product. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void credited(UUID swarmId, String personId, List<String> skills, String product, int posts,
            boolean helped, Instant at) {
        SwarmStaffing staffing = SwarmStaffing.findById(swarmId);
        expertise.learn(Learning.credited(swarmId, personId, skills, product, posts, helped,
                staffing == null ? null : staffing.caseNumber, at));
    }

    /**
     * A case was resolved: its owner showed the skills its swarms asked for (none: its product alone), and the case
     * joins the solved ones, with its owner and helpers as solvers, for requests like it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolved(UUID caseId, String number, String text, String product, String ownerId,
            List<String> helpedBy, Instant at) {
        Set<String> skills = new LinkedHashSet<>();
        SwarmStaffing.<SwarmStaffing>list("caseId", caseId).forEach(swarm -> skills.addAll(swarm.skills));
        Learning.resolved(caseId, ownerId, List.copyOf(skills), product, number, at).ifPresent(expertise::learn);
        Learning.solvedCase(caseId, number, product, text, ownerId, helpedBy)
                .ifPresent(solved -> expertise.solved(solved, at));
    }

    /** An article was published: its author showed what its tags name. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void published(UUID articleId, String authorId, String title, List<String> tags, String product,
            Instant at) {
        Learning.authored(articleId, authorId, title, tags, product, at).ifPresent(expertise::learn);
    }

    /** Someone said an article helped on a case: its author showed what its tags name, unless they said it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void articleUsed(UUID articleId, UUID caseId, String usedBy, String authorId, String title,
            List<String> tags, String product, Instant at) {
        Learning.articleUsed(articleId, caseId, usedBy, authorId, title, tags, product, at).ifPresent(expertise::learn);
    }
}

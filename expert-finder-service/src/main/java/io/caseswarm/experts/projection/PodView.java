package io.caseswarm.experts.projection;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.caseswarm.experts.domain.PodDefinition;
import io.quarkus.panache.common.Sort;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A pod as its latest pod-defined event says. */
@Entity
@Table(name = "pod")
public class PodView extends PanacheEntityBase {

    @Id
    public String podId;
    public String name;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> products;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> skills;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> members;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> leads;
    public String slackChannel;
    public Instant updatedAt;

    public static List<PodView> all() {
        return listAll(Sort.ascending("podId"));
    }

    /** The members of pod {@code podId}; none for no pod, or a pod this service does not know. */
    public static Set<String> membersOf(String podId) {
        if (podId == null) {
            return Set.of();
        }
        return PodView.<PodView>findByIdOptional(podId).map(pod -> Set.copyOf(pod.members)).orElse(Set.of());
    }

    public PodDefinition definition() {
        return new PodDefinition(name, products, skills, members, leads, slackChannel);
    }

    void set(PodDefinition definition, Instant at) {
        name = definition.name();
        products = definition.products();
        skills = definition.skills();
        members = definition.members();
        leads = definition.leads();
        slackChannel = definition.slackChannel();
        updatedAt = at;
    }
}

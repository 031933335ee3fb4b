package io.caseswarm.swarms.pod;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A pod as the expert finder defines it (its latest pod-defined): the products whose swarms it takes, and
 * who leads it. Swarm-service never changes it itself.
 */
@Entity
@Table(name = "pod")
public class Pod extends PanacheEntityBase {

    @Id
    public String podId;
    public String name;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> products;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> members;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> leads;
    public String slackChannel;
    public Instant updatedAt;

    /**
     * The pod a case of {@code product} goes to: the one whose products include it, ignoring case. The
     * expert finder lets no two pods cover one product; should two ever do, the first by id takes it.
     */
    public static Optional<Pod> forProduct(String product) {
        if (product == null || product.isBlank()) {
            return Optional.empty();
        }
        return Pod.<Pod>find("order by podId").stream()
                .filter(pod -> pod.products.stream().anyMatch(product.strip()::equalsIgnoreCase)).findFirst();
    }

    /** Whether {@code personId} leads pod {@code podId} (false for an unknown pod). */
    public static boolean isLedBy(String podId, String personId) {
        return podId != null && Pod.<Pod>findByIdOptional(podId).map(pod -> pod.leads.contains(personId))
                .orElse(false);
    }
}

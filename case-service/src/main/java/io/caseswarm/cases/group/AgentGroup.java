package io.caseswarm.cases.group;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.caseswarm.platform.rest.InvalidFieldException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A group of agents ("Billing L1") with the skills and products it covers: a queue cases sit in without
 * an owner, and what mailboxes, automation rules and routing send cases to. Called {@code AgentGroup} in
 * the code because {@code group} is a reserved word of SQL and JPQL; the API says {@code /groups}.
 *
 * <p>A plain table, not an event stream, like the custom field declarations: a group is this service's
 * configuration, which an admin keeps up to date, not something that happens to a case. Nothing is
 * decided from its past, and what matters to a case, the group it sits in, is in the case's own
 * {@code case-group-changed} events, which name the group by its id. Changing a group's members later
 * therefore rewrites nothing that happened to a case.
 */
@Entity
@Table(name = "agent_group")
public class AgentGroup extends PanacheEntityBase {

    public static final String ID_PATTERN = "^[a-z0-9][a-z0-9-]{1,39}$";
    public static final String ID_MESSAGE =
            "must be a group id: 2 to 40 lower-case letters, digits or '-', starting with a letter or digit";

    @Id
    public String id;
    public String name;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> memberIds;
    /** The members who lead the group: "the leads" of a case in its queue. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> leadIds;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> skills;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> products;
    public Instant updatedAt;
    public String updatedBy;

    /**
     * The group a command names, which must exist: else 400 naming {@code field}. Groups are never
     * deleted, so a case never points at a group that is gone.
     */
    public static void requireExisting(String field, String id) {
        if (findById(id) == null) {
            throw new InvalidFieldException(field, "no such group; GET /groups lists them");
        }
    }

    /** Groups in order of their ids, after {@code afterId} (null for the first page), at most {@code limit}. */
    public static List<AgentGroup> page(String afterId, int limit) {
        return (afterId == null ? find("order by id") : find("id > ?1 order by id", afterId)).page(0, limit).list();
    }

    /**
     * Keeps other writers of groups waiting until this transaction ends, so that two admins creating the
     * same group at once do not both insert it (groups change seldom). Reading is not held up.
     */
    public static void lockForWriting() {
        getEntityManager().createNativeQuery("lock table agent_group in share row exclusive mode").executeUpdate();
    }
}

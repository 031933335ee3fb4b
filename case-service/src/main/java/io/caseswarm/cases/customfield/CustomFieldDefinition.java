package io.caseswarm.cases.customfield;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/**
 * A custom field an admin declares for cases: its name, what it holds and, for a choice, the values
 * allowed.
 *
 * <p>A plain table, not an event stream. A definition is this service's configuration, not something
 * that happens to a case: no other service follows it (a {@code case-updated} event carries each
 * custom field's name and value in full), nothing is decided from its past, and a case's values live
 * in the case's own events, checked against the definition when they are set. Changing a definition
 * later therefore rewrites nothing that happened to a case; a value it no longer allows stays on the
 * case until somebody changes that field.
 */
@Entity
@Table(name = "custom_field_definition")
public class CustomFieldDefinition extends PanacheEntityBase {

    public static final String NAME_PATTERN = "^[a-z][a-z0-9_]{0,39}$";
    public static final String NAME_MESSAGE =
            "must be a custom field name: a lower-case letter, then up to 39 lower-case letters, digits or '_'";
    /** Enough for a desk; a form with more fields than this is not read by anybody. */
    public static final int MAX_DEFINITIONS = 50;

    @Id
    public String name;
    @Enumerated(EnumType.STRING)
    public CustomFieldType type;
    public String label;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> allowedValues;
    public Instant updatedAt;
    public String updatedBy;

    public static List<CustomFieldDefinition> all() {
        return listAll(Sort.ascending("name"));
    }

    /**
     * Keeps other declarations waiting until this transaction ends, so that two admins declaring at
     * once can neither both pass the limit nor both create the same name. Reading is not held up.
     */
    public static void lockForDeclaring() {
        getEntityManager().createNativeQuery("lock table custom_field_definition in share row exclusive mode")
                .executeUpdate();
    }
}

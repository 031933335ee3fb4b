package io.caseswarm.notifications.projection;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How to reach a person ({@code person:<id>}) or a customer ({@code customer:<id>}). */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    public static final String EMAIL = "email";

    @Id
    public String contactId;
    public String name;
    public String email;
    public String preferredChannel;
    public Instant updatedAt;

    public static String person(String personId) {
        return "person:" + personId;
    }

    public static String customer(String customerId) {
        return "customer:" + customerId;
    }

    /** Creates or refreshes a contact point; the preferred channel a person chose is kept. */
    public static void learn(String contactId, String name, String email, Instant at) {
        Contact contact = Contact.<Contact>findByIdOptional(contactId).orElseGet(Contact::new);
        contact.contactId = contactId;
        contact.name = name;
        contact.email = email;
        contact.preferredChannel = contact.preferredChannel == null ? EMAIL : contact.preferredChannel;
        contact.updatedAt = at;
        contact.persist();
    }
}

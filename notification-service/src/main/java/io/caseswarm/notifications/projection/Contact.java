package io.caseswarm.notifications.projection;

import java.time.Instant;
import java.util.function.Consumer;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * How to reach a person ({@code person:<id>}) or a customer ({@code customer:<id>}). Whether to reach
 * them at all is their {@link io.caseswarm.notifications.preference.Preference}.
 */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    public String contactId;
    public String name;
    public String email;
    /** The person's Slack user id, from the directory; null when they have none (and for customers). */
    public String slackUserId;
    /** The person's IANA time zone from the directory; their preference may name another. */
    public String timeZone;
    public Instant updatedAt;

    public static String person(String personId) {
        return "person:" + personId;
    }

    public static String customer(String customerId) {
        return "customer:" + customerId;
    }

    /**
     * The id without its kind: the id the person or customer signs in with, which keys their preference.
     * People and customers sign in at the same issuer, so their ids do not overlap.
     */
    public String ownerId() {
        return contactId.substring(contactId.indexOf(':') + 1);
    }

    /** Creates or refreshes a contact point; what it knows of Slack and the time zone stays. */
    public static Contact learn(String contactId, String name, String email, Instant at) {
        return learn(contactId, name, email, at, contact -> {
        });
    }

    /**
     * A person as the directory describes them, all of it: a Slack id or zone it no longer names is gone.
     * Both are optional in the directory's events (absent on older ones).
     */
    public static void learnPerson(String personId, String name, String email, String slackUserId, String timeZone,
            Instant at) {
        learn(person(personId), name, email, at, contact -> {
            contact.slackUserId = slackUserId;
            contact.timeZone = timeZone;
        });
    }

    /**
     * Everything is set before a new contact is persisted: Hibernate inserts the state it was given at
     * {@code persist} and writes any later change as an update of the row it has just inserted.
     */
    private static Contact learn(String contactId, String name, String email, Instant at, Consumer<Contact> more) {
        Contact contact = Contact.<Contact>findByIdOptional(contactId).orElseGet(Contact::new);
        contact.contactId = contactId;
        contact.name = name;
        contact.email = email;
        contact.updatedAt = at;
        more.accept(contact);
        contact.persist();
        return contact;
    }
}

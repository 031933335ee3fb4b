package io.caseswarm.cases.customer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.cases.domain.Customer;
import io.caseswarm.platform.rest.ForbiddenFieldsException;
import io.caseswarm.platform.store.ConcurrencyConflictException;

/**
 * Finds and keeps customers. The same e-mail address always finds the same customer, and a customer's
 * login finds their record by its subject: the person who logs in and the person who mails are one
 * customer.
 */
@ApplicationScoped
public class CustomerDirectory {

    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    /**
     * The customer a case is for, made if they are new. An id names the record (made with that id if a
     * CRM names a customer the directory has not seen); without one the address finds it. An address
     * nobody has yet is added to the customer; one that is somebody else's stays theirs.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Customer forCase(CustomerRef ref) {
        CustomerRecord record = ref.id() != null ? CustomerRecord.findById(ref.id()) : byEmail(ref.email()).orElse(null);
        if (record == null) {
            record = create(ref.id() != null ? ref.id() : newId(), nameOf(ref), null);
        }
        if (ref.email() != null) {
            claim(record.id, ref.email());
        }
        return asCaseCustomer(record, ref);
    }

    /**
     * The customer a customer's own login opens a case for: their record, made on first use with the
     * login's subject. An address they give that belongs to another customer is refused: they cannot
     * have mail about their case sent to somebody else.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Customer forLogin(String subject, CustomerRef ref) {
        CustomerRecord record = ofLogin(subject).orElseGet(() -> create(
                CustomerRecord.findById(subject) == null ? subject : newId(), nameOf(ref), subject));
        if (ref.email() != null && byEmail(ref.email()).filter(owner -> !owner.id.equals(record.id)).isPresent()) {
            throw ForbiddenFieldsException.of("customer.email", "this address belongs to another customer");
        }
        if (ref.email() != null) {
            claim(record.id, ref.email());
        }
        return asCaseCustomer(record, ref);
    }

    /**
     * The record a login is: the one with its subject, else one whose id is the login's own name and that
     * has no subject (customers a CRM created with the same ids its portal logs them in with).
     */
    public Optional<CustomerRecord> ofLogin(String subject) {
        Optional<CustomerRecord> bySubject = CustomerRecord.find("subject", subject).firstResultOptional();
        return bySubject.isPresent() ? bySubject
                : CustomerRecord.<CustomerRecord>findByIdOptional(subject).filter(record -> record.subject == null);
    }

    public Optional<CustomerRecord> byEmail(String email) {
        return email == null ? Optional.empty()
                : CustomerEmail.<CustomerEmail>findByIdOptional(CustomerEmail.normalised(email))
                        .map(address -> CustomerRecord.findById(address.customerId));
    }

    public List<String> emailsOf(String customerId) {
        return CustomerEmail.of(customerId);
    }

    /** The customer's addresses that mail bounced from. */
    public List<FailingEmail> failingEmailsOf(String customerId) {
        return CustomerEmail.<CustomerEmail>list("customerId = ?1 and failingSince is not null",
                io.quarkus.panache.common.Sort.ascending("position"), customerId).stream()
                .map(address -> new FailingEmail(address.email, address.failingSince, address.failure)).toList();
    }

    /** An address mail bounced from: since when, and what the bounce said. */
    public record FailingEmail(String email, Instant since, String failure) {
    }

    /**
     * Gives the customer these addresses, in this order; an address of another customer is refused,
     * naming the field. Addresses the customer had and no longer lists are let go.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setEmails(String customerId, List<String> emails) {
        for (String email : emails) {
            byEmail(email).filter(owner -> !owner.id.equals(customerId)).ifPresent(owner -> {
                throw ForbiddenFieldsException.of("emails", email + " belongs to another customer");
            });
        }
        CustomerEmail.delete("customerId", customerId);
        CustomerEmail.flush();
        for (int position = 0; position < emails.size(); position++) {
            CustomerEmail address = new CustomerEmail();
            address.email = CustomerEmail.normalised(emails.get(position));
            address.customerId = customerId;
            address.position = position;
            address.persist();
        }
    }

    /**
     * Marks an address mail bounced from as failing, with the bounce's words; an address nobody has is
     * nothing to mark. The desk goes on writing to it (a full mailbox recovers), but staff see why the
     * customer does not answer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markFailing(String email, String failure, Instant at) {
        CustomerEmail.<CustomerEmail>findByIdOptional(CustomerEmail.normalised(email)).ifPresent(address -> {
            if (address.failingSince == null) {
                address.failingSince = at;
            }
            address.failure = failure;
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CustomerRecord create(String id, String name, String subject) {
        CustomerRecord record = new CustomerRecord();
        record.id = id;
        record.name = name;
        record.subject = subject;
        record.createdAt = clock.instant();
        record.updatedAt = record.createdAt;
        record.persist();
        return record;
    }

    public Instant now() {
        return clock.instant();
    }

    public static String newId() {
        return "cust-" + UUID.randomUUID();
    }

    /**
     * Adds the address to the customer unless somebody has it. Two requests claiming one new address at
     * once: the second finds it taken and is retried as a concurrent change, and then finds its owner.
     */
    private void claim(String customerId, String email) {
        String normalised = CustomerEmail.normalised(email);
        if (CustomerEmail.findById(normalised) != null) {
            return;
        }
        CustomerEmail.flush();
        int claimed = CustomerEmail.getEntityManager().createNativeQuery("""
                insert into customer_email (email, customer_id, position)
                select :email, :customerId, coalesce(max(position) + 1, 0) from customer_email where customer_id = :customerId
                on conflict do nothing""")
                .setParameter("email", normalised).setParameter("customerId", customerId).executeUpdate();
        if (claimed == 0) {
            throw new ConcurrencyConflictException("customer-email " + normalised, 0);
        }
    }

    private Customer asCaseCustomer(CustomerRecord record, CustomerRef ref) {
        String email = ref.email() != null ? ref.email().strip() : emailsOf(record.id).stream().findFirst().orElse(null);
        return new Customer(record.id, ref.name() != null ? ref.name().strip() : record.name, email);
    }

    private static String nameOf(CustomerRef ref) {
        return ref.name() != null ? ref.name().strip() : ref.email() != null ? ref.email().strip() : "Customer";
    }
}

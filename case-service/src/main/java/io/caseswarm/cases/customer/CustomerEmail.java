package io.caseswarm.cases.customer;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** One e-mail address of a customer, lower-cased: the key that makes the same address find the same customer. */
@Entity
@Table(name = "customer_email")
public class CustomerEmail extends PanacheEntityBase {

    @Id
    public String email;
    public String customerId;
    /** The order the customer's addresses were given in; the first is where mail goes. */
    public int position;
    /** Since when mail to the address bounces (null while it does not), and the bounce's own words. */
    public java.time.Instant failingSince;
    public String failure;

    static List<String> of(String customerId) {
        return CustomerEmail.<CustomerEmail>list("customerId", Sort.ascending("position"), customerId).stream()
                .map(address -> address.email).toList();
    }

    static String normalised(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}

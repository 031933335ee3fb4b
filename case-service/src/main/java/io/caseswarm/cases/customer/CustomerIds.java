package io.caseswarm.cases.customer;

/** The rule for customer ids: a CRM's own ids fit it, and none can smuggle a path, a query or markup. */
public final class CustomerIds {

    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,99}$";
    public static final String MESSAGE = "must be a customer id: up to 100 letters (a-z, A-Z), digits or . _ : @ + -, "
            + "starting with a letter or digit";

    private CustomerIds() {
    }
}

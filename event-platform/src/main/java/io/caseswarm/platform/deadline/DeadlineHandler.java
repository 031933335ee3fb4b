package io.caseswarm.platform.deadline;

/**
 * Fires the deadlines of one kind. A service implements one CDI bean per kind it schedules; two beans
 * for one kind stop the service at start.
 *
 * <p>{@link #fire} runs in the transaction that deletes the deadline, so the events it appends and the
 * deadline's removal commit together, or neither does: a deadline fires exactly once. Do the work in
 * that transaction (a {@code @Transactional} command joins it); one of your own would commit even
 * when the firing does not.
 *
 * <p>Fire as a normal command: load the aggregate and decide on its state now, as with any other
 * command. The deadline was right when it was scheduled; by the time it is due the aggregate may
 * have moved on (a case resolved a second before its SLA warning).
 *
 * <p>To fail, throw. A transient failure ({@link io.caseswarm.platform.retry.TransientFailures}: a lost
 * race, the database away) is tried again after a pause, for as long as it takes. Any other failure is
 * tried again after a growing pause, and after {@code caseswarm.deadlines.attempts} failed tries the
 * deadline is parked: kept, counted by {@code caseswarm_deadlines_parked}, never fired on its own.
 */
public interface DeadlineHandler {

    /** The kind of deadline this handler fires, e.g. {@code sla-warning}. */
    String kind();

    void fire(Deadline deadline);
}

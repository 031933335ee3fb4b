package io.caseswarm.cases.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A case's SLA milestones as its life moves them: started when the case opens (first response,
 * resolution) and when the customer writes after being answered (next response), stopped by a public
 * reply or the resolution, paused while the case waits on the customer (and, if the policy says so, on a
 * third party). Time counts only as {@link BusinessTime} does, so a pause over a weekend costs nothing.
 *
 * <p>It decides nothing on its own: it is told what happened, in order, and answers where each milestone
 * stands at a given instant and when it will warn or breach, which is what the desk schedules deadlines
 * for. The same history always gives the same answers: it is rebuilt from the case's events.
 */
public final class SlaClock {

    private final SlaTargets targets;
    private final BusinessTime time;
    private final Map<SlaMilestone, Milestone> milestones = new EnumMap<>(SlaMilestone.class);
    private boolean waiting;

    public SlaClock(SlaTargets targets, BusinessTime time) {
        this.targets = targets;
        this.time = time;
    }

    /** The clock as {@link #snapshot()} left it, counting in {@code time}. */
    public static SlaClock restore(Snapshot snapshot, BusinessTime time) {
        SlaClock clock = new SlaClock(snapshot.targets(), time);
        clock.waiting = snapshot.waiting();
        snapshot.milestones().forEach(kept -> clock.milestones.put(kept.milestone(), clock.new Milestone(kept)));
        return clock;
    }

    /**
     * Everything the clock knows, to be kept with the case's view and {@link #restore restored} when the
     * case is read, so reading a case's SLA takes no replay of its events.
     */
    public Snapshot snapshot() {
        return new Snapshot(targets, waiting, milestones.values().stream().map(Milestone::kept).toList());
    }

    /** The case arrived: its first response and its resolution start counting. */
    public void opened(Instant at) {
        start(SlaMilestone.FIRST_RESPONSE, at);
        start(SlaMilestone.RESOLUTION, at);
    }

    /** Somebody working the case wrote to the customer: what they waited for is met. */
    public List<Stopped> replied(Instant at) {
        List<Stopped> met = new ArrayList<>();
        stop(SlaMilestone.FIRST_RESPONSE, at).ifPresent(met::add);
        stop(SlaMilestone.NEXT_RESPONSE, at).ifPresent(met::add);
        return met;
    }

    /**
     * The customer wrote. Once they have had a first response, each message of theirs waits for the next
     * one; while one is awaited already, another message does not restart its clock.
     */
    public void customerWrote(Instant at) {
        boolean firstResponseGiven = milestone(SlaMilestone.FIRST_RESPONSE).map(Milestone::stopped).orElse(true);
        boolean nextAwaited = milestone(SlaMilestone.NEXT_RESPONSE).map(m -> !m.stopped()).orElse(false);
        if (firstResponseGiven && !nextAwaited) {
            start(SlaMilestone.NEXT_RESPONSE, at);
        }
    }

    /** The case waits on the customer ({@code onHold} false) or on a third party. */
    public void waiting(Instant at, boolean onHold) {
        if (onHold && !targets.pauseOnHold()) {
            return;
        }
        waiting = true;
        milestones.values().forEach(milestone -> milestone.pause(at));
    }

    /** The case is worked again: paused milestones go on from where they stopped. */
    public void working(Instant at) {
        if (waiting) {
            waiting = false;
            milestones.values().forEach(milestone -> milestone.resume(at));
        }
    }

    /** The case is resolved: its resolution is met, and so is any reply awaited (the resolution tells the customer). */
    public List<Stopped> resolved(Instant at) {
        List<Stopped> met = new ArrayList<>(replied(at));
        stop(SlaMilestone.RESOLUTION, at).ifPresent(met::add);
        return met;
    }

    /** A resolved case is open again: its resolution goes on counting from the time it had used. */
    public void reopened(Instant at) {
        milestone(SlaMilestone.RESOLUTION).ifPresent(milestone -> milestone.restart(at, waiting));
    }

    /** The case was closed without being resolved (or merged away): what was not met never will be. */
    public void closed(Instant at) {
        milestones.values().forEach(milestone -> milestone.cancel(at));
    }

    /** The desk was told the milestone is close to its breach; told once until it starts again. */
    public void warned(SlaMilestone which) {
        milestone(which).ifPresent(milestone -> milestone.warned = true);
    }

    /** The desk was told the milestone is breached; told once until it starts again. */
    public void breached(SlaMilestone which) {
        milestone(which).ifPresent(milestone -> milestone.breached = true);
    }

    /** Whether {@code which} is in warning (or past) at {@code now} and nobody has been told since it started. */
    public boolean warningDue(SlaMilestone which, Instant now) {
        return milestone(which).filter(m -> !m.warned && !m.breached)
                .map(m -> m.statusAt(now).state())
                .filter(state -> state == SlaState.WARNING || state == SlaState.BREACHED)
                .isPresent();
    }

    /** Whether {@code which} is breached at {@code now} and nobody has been told since it started. */
    public boolean breachDue(SlaMilestone which, Instant now) {
        return milestone(which).filter(m -> !m.breached)
                .filter(m -> m.statusAt(now).state() == SlaState.BREACHED)
                .isPresent();
    }

    /** When {@code which} is due as things stand; empty when the case never had it. */
    public Optional<Instant> dueAt(SlaMilestone which) {
        return milestone(which).map(m -> m.stopped() ? m.stopped.dueAt() : m.due);
    }

    public SlaTargets targets() {
        return targets;
    }

    /** Every milestone the case has had, as it stands at {@code now}. */
    public List<SlaStatus> at(Instant now) {
        return milestones.values().stream().map(milestone -> milestone.statusAt(now)).toList();
    }

    /** When a counting milestone warns; empty when it is not counting (paused or stopped) or the desk was told. */
    public Optional<Instant> warningAt(SlaMilestone milestone) {
        return milestone(milestone).filter(m -> !m.warned && !m.breached)
                .flatMap(m -> m.dueAfterUsing(targets.warningAfter(m.target)));
    }

    /** When a counting milestone breaches; empty when it is not counting or the desk was told. */
    public Optional<Instant> breachAt(SlaMilestone milestone) {
        return milestone(milestone).filter(m -> !m.breached).flatMap(m -> m.dueAfterUsing(m.target));
    }

    private void start(SlaMilestone which, Instant at) {
        targets.target(which).ifPresent(target -> milestones.put(which, new Milestone(which, target, at, waiting)));
    }

    private Optional<Stopped> stop(SlaMilestone which, Instant at) {
        return milestone(which).filter(milestone -> !milestone.stopped()).map(milestone -> milestone.stop(at));
    }

    private Optional<Milestone> milestone(SlaMilestone which) {
        return Optional.ofNullable(milestones.get(which));
    }

    /** A milestone that stopped: when it was due, when it was met, and whether that was in time. */
    public record Stopped(SlaMilestone milestone, Instant dueAt, Instant metAt, boolean inTime) {
    }

    /** One milestone as the case view shows it: {@code dueAt} is absent while it does not count. */
    public record SlaStatus(SlaMilestone milestone, Instant dueAt, Duration remaining, SlaState state) {
    }

    /** A clock's state, as {@link #snapshot()} gives it; plain data, written as JSON. */
    public record Snapshot(SlaTargets targets, boolean waiting, List<KeptMilestone> milestones) {
    }

    /**
     * One milestone's state: its target, the counted time used before {@code countingSince} (null while it
     * does not count), when it is due, how it stopped (null while it has not), and whether the desk was told
     * of its warning and breach.
     */
    public record KeptMilestone(SlaMilestone milestone, Duration target, Duration used, Instant countingSince,
            Instant due, Stopped stopped, boolean cancelled, boolean warned, boolean breached) {
    }

    /** One promise's clock: the counted time it has used, and since when it counts (null while it does not). */
    private final class Milestone {

        private final SlaMilestone which;
        private final Duration target;
        private Duration used = Duration.ZERO;
        private Instant countingSince;
        /** When it is due, as of the last time it started counting; kept through a pause, for the record. */
        private Instant due;
        private Stopped stopped;
        private boolean cancelled;
        private boolean warned;
        private boolean breached;

        Milestone(KeptMilestone kept) {
            this.which = kept.milestone();
            this.target = kept.target();
            this.used = kept.used();
            this.countingSince = kept.countingSince();
            this.due = kept.due();
            this.stopped = kept.stopped();
            this.cancelled = kept.cancelled();
            this.warned = kept.warned();
            this.breached = kept.breached();
        }

        KeptMilestone kept() {
            return new KeptMilestone(which, target, used, countingSince, due, stopped, cancelled, warned, breached);
        }

        Milestone(SlaMilestone which, Duration target, Instant at, boolean paused) {
            this.which = which;
            this.target = target;
            this.due = time.plus(at, target);
            if (!paused) {
                countFrom(at);
            }
        }

        private void countFrom(Instant at) {
            countingSince = at;
            if (used.compareTo(target) < 0) {
                due = time.plus(at, target.minus(used));
            }
        }

        boolean stopped() {
            return stopped != null || cancelled;
        }

        void cancel(Instant at) {
            if (!stopped()) {
                pause(at);
                cancelled = true;
            }
        }

        void pause(Instant at) {
            if (countingSince != null && !stopped()) {
                used = used.plus(time.between(countingSince, at));
                countingSince = null;
            }
        }

        void resume(Instant at) {
            if (countingSince == null && !stopped()) {
                countFrom(at);
            }
        }

        void restart(Instant at, boolean paused) {
            stopped = null;
            warned = false;
            breached = false;
            countingSince = null;
            if (!paused) {
                countFrom(at);
            }
        }

        Stopped stop(Instant at) {
            pause(at);
            stopped = new Stopped(which, due, at, used.compareTo(target) <= 0);
            return stopped;
        }

        Optional<Instant> dueAfterUsing(Duration budget) {
            if (stopped() || countingSince == null || used.compareTo(budget) >= 0) {
                return Optional.empty();
            }
            return Optional.of(time.plus(countingSince, budget.minus(used)));
        }

        SlaStatus statusAt(Instant now) {
            if (cancelled) {
                return new SlaStatus(which, null, Duration.ZERO, SlaState.CANCELLED);
            }
            if (stopped()) {
                return new SlaStatus(which, stopped.dueAt(), Duration.ZERO,
                        stopped.inTime() ? SlaState.MET : SlaState.MET_LATE);
            }
            Duration usedNow = countingSince == null ? used : used.plus(time.between(countingSince, now));
            Duration remaining = target.minus(usedNow);
            Instant dueAt = countingSince == null ? null : due;
            SlaState state;
            if (!remaining.isPositive()) {
                state = SlaState.BREACHED;
            } else if (countingSince == null) {
                state = SlaState.PAUSED;
            } else {
                state = usedNow.compareTo(targets.warningAfter(target)) >= 0 ? SlaState.WARNING : SlaState.RUNNING;
            }
            return new SlaStatus(which, dueAt, remaining.isNegative() ? Duration.ZERO : remaining, state);
        }
    }
}

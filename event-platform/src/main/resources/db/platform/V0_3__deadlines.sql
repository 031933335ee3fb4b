-- Durable deadlines: "at due_at, do <kind> for <aggregate_id>". A row is written in the transaction of
-- the events that cause it and deleted in the transaction that fires it, with the handler's events.
create table deadlines (
    id              bigserial   primary key,
    -- What to do (a handler of this kind in the service fires it), and for which aggregate.
    kind            text        not null,
    aggregate_id    text        not null,
    -- Chosen by the caller, so that one aggregate can have several deadlines of one kind.
    key             text        not null,
    payload         jsonb,
    -- When the caller wants it fired; never changed by failures, so lag is measured from it.
    due_at          timestamptz not null,
    -- When a poller may next take it: due_at, later after a failure (back-off) or while a poller holds
    -- it (a claim that expires, so a deadline whose poller died fires late, not never).
    next_attempt_at timestamptz not null,
    created_at      timestamptz not null,
    -- Failed tries so far, with the last one's reason.
    attempts        int         not null default 0,
    last_error      text,
    -- Set once a deadline has failed for good: kept for an operator, never taken again.
    parked_at       timestamptz,
    -- The poller round that has taken it; the firing transaction deletes the row only under this claim.
    claim           uuid,
    -- Scheduling the same deadline again (a redelivered event) finds this row; moving it updates it.
    -- The aggregate first: cancelAll(aggregate) uses this index too. Not the kind first: an index led by
    -- kind tempts the planner, short of statistics, to find due rows by kind rather than by due time.
    constraint deadlines_identity unique (aggregate_id, kind, key)
);

-- The pollers' work queue: "due now, oldest first" reads the head of this index, however many wait.
create index deadlines_due on deadlines (next_attempt_at, id) where parked_at is null;

-- What an operator looks at: the few deadlines that failed for good.
create index deadlines_parked on deadlines (parked_at) where parked_at is not null;

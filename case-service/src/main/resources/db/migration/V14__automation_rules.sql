-- A group's leads: who "the leads" of a case in its queue are, for automation rules that notify them.
alter table agent_group add column lead_ids jsonb not null default '[]';

-- Automation rules: a trigger (an event, or a time after one), conditions and actions, kept as the API
-- takes them. Configuration an admin keeps, a plain table like sla_policy; each save is the next version.
-- trigger_event is the event a rule waits for (for a time trigger, the event the time counts from), so
-- that an event finds its rules without reading every definition.
create table automation_rule (
    id            text        primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name          text        not null,
    enabled       boolean     not null,
    trigger_event text        not null,
    definition    jsonb       not null,
    version       integer     not null,
    updated_at    timestamptz not null,
    updated_by    text        not null
);

create index automation_rule_trigger on automation_rule (trigger_event) where enabled;

-- Approvals rules asked for, projected from the case events that request and decide them.
create table case_approval (
    approval_id  uuid        primary key,
    case_id      uuid        not null,
    case_number  text        not null,
    rule_id      text        not null,
    rule_version integer     not null,
    approver_id  text        not null,
    reason       text,
    actions      jsonb       not null,
    state        text        not null check (state in ('pending', 'granted', 'denied')),
    requested_at timestamptz not null,
    decided_at   timestamptz,
    decided_by   text
);

create index case_approval_by_approver on case_approval (approver_id, state, requested_at, approval_id);
create index case_approval_by_state on case_approval (state, requested_at, approval_id);

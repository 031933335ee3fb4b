-- SLA policies: which cases a policy is for (conditions; an empty list is any value), its promises in
-- business time on a calendar, and when a milestone warns. The first policy by rank whose conditions a
-- case meets is the case's; a case records the policy (and its version) it started with, so changing a
-- policy applies to new cases only. Configuration kept by admins, a plain table like agent_group.
create table sla_policy (
    id             text        primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name           text        not null,
    rank           integer     not null,
    calendar_id    text        not null references business_calendar (id),
    priorities     jsonb       not null,
    products       jsonb       not null,
    tiers          jsonb       not null,
    channels       jsonb       not null,
    -- Targets in business time, ISO 8601 (PT4H), as the API writes them; null is no promise.
    first_response text,
    next_response  text,
    resolution     text,
    warn_at        numeric(4, 3) not null check (warn_at > 0 and warn_at < 1),
    pause_on_hold  boolean     not null,
    version        integer     not null,
    updated_at     timestamptz not null,
    updated_by     text        not null
);

-- A policy for every priority, on the default calendar, so that a new case has SLA milestones with no
-- set-up. Business time: 8 hours is a working day of the default calendar.
insert into sla_policy (id, name, rank, calendar_id, priorities, products, tiers, channels, first_response,
                        next_response, resolution, warn_at, pause_on_hold, version, updated_at, updated_by)
values ('urgent', 'Urgent cases', 100, 'default', '["urgent"]', '[]', '[]', '[]',
        'PT1H', 'PT2H', 'PT8H', 0.75, false, 1, now(), 'caseswarm'),
       ('high', 'High-priority cases', 101, 'default', '["high"]', '[]', '[]', '[]',
        'PT2H', 'PT4H', 'PT16H', 0.75, false, 1, now(), 'caseswarm'),
       ('normal', 'Normal cases', 102, 'default', '["normal"]', '[]', '[]', '[]',
        'PT8H', 'PT8H', 'PT40H', 0.75, false, 1, now(), 'caseswarm'),
       ('low', 'Low-priority cases', 103, 'default', '["low"]', '[]', '[]', '[]',
        'PT16H', 'PT16H', 'PT80H', 0.75, false, 1, now(), 'caseswarm');

-- Business calendars: when a desk works (a time zone, weekly hours, holidays), for business time and SLA
-- targets. Configuration kept by admins, a plain table like agent_group (see StoredCalendar). Weekly
-- hours are {"monday": ["09:00-13:00", "14:00-18:00"], …} (a day left out is not worked; "24:00" ends a
-- day); holidays are ["2026-12-08", …] and yearly holidays ["12-25", …].
create table business_calendar (
    id              text        primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name            text        not null,
    time_zone       text        not null,
    hours           jsonb       not null,
    holidays        jsonb       not null,
    yearly_holidays jsonb       not null,
    updated_at      timestamptz not null,
    updated_by      text        not null
);

-- The calendar a desk has before anybody sets one up: weekdays 09:00–17:00 UTC, no holidays. An admin
-- may replace it with PUT /calendars/default.
insert into business_calendar (id, name, time_zone, hours, holidays, yearly_holidays, updated_at, updated_by)
values ('default', 'Default', 'UTC',
        '{"monday": ["09:00-17:00"], "tuesday": ["09:00-17:00"], "wednesday": ["09:00-17:00"],
          "thursday": ["09:00-17:00"], "friday": ["09:00-17:00"]}',
        '[]', '[]', now(), 'caseswarm');

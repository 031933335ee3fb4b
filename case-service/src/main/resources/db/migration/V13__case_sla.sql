-- Each case's SLA as its events left it: the policy it was given, the calendar its time counts on, and
-- its clock (milestones, time used, when each is due), so reading a case shows its SLA without a replay.
-- Cases opened before SLA policies existed have none.
alter table case_view
    add column sla_policy_id   text,
    add column sla_calendar_id text,
    add column sla_clock       jsonb;

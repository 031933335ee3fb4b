-- A person's calendar (working days, holidays, time off, whether they take urgent swarms on days off), as their
-- latest directory event says; null: none, never off (every profile from before calendars).
alter table expert_profile add column days_off jsonb;

-- Each change names the replica that wrote it (every connection of a replica sets caseswarm.replica as it opens):
-- a replica applies its own changes when they commit and reads only the others' from the log. A change written
-- by anyone else (a script, an operator in psql) names nobody and is read by every replica.
alter table directory_change add column replica text default current_setting('caseswarm.replica', true);

-- Profiles are noted once per statement rather than once per row: an import's batch upserts hundreds at once.
-- (An insert ... on conflict do update fires both triggers, each with the rows it inserted or updated.)
drop trigger expert_profile_changed on expert_profile;

create function note_profiles_changed() returns trigger language plpgsql as $$
begin
    insert into directory_change (person_id) select person_id from changed;
    return null;
end
$$;

create trigger expert_profile_inserted after insert on expert_profile
    referencing new table as changed for each statement execute function note_profiles_changed();
create trigger expert_profile_updated after update on expert_profile
    referencing new table as changed for each statement execute function note_profiles_changed();

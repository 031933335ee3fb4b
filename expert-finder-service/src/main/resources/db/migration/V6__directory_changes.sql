-- Which people's profile or load changed, in the order of the changes: every replica's in-memory index reads
-- what other replicas changed from here (its own changes it applies on commit). Written by triggers, so no
-- writer can forget it; rows older than an hour are pruned by the replicas.
create table directory_change (
    id         bigserial   primary key,
    person_id  text        not null,
    changed_at timestamptz not null default now()
);
create index directory_change_at on directory_change (changed_at);

create function note_directory_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        insert into directory_change (person_id) values (old.person_id);
    else
        insert into directory_change (person_id) values (new.person_id);
    end if;
    return null;
end
$$;

create trigger expert_profile_changed after insert or update on expert_profile
    for each row execute function note_directory_change();
create trigger expert_assignment_changed after insert or update or delete on expert_assignment
    for each row execute function note_directory_change();

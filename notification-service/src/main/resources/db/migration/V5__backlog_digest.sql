-- What the leads' daily backlog digest lists about each swarm, kept from the swarm's own events: its type
-- (only backlog swarms are digested), whose it is to steer (the pod's leads when it was asked for, else the
-- configured leads), how old it is, when anything last happened in it, whether staffing ran dry, and
-- whether it is over (closed or cancelled: it drops out of the digest).
alter table swarm_info add column type             text;
alter table swarm_info add column pod_id           text;
alter table swarm_info add column lead_ids         text[] not null default '{}';
alter table swarm_info add column requested_at     timestamptz;
alter table swarm_info add column last_activity_at timestamptz;
alter table swarm_info add column unstaffed        boolean not null default false;
alter table swarm_info add column ended_at         timestamptz;
create index swarm_info_open_backlog on swarm_info using gin (lead_ids) where type = 'backlog' and ended_at is null;

-- Where each person stands in a swarm: invited, joined, declined (or lapsed), left or removed.
create table swarm_info_member (
    swarm_id  uuid not null references swarm_info (swarm_id),
    person_id text not null,
    status    text not null check (status in ('invited', 'joined', 'declined', 'left', 'removed')),
    primary key (swarm_id, person_id)
);

-- Who asked for the swarm (its owner, or a lead for them). Swarms asked for before it was recorded
-- leave it empty; owner_id is the case's current owner, which a swarm follows when the case changes hands.
alter table swarm_view add column requested_by text;

-- Invitations carry the case number and the question of the swarm they are for, also when a decline
-- brings in the next candidate long after the request.
alter table swarm_staffing
    add column case_number text,
    add column question    text;

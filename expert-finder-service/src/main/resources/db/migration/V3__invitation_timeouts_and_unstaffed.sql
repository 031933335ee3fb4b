-- The case's priority when the swarm was asked for (null on swarms requested before it was sent): it
-- sets how long an invitation waits. And whether staffing has run dry since the last invitation, so
-- that swarm-unstaffed is published once each time it does.
alter table swarm_staffing
    add column priority  text,
    add column unstaffed boolean not null default false;

-- Everybody who was ever in a swarm of the case (joined or added by name), leaving or not: a resolution may
-- name only them as having helped. Swarms seen before this kept only their current members: those.
alter table case_swarm add column ever_member_ids jsonb;
update case_swarm set ever_member_ids = member_ids;
alter table case_swarm alter column ever_member_ids set not null;

-- The feed shows which post is the answer (swarm-answer-marked, -unmarked) and whom each post mentions
-- (swarm-post-added's mentions; null for posts from before mentions were recorded).
alter table swarm_post add column answer boolean not null default false;
alter table swarm_post add column mentions jsonb;

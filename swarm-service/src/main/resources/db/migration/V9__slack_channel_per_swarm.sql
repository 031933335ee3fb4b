-- A swarm's message may be the first of a channel made for that swarm alone (caseswarm.slack.channel-per-swarm).
alter table slack_swarm_message add column own_channel boolean not null default false;

-- The Slack user a person is linked to (acting in Slack as them) and the roles they act with where no
-- token carries any. A Slack user is one person's: the directory refuses a second link to it.
alter table expert_profile
    add column slack_user_id text,
    add column roles         jsonb not null default '[]';
create unique index expert_profile_slack_user on expert_profile (slack_user_id) where slack_user_id is not null;

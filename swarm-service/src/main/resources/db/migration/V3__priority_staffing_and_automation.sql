-- A case's priority, from case-opened and each case-updated that changes it; swarm requests carry it to
-- the expert finder, where it sets how long invitations wait.
alter table known_case add column priority text;

-- Whether the expert finder still finds people for the swarm ('on-track') or has run dry ('unstaffed');
-- and which automation rule asked for the swarm, when no person did.
alter table swarm_view
    add column staffing      text not null default 'on-track',
    add column requested_via text,
    add column priority      text;

-- The automation rule a bot post was asked for by; null for people's posts and reminders.
alter table swarm_post add column via text;

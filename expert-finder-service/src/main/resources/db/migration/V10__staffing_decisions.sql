-- What a swarm's request says of its case, for the finder's weighing: the product and the steps tried (with
-- the question, the words similar cases are found by). Null on swarms requested before they were sent.
alter table swarm_staffing add column product text;
alter table swarm_staffing add column steps_tried text;

-- Each staffing decision as it was taken: what set it off, the ranked candidates with the parts of their scores
-- and the evidence behind them, and whom it invited. GET /staffing/{swarmId} reads them.
create table staffing_decision (
    id         bigint generated always as identity primary key,
    swarm_id   uuid not null,
    decided_at timestamptz not null,
    reason     text not null,
    ranked     jsonb not null,
    invited    jsonb not null
);

create index staffing_decision_by_swarm on staffing_decision (swarm_id, id);

-- The skill taxonomy: each skill's definition as its latest skill-defined event says. Every replica holds it in
-- memory (TaxonomyView); revision counts the definitions a skill had, so that sum(revision) with count(*) tells a
-- replica cheaply whether anyone changed the taxonomy since it last read it.
create table skill_definition (
    skill      text        primary key,
    synonyms   jsonb       not null,
    broader    text,
    related    jsonb       not null,
    defined_by text        not null,
    defined_at timestamptz not null,
    revision   bigint      not null
);

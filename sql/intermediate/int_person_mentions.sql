-- int_person_mentions: a person named in an article, under the person's canonical key.
-- Grain: one row per (article_id, person_key).
--
-- From the person mentions of the article's current extraction, plus the participants of its
-- events (a participant is named in the article even if no separate mention row was written;
-- such a person counts one mention).
-- Columns:
--   article_id: the article
--   person_key: canonical entity key of the person
--   mentions: times the person is mentioned in the article
with aliases as (
    select alias_key, canonical_key from {{ ref('int_entity_aliases') }}
),

mentioned as (
    select m.article_id, coalesce(al.canonical_key, m.entity_key) as person_key, count(*) as mentions
    from {{ ref('stg_mentions') }} as m
    left join aliases as al on al.alias_key = m.entity_key
    where m.kind = 'person' and m.entity_key <> ''
    group by all
),

participating as (
    select distinct article_id, unnest(participant_keys) as person_key
    from {{ ref('int_event_mentions') }}
)

select
    coalesce(m.article_id, p.article_id) as article_id,
    coalesce(m.person_key, p.person_key) as person_key,
    cast(greatest(coalesce(m.mentions, 0), 1) as integer) as mentions
from mentioned as m
full outer join participating as p
    on p.article_id = m.article_id and p.person_key = m.person_key

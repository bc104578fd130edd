-- people: a person named in at least one article (dimension).
-- Grain: one row per person_id.
--
-- Attributes prefer the gazetteer's over those discovered in the text; analyst aliases are
-- folded into their canonical person.
-- Columns:
--   person_id: 'p_' + 16 hex of sha256 of the person's entity key
--   name_en: English name (null if only the Arabic is known)
--   name_ar: Arabic name (null if only the English is known)
--   role: role or title
--   country_code: ISO 3166-1 alpha-2 of the country the person serves
--   first_seen: publication day of the first article naming the person
--   last_seen: publication day of the latest article naming the person
--   article_count: articles naming the person
--   person_key: entity key (person:putin, person:ar:<name>, ...)
--   entity_source: gazetteer | discovered
with seen as (
    select
        pm.person_key,
        min(a.published_date) as first_seen,
        max(a.published_date) as last_seen,
        cast(count(distinct pm.article_id) as integer) as article_count
    from {{ ref('int_person_mentions') }} as pm
    join {{ ref('stg_articles') }} as a on a.article_id = pm.article_id
    group by pm.person_key
)

select
    short_id('p_', s.person_key) as person_id,
    -- never both names null: the key stands in for a name when no text gives one
    coalesce(e.name_en, case when e.name_ar is null then s.person_key end) as name_en,
    e.name_ar,
    e.role,
    e.country_code,
    s.first_seen,
    s.last_seen,
    s.article_count,
    s.person_key,
    coalesce(e.entity_source, 'discovered') as entity_source
from seen as s
left join {{ ref('int_entities') }} as e on e.entity_key = s.person_key

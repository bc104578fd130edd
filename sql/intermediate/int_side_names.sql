-- int_side_names: how a negotiating side is named in labels: a state by the countries seed, a
-- non-state actor (org:<slug>) by its entity (the gazetteer's organisation, e.g. org:hamas ->
-- Hamas) or, when no article named it as an entity, by its slug (org:rsf -> RSF); the rival sides
-- of one country named together (org:<cc>-factions) by that country: "Palestine factions".
-- Grain: one row per side, mediator or party code any event mention uses.
-- Columns:
--   side: the code (ISO 3166-1 alpha-2, EU, or org:<slug>)
--   kind: state | org
--   name_en: English name (the code itself for a country code the seed lacks)
--   name_ar: Arabic name, null when unknown
--   country_code: the country a non-state side belongs to (from its entity), the code itself for
--     a state; null for an org whose country is unknown
with codes as (
    select unnest(sides) as side from {{ ref('int_event_mentions') }}
    union
    select unnest(parties) from {{ ref('int_event_mentions') }}
    union
    select unnest(mediators) from {{ ref('int_event_mentions') }}
)

select
    c.side,
    case when c.side like 'org:%' then 'org' else 'state' end as kind,
    case
        when f.country_code is not null then f.name_en || ' factions'
        when c.side like 'org:%' then coalesce(e.name_en, org_slug_name(c.side))
        else coalesce(k.name_en, c.side)
    end as name_en,
    case
        when f.country_code is not null then 'الأطراف في ' || f.name_ar
        when c.side like 'org:%' then e.name_ar
        else k.name_ar
    end as name_ar,
    case
        when f.country_code is not null then f.country_code
        when c.side like 'org:%' then norm_country(e.country_code)
        else c.side
    end as country_code
from codes as c
left join {{ ref('countries') }} as k on k.country_code = c.side
left join {{ ref('countries') }} as f
    on c.side like 'org:%-factions' and f.country_code = upper(regexp_extract(c.side, '^org:([a-z]{2})-factions$', 1))
left join {{ ref('int_entities') }} as e on e.entity_key = c.side and e.kind = 'org'
where c.side is not null

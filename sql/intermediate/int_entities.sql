-- int_entities: one entity (person, place or organisation) with its best-known attributes,
-- under its canonical key (analyst aliases folded in).
-- Grain: one row per entity_key.
--
-- Every key any mention, event or participant refers to has a row, described or not. Each
-- attribute comes from the best row that has it: gazetteer rows before discovered ones, the
-- entity's own rows before its aliases', the newer article before the older (publication day,
-- then article id: a re-run picks the same row whichever article it extracted last). What no row gives falls back to
-- the key (loc:country:TR is the country TR, named from the countries seed) or to the most
-- frequent way the text writes the name (Arabic script -> name_ar, else name_en).
-- Columns:
--   entity_key: canonical entity key
--   kind: person | location | org
--   name_en: English name
--   name_ar: Arabic name
--   role: role or title (people)
--   country_code: ISO 3166-1 alpha-2 (EU for the European Union)
--   location_kind: city | country | venue | region (places; null when unknown)
--   latitude: degrees north (places)
--   longitude: degrees east (places)
--   parent_key: canonical key of the place this one lies in
--   entity_source: gazetteer when any article's extraction found it in the gazetteer, else discovered
with aliases as (
    select alias_key, canonical_key from {{ ref('int_entity_aliases') }}
),

described as (
    select
        coalesce(al.canonical_key, e.entity_key) as entity_key,
        e.entity_key = coalesce(al.canonical_key, e.entity_key) as is_own_row,
        case e.entity_source when 'gazetteer' then 0 when 'discovered' then 2 else 1 end as source_rank,
        e.kind, e.name_en, e.name_ar, e.role, e.country_code, e.location_kind, e.latitude, e.longitude,
        coalesce(alp.canonical_key, e.parent_key) as parent_key,
        e.entity_source, a.published_date, e.article_id
    from {{ ref('stg_entities') }} as e
    left join {{ ref('stg_articles') }} as a on a.article_id = e.article_id
    left join aliases as al on al.alias_key = e.entity_key
    left join aliases as alp on alp.alias_key = e.parent_key
),

attributes as (
    select
        entity_key,
        first(kind order by source_rank, is_own_row desc, published_date desc nulls last, article_id) filter (where kind is not null) as kind,
        first(name_en order by source_rank, is_own_row desc, published_date desc nulls last, article_id) filter (where name_en is not null) as name_en,
        first(name_ar order by source_rank, is_own_row desc, published_date desc nulls last, article_id) filter (where name_ar is not null) as name_ar,
        first(role order by source_rank, is_own_row desc, published_date desc nulls last, article_id) filter (where role is not null) as role,
        first(country_code order by source_rank, is_own_row desc, published_date desc nulls last, article_id) filter (where country_code is not null) as country_code,
        first(location_kind order by source_rank, is_own_row desc, published_date desc nulls last, article_id) filter (where location_kind is not null) as location_kind,
        -- latitude and longitude from one and the same row
        first(latitude order by source_rank, is_own_row desc, published_date desc nulls last, article_id) filter (where latitude is not null and longitude is not null) as latitude,
        first(longitude order by source_rank, is_own_row desc, published_date desc nulls last, article_id) filter (where latitude is not null and longitude is not null) as longitude,
        first(parent_key order by source_rank, is_own_row desc, published_date desc nulls last, article_id) filter (where parent_key is not null and parent_key <> entity_key) as parent_key,
        case when bool_or(entity_source = 'gazetteer') then 'gazetteer' else 'discovered' end as entity_source
    from described
    group by entity_key
),

referenced as (
    select entity_key from {{ ref('stg_mentions') }} where kind in ('person', 'location', 'org') and entity_key <> ''
    union
    select location_key from {{ ref('stg_events') }} where location_key is not null
    union
    select unnest(list_transform(participants, lambda p: p.person_key)) from {{ ref('stg_events') }}
),

all_keys as (
    select coalesce(al.canonical_key, r.entity_key) as entity_key
    from referenced as r
    left join aliases as al on al.alias_key = r.entity_key
    where r.entity_key is not null and r.entity_key <> ''
    union
    select entity_key from attributes
),

surfaces as (
    -- the most frequent way the text writes each entity's name, per script
    select
        coalesce(al.canonical_key, m.entity_key) as entity_key,
        regexp_matches(m.surface, '[\x{0600}-\x{06FF}]') as is_arabic,
        m.surface,
        count(*) as uses
    from {{ ref('stg_mentions') }} as m
    left join aliases as al on al.alias_key = m.entity_key
    where m.kind in ('person', 'location', 'org') and nullif(trim(m.surface), '') is not null
    group by all
),

best_surface as (
    select
        entity_key,
        first(surface order by uses desc, length(surface) desc, surface) filter (where not is_arabic) as surface_en,
        first(surface order by uses desc, length(surface) desc, surface) filter (where is_arabic) as surface_ar
    from surfaces
    group by entity_key
),

keyed as (
    select
        k.entity_key,
        string_split(k.entity_key, ':') as key_parts,
        a.*  exclude (entity_key),
        s.surface_en,
        s.surface_ar
    from all_keys as k
    left join attributes as a on a.entity_key = k.entity_key
    left join best_surface as s on s.entity_key = k.entity_key
),

resolved as (
    select
        entity_key,
        coalesce(
            kind,
            case key_parts[1] when 'person' then 'person' when 'loc' then 'location' when 'org' then 'org' end
        ) as kind,
        name_en,
        name_ar,
        role,
        coalesce(
            country_code,
            case when key_parts[1] = 'loc' and key_parts[2] = 'country' then norm_country(key_parts[3]) end
        ) as country_code,
        coalesce(
            location_kind,
            case when key_parts[1] = 'loc' and key_parts[2] in ('city', 'country', 'venue', 'region') then key_parts[2] end
        ) as location_kind,
        latitude,
        longitude,
        parent_key,
        coalesce(entity_source, 'discovered') as entity_source,
        surface_en,
        surface_ar,
        key_parts
    from keyed
)

select
    r.entity_key,
    r.kind,
    coalesce(
        r.name_en,
        case when r.location_kind = 'country' then c.name_en end,
        r.surface_en,
        case when r.key_parts[1] = 'person' and r.key_parts[2] = 'en' then array_to_string(r.key_parts[3:], ':') end
    ) as name_en,
    coalesce(
        r.name_ar,
        case when r.location_kind = 'country' then c.name_ar end,
        r.surface_ar,
        case when r.key_parts[1] = 'person' and r.key_parts[2] = 'ar' then array_to_string(r.key_parts[3:], ':') end
    ) as name_ar,
    r.role,
    r.country_code,
    r.location_kind,
    r.latitude,
    r.longitude,
    r.parent_key,
    r.entity_source
from resolved as r
left join {{ ref('countries') }} as c on c.country_code = r.country_code

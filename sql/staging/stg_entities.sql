-- stg_entities: what one article's current extraction says about one entity (person, place,
-- organisation): the source of the people and locations dimensions.
-- Grain: one row per (article_id, entity_key).
-- Columns:
--   article_id: the article the entity was seen in
--   entity_key: entity key (person:..., loc:..., org:...)
--   kind: person | location | org
--   name_en: English name, null if unknown
--   name_ar: Arabic name, null if unknown
--   role: role or title (people)
--   country_code: ISO 3166-1 alpha-2 (EU for the European Union)
--   location_kind: city | country | venue | region (places)
--   latitude: degrees north (places)
--   longitude: degrees east (places)
--   parent_key: the place this one lies in (a venue's city, a city's country)
--   entity_source: gazetteer | discovered
--   written_at: when the row was written
with source as (
    select * from {{ source('lake', 'entities') }}
),

current_rows as (
    select *
    from current_extraction('source', '{{ ref('stg_extractions') }}', '{{ ref('stg_articles') }}')
    where nullif(trim(entity_key), '') is not null
    qualify written_at is not distinct from max(written_at) over (partition by article_id)
)

select
    article_id,
    trim(entity_key) as entity_key,
    lower(trim(kind)) as kind,
    nullif(trim(name_en), '') as name_en,
    nullif(trim(name_ar), '') as name_ar,
    nullif(trim(role), '') as role,
    norm_country(country_code) as country_code,
    nullif(lower(trim(location_kind)), '') as location_kind,
    latitude,
    longitude,
    nullif(trim(parent_key), '') as parent_key,
    nullif(lower(trim(entity_source)), '') as entity_source,
    written_at
from current_rows
qualify row_number() over (
    partition by article_id, trim(entity_key)
    order by entity_source = 'gazetteer' desc, name_en nulls last, name_ar nulls last
) = 1

-- locations: a place named in an article or where a round took place (dimension).
-- Grain: one row per location_id.
--
-- Attributes prefer the gazetteer's over those discovered in the text.
-- Columns:
--   location_id: 'l_' + 16 hex of sha256 of the place's entity key
--   name_en: English name
--   name_ar: Arabic name
--   country_code: ISO 3166-1 alpha-2 of the country the place is in (its own code for a country)
--   kind: city | country | venue | region (null when unknown)
--   latitude: degrees north
--   longitude: degrees east
--   location_key: entity key (loc:city:miami, loc:country:TR, ...)
--   parent_location_id: the place this one lies in (may be absent from this table when never named)
select
    short_id('l_', entity_key) as location_id,
    coalesce(name_en, case when name_ar is null then entity_key end) as name_en,
    name_ar,
    country_code,
    case when location_kind in ('city', 'country', 'venue', 'region') then location_kind end as kind,
    latitude,
    longitude,
    entity_key as location_key,
    case when parent_key is not null then short_id('l_', parent_key) end as parent_location_id
from {{ ref('int_entities') }}
where kind = 'location'

-- A place's kind is one of city, country, venue, region (or unknown).
select location_id, kind
from {{ ref('locations') }}
where kind is not null and kind not in ('city', 'country', 'venue', 'region')

-- Every country code is one the data world uses: ISO 3166-1 alpha-2, XK for Kosovo or EU for
-- the European Union (the countries seed).
-- On failure: quarantine. A round, person or place with an unknown code moves to the quarantine
-- schema (with what refers to it) and the rest is built and exported; the run says so in one line.
with codes as (
    select 'people.country_code' as col, person_id as id, country_code as code from {{ ref('people') }}
    union all
    select 'locations.country_code', location_id, country_code from {{ ref('locations') }}
    union all
    select 'negotiation_rounds.parties', round_id, unnest(parties) from {{ ref('negotiation_rounds') }}
    union all
    select 'negotiation_rounds.mediators', round_id, unnest(mediators) from {{ ref('negotiation_rounds') }}
    union all
    select 'round_participants.side', round_id || '/' || person_id, side from {{ ref('round_participants') }}
)
select col, id, code
from codes
where code is not null and code not in (select country_code from {{ ref('countries') }})
